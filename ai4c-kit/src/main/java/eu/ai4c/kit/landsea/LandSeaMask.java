package eu.ai4c.kit.landsea;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.geo.Wgs84;
import eu.ai4c.kit.raster.Region;
import java.util.Locale;
import java.util.Objects;
import javax.measure.Unit;
import javax.measure.quantity.Length;
import org.apache.sis.measure.Units;

/**
 * The plan of a land/sea mask: which class of pixels to remove ({@link Mode}), the tolerance in
 * metres by which the <em>kept</em> class is grown before removing (so that e.g. ship detection
 * keeps every sea pixel at the cost of some coast), and the {@link LandClassifier}.
 *
 * <p>{@link #keepMask} computes the pixels to keep over a region: it classifies the region plus a
 * halo of {@code ceil(tolerance / pixel size)} pixels (clipped to the image), marks the kept class
 * and grows it with {@link ToleranceBuffer}. Pixel sizes are in metres: for projected grids the
 * geotransform's step lengths converted from the axis unit; for geographic grids degrees × metres
 * per degree on the WGS 84 ellipsoid at the <em>region's</em> centre latitude (meridian radius of
 * curvature M along a column, N·cos φ along a row), so the tolerance of a tile in degrees follows
 * its own latitude.</p>
 *
 * <h2>Thread-safety</h2>
 * Immutable; {@link #keepMask} is thread-safe when given a scratch buffer per thread.
 */
public final class LandSeaMask {

    /** Which pixels are removed (set to no-data). */
    public enum Mode {
        /** Nothing removed. */
        NONE,
        /** Land pixels removed (sea kept). */
        LAND,
        /** Sea pixels removed (land kept). */
        SEA;

        /**
         * Parses {@code None}, {@code Land} or {@code Sea} (any case).
         *
         * @param option the option name for the message, e.g. {@code --landseamask}
         */
        public static Mode parse(String text, String option) {
            String t = text == null ? "none" : text.strip().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "", "none" -> NONE;
                case "land" -> LAND;
                case "sea" -> SEA;
                default -> throw Ai4cException.usage(option + " \"" + text + "\" is not a land/sea mask type: "
                        + "give Land (remove land pixels), Sea (remove sea pixels) or None.");
            };
        }
    }

    private final Mode mode;
    private final double toleranceMetres;
    private final LandClassifier classifier;

    /**
     * @param mode            which class to remove
     * @param toleranceMetres distance by which the kept class is grown, ≥ 0
     * @param classifier      the land/sea decision; may be null only for {@link Mode#NONE}
     * @throws Ai4cException (usage) for a negative or non-finite tolerance
     */
    public LandSeaMask(Mode mode, double toleranceMetres, LandClassifier classifier) {
        this.mode = Objects.requireNonNull(mode, "mode");
        if (!(toleranceMetres >= 0) || Double.isInfinite(toleranceMetres)) {
            throw Ai4cException.usage("The land/sea mask tolerance " + toleranceMetres
                    + " m is not valid: give a distance in metres ≥ 0 (default 0).");
        }
        if (mode != Mode.NONE) Objects.requireNonNull(classifier, "classifier");
        this.toleranceMetres = toleranceMetres;
        this.classifier = classifier;
    }

    public Mode mode() {
        return mode;
    }

    public double toleranceMetres() {
        return toleranceMetres;
    }

    public LandClassifier classifier() {
        return classifier;
    }

    /**
     * The pixels to keep over {@code region}: 1 keep, 0 remove, row-major over the region.
     *
     * @param grid    the image's grid
     * @param image   the image's bounds (the halo is clipped to it)
     * @param region  the pixels wanted, inside {@code image}
     * @param scratch this thread's buffer
     */
    public byte[] keepMask(MapGeoCoding grid, Region image, Region region, ToleranceBuffer scratch) {
        int n = Math.toIntExact(region.area());
        byte[] keep = new byte[n];
        if (mode == Mode.NONE) {
            java.util.Arrays.fill(keep, (byte) 1);
            return keep;
        }
        byte keptClass = mode == Mode.SEA ? (byte) 1 : (byte) 0; // the value of isLand that is kept
        if (toleranceMetres == 0) {
            classifier.land(grid, region, keep);
            for (int i = 0; i < n; i++) keep[i] = keep[i] == keptClass ? (byte) 1 : (byte) 0;
            return keep;
        }
        double[] size = pixelSizeMetres(grid, region);
        int hx = halo(toleranceMetres, size[0]), hy = halo(toleranceMetres, size[1]);
        Region window = new Region(region.x() - hx, region.y() - hy, region.width() + 2 * hx,
                region.height() + 2 * hy).intersect(image);
        byte[] marked = new byte[Math.toIntExact(window.area())];
        classifier.land(grid, window, marked);
        for (int i = 0; i < marked.length; i++) marked[i] = marked[i] == keptClass ? (byte) 1 : (byte) 0;
        scratch.buffer(marked, window.width(), window.height(), size[0], size[1], toleranceMetres, marked);
        int ox = region.x() - window.x(), oy = region.y() - window.y();
        for (int r = 0; r < region.height(); r++) {
            System.arraycopy(marked, (oy + r) * window.width() + ox, keep, r * region.width(), region.width());
        }
        return keep;
    }

    /** Halo in pixels: every centre within the tolerance lies within it; capped against absurd tolerances. */
    private static int halo(double tolerance, double pixel) {
        double h = Math.ceil(tolerance / pixel * (1 + ToleranceBuffer.SLACK));
        return (int) Math.min(h, 1 << 20);
    }

    /**
     * Pixel width and height in metres around {@code region} (see the class description).
     *
     * @return {width, height}
     */
    public static double[] pixelSizeMetres(MapGeoCoding grid, Region region) {
        double[] gt = grid.geoTransform();
        double sx = Math.hypot(gt[1], gt[4]), sy = Math.hypot(gt[2], gt[5]);
        if (Projections.isGeographic(grid.crs())) {
            double cx = region.x() + region.width() / 2.0, cy = region.y() + region.height() / 2.0;
            double[] perDegree = Wgs84.metresPerDegree(grid.y(cx, cy));
            double perDegreeLon = perDegree[0], perDegreeLat = perDegree[1];
            // for a north-up grid: columns step in longitude, rows in latitude
            double lonX = Math.abs(gt[1]), latX = Math.abs(gt[4]), lonY = Math.abs(gt[2]), latY = Math.abs(gt[5]);
            return new double[] {Math.hypot(lonX * perDegreeLon, latX * perDegreeLat),
                    Math.hypot(lonY * perDegreeLon, latY * perDegreeLat)};
        }
        double toMetre = 1;
        Unit<?> unit = grid.crs().getCoordinateSystem().getAxis(0).getUnit();
        if (unit != null && Units.isLinear(unit)) {
            toMetre = unit.asType(Length.class).getConverterTo(Units.METRE).convert(1.0);
        }
        return new double[] {sx * toMetre, sy * toMetre};
    }

    @Override
    public String toString() {
        return "LandSeaMask[remove " + mode + ", tolerance " + toleranceMetres + " m"
                + (classifier == null ? "" : ", " + classifier.describe()) + "]";
    }
}
