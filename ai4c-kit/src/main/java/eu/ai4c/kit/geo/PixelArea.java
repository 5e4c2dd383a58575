package eu.ai4c.kit.geo;

import org.apache.sis.referencing.CRS;
import org.opengis.referencing.operation.MathTransform;

/**
 * The ground area of a pixel, for class areas in legends (hectares per crop), in any map CRS
 * (UTM, Lambert equal-area, geographic degrees, Web Mercator…): the four corners of the pixel at
 * the image centre are taken to WGS 84 longitude/latitude (Apache SIS) and the quadrilateral's
 * area is computed on the WGS 84 ellipsoid in local coordinates {@code x = λ·N·cos φ₀},
 * {@code y = φ·M} (meridional radius {@code M = a(1−e²)/(1−e² sin²φ₀)^{3/2}}, prime-vertical radius
 * {@code N = a/(1−e² sin²φ₀)^{1/2}}), by the shoelace formula. For pixels of metres to a few
 * kilometres this is exact to far below 0.01 %; it does not follow the change of scale across
 * the image (a whole map in Web Mercator has a different area per pixel at its edges). Pure.
 */
public final class PixelArea {
    private static final double A = 6_378_137.0;
    private static final double E2 = 6.69437999014e-3; // WGS 84 first eccentricity squared

    private PixelArea() {
    }

    /** Area in m² of the pixel at the centre of a {@code width × height} image, or NaN when it cannot be known. */
    public static double squareMetres(GeoCoding geoCoding, int width, int height) {
        if (!(geoCoding instanceof MapGeoCoding g)) return Double.NaN;
        int col = width / 2;
        int row = height / 2;
        double[] corners = {g.x(col, row), g.y(col, row), g.x(col + 1, row), g.y(col + 1, row),
                g.x(col + 1, row + 1), g.y(col + 1, row + 1), g.x(col, row + 1), g.y(col, row + 1)};
        double[] lonLat = new double[8];
        try {
            MathTransform mt = CRS.findOperation(g.crs(), Projections.wgs84(), null).getMathTransform();
            mt.transform(corners, 0, lonLat, 0, 4);
        } catch (Exception e) {
            return Double.NaN;
        }
        return quadrilateral(lonLat);
    }

    /**
     * Area in m² on the WGS 84 ellipsoid of a small quadrilateral given as longitude/latitude pairs
     * in degrees (four corners in order, either orientation).
     */
    public static double quadrilateral(double[] lonLat) {
        double phi0 = 0;
        double lam0 = lonLat[0];
        for (int i = 0; i < 4; i++) phi0 += lonLat[2 * i + 1] / 4;
        double s = Math.sin(Math.toRadians(phi0));
        double w = 1 - E2 * s * s;
        double m = A * (1 - E2) / (w * Math.sqrt(w));
        double n = A / Math.sqrt(w);
        double cos = Math.cos(Math.toRadians(phi0));
        double[] x = new double[4];
        double[] y = new double[4];
        for (int i = 0; i < 4; i++) {
            double dLam = lonLat[2 * i] - lam0;
            if (dLam > 180) dLam -= 360;
            if (dLam < -180) dLam += 360;
            x[i] = Math.toRadians(dLam) * n * cos;
            y[i] = Math.toRadians(lonLat[2 * i + 1]) * m;
        }
        double twice = 0;
        for (int i = 0; i < 4; i++) {
            int j = (i + 1) % 4;
            twice += x[i] * y[j] - x[j] * y[i];
        }
        double area = Math.abs(twice) / 2;
        return Double.isFinite(area) ? area : Double.NaN;
    }
}
