package eu.ai4c.kit.geo;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * A map grid: a CRS and a GDAL-style geotransform that maps pixel <em>corner</em> coordinates
 * (column, row), with (0,0) the upper-left corner of the upper-left pixel, to CRS coordinates:
 * <pre>
 *   X = gt[0] + col * gt[1] + row * gt[2]
 *   Y = gt[3] + col * gt[4] + row * gt[5]
 * </pre>
 * Coordinates are in the CRS's axis order as used by GDAL, i.e. easting/longitude first
 * ("traditional GIS order"), whatever the EPSG axis order says. Immutable.
 */
public final class MapGeoCoding implements GeoCoding {
    private final CoordinateReferenceSystem crs;
    private final double[] gt;

    /**
     * @param crs          the map CRS (axis order: easting/longitude first)
     * @param geoTransform six coefficients as above; copied
     */
    public MapGeoCoding(CoordinateReferenceSystem crs, double[] geoTransform) {
        this.crs = Objects.requireNonNull(crs, "crs");
        if (geoTransform.length != 6) {
            throw new IllegalArgumentException("A geotransform has 6 coefficients, got " + geoTransform.length);
        }
        double det = geoTransform[1] * geoTransform[5] - geoTransform[2] * geoTransform[4];
        if (det == 0 || !Double.isFinite(det)) {
            throw new IllegalArgumentException("Singular geotransform " + Arrays.toString(geoTransform));
        }
        this.gt = geoTransform.clone();
    }

    /** A north-up grid with upper-left corner (x0, y0) and pixel size (dx, dy), dy positive. */
    public static MapGeoCoding northUp(CoordinateReferenceSystem crs, double x0, double y0, double dx, double dy) {
        return new MapGeoCoding(crs, new double[] {x0, dx, 0, y0, 0, -dy});
    }

    /**
     * A grid whose CRS is given as text, as front ends that bring their own referencing library
     * (SNAP's GeoTools) hand it over: {@code EPSG:<code>} or WKT, any form {@link Projections#parse} accepts.
     *
     * @throws eu.ai4c.kit.Ai4cException when the text is not a CRS the engine knows
     */
    public static MapGeoCoding ofCrsText(String crsText, double[] geoTransform) {
        return new MapGeoCoding(Projections.parse(crsText, 0, 0), geoTransform);
    }

    public CoordinateReferenceSystem crs() {
        return crs;
    }

    /** The EPSG code of the CRS, ignoring axis order, if it has one. */
    public OptionalInt crsEpsgCode() {
        return Projections.epsgCode(crs);
    }

    /** The CRS as WKT 1, which SNAP's GeoTools 28 parses (it does not read WKT 2); see {@link Projections#wkt1}. */
    public String crsWkt() {
        return Projections.wkt1(crs);
    }

    /** The CRS's name, for messages. */
    public String crsName() {
        return crs.getName().getCode();
    }

    /** A copy of the six geotransform coefficients. */
    public double[] geoTransform() {
        return gt.clone();
    }

    /** True when the grid has no rotation terms. */
    public boolean isNorthUp() {
        return gt[2] == 0 && gt[4] == 0;
    }

    /** Pixel width in CRS units (gt[1]). */
    public double pixelSizeX() {
        return gt[1];
    }

    /** Pixel height in CRS units, positive for north-up grids (-gt[5]). */
    public double pixelSizeY() {
        return -gt[5];
    }

    /** CRS X of pixel-corner coordinates (col, row). */
    public double x(double col, double row) {
        return gt[0] + col * gt[1] + row * gt[2];
    }

    /** CRS Y of pixel-corner coordinates (col, row). */
    public double y(double col, double row) {
        return gt[3] + col * gt[4] + row * gt[5];
    }

    /** Fractional pixel-corner coordinates {col, row} of CRS point (x, y). */
    public double[] toPixel(double x, double y) {
        double det = gt[1] * gt[5] - gt[2] * gt[4];
        double dx = x - gt[0], dy = y - gt[3];
        double col = (dx * gt[5] - dy * gt[2]) / det;
        double row = (dy * gt[1] - dx * gt[4]) / det;
        return new double[] {col, row};
    }

    /** The grid of the sub-window starting at pixel (col, row): same CRS, shifted origin. */
    public MapGeoCoding shifted(int col, int row) {
        double[] g = gt.clone();
        g[0] = x(col, row);
        g[3] = y(col, row);
        return new MapGeoCoding(crs, g);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapGeoCoding m && Arrays.equals(gt, m.gt) && crs.equals(m.crs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(gt);
    }

    @Override
    public String toString() {
        return "MapGeoCoding[" + crs.getName() + ", " + Arrays.toString(gt) + "]";
    }
}
