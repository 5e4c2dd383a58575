package eu.ai4c.desktop.world;

import java.util.Locale;

/**
 * What part of the world a map of {@code width} × {@code height} pixels shows, in the
 * equirectangular (plate carrée) projection: longitude and latitude are scaled alike, so
 * <pre>
 *   x = width/2  + (lon − centreLon) · scale
 *   y = height/2 − (lat − centreLat) · scale
 * </pre>
 * with {@code scale} in pixels per degree and (x, y) pixel coordinates of the map component (y down;
 * a pixel's centre is at +0.5). Zooming keeps the point under the cursor where it is; the view never
 * shows less than the whole world fits ({@link #minScale()}) nor more than {@link #MAX_SCALE}, and its
 * centre stays on the globe. Immutable; every change returns a new view.
 *
 * @param width     map width in pixels (≥ 1)
 * @param height    map height in pixels (≥ 1)
 * @param centreLon longitude at the centre of the map, degrees in [−180, 180]
 * @param centreLat latitude at the centre of the map, degrees in [−90, 90]
 * @param scale     pixels per degree
 */
public record MapView(int width, int height, double centreLon, double centreLat, double scale) {
    /** Deepest zoom: 20 000 px per degree, about 5.6 m per pixel at the equator. */
    public static final double MAX_SCALE = 20_000;
    /** Graticule steps, degrees, coarsest first. */
    static final double[] GRATICULE_STEPS = {30, 10, 5, 1, 0.5, 0.1, 0.05, 0.01, 0.005, 0.001};
    /** Least distance in pixels between graticule lines (finer steps are used only above it). */
    static final double MIN_LINE_SPACING_PX = 40;

    public MapView {
        if (width < 1 || height < 1) throw new IllegalArgumentException("map size " + width + "×" + height);
        if (!(scale > 0) || !Double.isFinite(scale)) throw new IllegalArgumentException("scale " + scale);
    }

    /** The whole world, centred on (0°, 0°), as large as it fits. */
    public static MapView world(int width, int height) {
        return new MapView(width, height, 0, 0, Math.min(width / 360.0, height / 180.0));
    }

    /** Screen x of a longitude. */
    public double x(double lon) {
        return width / 2.0 + (lon - centreLon) * scale;
    }

    /** Screen y of a latitude. */
    public double y(double lat) {
        return height / 2.0 - (lat - centreLat) * scale;
    }

    /** Longitude at screen x (not limited to ±180°). */
    public double lon(double x) {
        return centreLon + (x - width / 2.0) / scale;
    }

    /** Latitude at screen y (not limited to ±90°). */
    public double lat(double y) {
        return centreLat - (y - height / 2.0) / scale;
    }

    /** The smallest scale: the whole world fits the map. */
    public double minScale() {
        return Math.min(width / 360.0, height / 180.0);
    }

    /** The same centre and scale on a map of another size (the window was resized). */
    public MapView resized(int newWidth, int newHeight) {
        return new MapView(Math.max(1, newWidth), Math.max(1, newHeight), centreLon, centreLat, scale).limited();
    }

    /**
     * Zoomed by {@code factor} (> 1 in, < 1 out) around screen point (x, y): the longitude and latitude
     * under that point stay under it, unless the scale or centre limits move them.
     */
    public MapView zoomAt(double x, double y, double factor) {
        double s = clamp(scale * factor, minScale(), MAX_SCALE);
        double lon = lon(x), lat = lat(y);
        // lon = cLon' + (x − w/2)/s  ⇒  cLon' = lon − (x − w/2)/s
        return new MapView(width, height, lon - (x - width / 2.0) / s, lat + (y - height / 2.0) / s, s).limited();
    }

    /** Moved by a drag of (dx, dy) pixels: the map follows the mouse. */
    public MapView panned(double dx, double dy) {
        return new MapView(width, height, centreLon - dx / scale, centreLat + dy / scale, scale).limited();
    }

    /**
     * The view that shows the box west, south, east, north (degrees) as large as fits with
     * {@code marginPx} pixels around it (within the scale limits).
     */
    public MapView fitted(double west, double south, double east, double north, int marginPx) {
        double w = Math.max(east - west, 1e-9), h = Math.max(north - south, 1e-9);
        double s = Math.min(Math.max(1, width - 2 * marginPx) / w, Math.max(1, height - 2 * marginPx) / h);
        return new MapView(width, height, (west + east) / 2, (south + north) / 2, clamp(s, minScale(), MAX_SCALE)).limited();
    }

    /** This view with the scale within its limits and the centre on the globe. */
    MapView limited() {
        double s = clamp(scale, minScale(), MAX_SCALE);
        return new MapView(width, height, clamp(centreLon, -180, 180), clamp(centreLat, -90, 90), s);
    }

    /**
     * The graticule step for this scale: the finest of {@link #GRATICULE_STEPS} whose lines lie at
     * least {@value #MIN_LINE_SPACING_PX} px apart, 30° when even those lie closer (the whole world
     * on a small map): 30° at world scale, 10° once zoomed in a little, finer steps further in.
     */
    public double graticuleStep() {
        double step = GRATICULE_STEPS[0];
        for (double s : GRATICULE_STEPS) {
            if (s * scale >= MIN_LINE_SPACING_PX) step = s;
        }
        return step;
    }

    /**
     * The label of a graticule line: {@code 30°E}, {@code 45.5°S}, {@code 0°}, {@code 180°}, with as
     * many decimals as the step needs.
     *
     * @param value     degrees
     * @param longitude true for a meridian (E/W), false for a parallel (N/S)
     * @param step      the graticule step, for the number of decimals
     */
    public static String label(double value, boolean longitude, double step) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        double v = Math.round(value * Math.pow(10, decimals)) / Math.pow(10, decimals);
        String number = String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(v));
        if (v == 0 || (longitude && Math.abs(v) == 180)) return number + "\u00b0";
        return number + "\u00b0" + (longitude ? (v > 0 ? "E" : "W") : (v > 0 ? "N" : "S"));
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
