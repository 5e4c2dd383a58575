package eu.ai4c.desktop.world;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The WGS84 WKT of an area of interest drawn on the world map: a rectangle between two screen
 * points, or a polygon through clicked vertices. Screen points become longitude/latitude through
 * the {@link MapView}, limited to [−180°, 180°] × [−90°, 90°], and are rounded to the precision a
 * pixel has at the view's scale ({@link #decimals}), so the text does not claim more than was drawn.
 * The WKT is what the operators' {@code --AoI} accepts. Stateless.
 */
public final class AoiDrawing {
    private AoiDrawing() {
    }

    /**
     * Decimals of a coordinate at {@code scale} pixels per degree: enough that the rounding step
     * is at most a tenth of a pixel, i.e. the smallest d with 10^−d ≤ 1/(10·scale), within [0, 7].
     */
    public static int decimals(double scale) {
        return (int) Math.max(0, Math.min(7, Math.ceil(Math.log10(10 * scale) - 1e-9)));
    }

    /**
     * The rectangle with corners at screen points (x0, y0) and (x1, y1), as
     * {@code POLYGON ((west south, east south, east north, west north, west south))}
     * (counter-clockwise), or empty when it has no width or height at this precision.
     */
    public static java.util.Optional<String> rectangle(MapView view, double x0, double y0, double x1, double y1) {
        int d = decimals(view.scale());
        double w = round(lon(view, Math.min(x0, x1)), d), e = round(lon(view, Math.max(x0, x1)), d);
        double n = round(lat(view, Math.min(y0, y1)), d), s = round(lat(view, Math.max(y0, y1)), d);
        if (!(w < e && s < n)) return java.util.Optional.empty();
        return java.util.Optional.of(wkt(new double[] {w, s, e, s, e, n, w, n}, d));
    }

    /**
     * The polygon through the screen points {@code xy} ({@code x0, y0, x1, y1, …}, as clicked), closed
     * back to the first; repeated points (a double-click's second click) are dropped. Empty when fewer
     * than 3 distinct vertices remain.
     */
    public static java.util.Optional<String> polygon(MapView view, double[] xy) {
        int d = decimals(view.scale());
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i + 1 < xy.length; i += 2) {
            double[] p = {round(lon(view, xy[i]), d), round(lat(view, xy[i + 1]), d)};
            if (pts.isEmpty() || !sameAs(pts.get(pts.size() - 1), p)) pts.add(p);
        }
        while (pts.size() > 1 && sameAs(pts.get(0), pts.get(pts.size() - 1))) pts.remove(pts.size() - 1);
        if (pts.size() < 3) return java.util.Optional.empty();
        double[] ring = new double[2 * pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            ring[2 * i] = pts.get(i)[0];
            ring[2 * i + 1] = pts.get(i)[1];
        }
        return java.util.Optional.of(wkt(ring, d));
    }

    /** {@code POLYGON ((x y, …, x0 y0))} of an open ring, numbers without trailing zeros. */
    static String wkt(double[] ring, int decimals) {
        StringBuilder sb = new StringBuilder("POLYGON ((");
        for (int i = 0; i <= ring.length; i += 2) {
            int k = i % ring.length;
            if (i > 0) sb.append(", ");
            sb.append(number(ring[k], decimals)).append(' ').append(number(ring[k + 1], decimals));
        }
        return sb.append("))").toString();
    }

    private static String number(double v, int decimals) {
        BigDecimal b = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (b.signum() == 0) return "0";
        return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }

    private static double lon(MapView v, double x) {
        return Math.max(-180, Math.min(180, v.lon(x)));
    }

    private static double lat(MapView v, double y) {
        return Math.max(-90, Math.min(90, v.lat(y)));
    }

    private static double round(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    private static boolean sameAs(double[] a, double[] b) {
        return a[0] == b[0] && a[1] == b[1];
    }
}
