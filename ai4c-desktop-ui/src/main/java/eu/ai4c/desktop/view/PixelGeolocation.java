package eu.ai4c.desktop.view;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.warp.PixelTransform;
import eu.ai4c.s1.safe.Annotation;
import eu.ai4c.s1.safe.SarGeoCoding;
import java.util.List;

/**
 * WGS 84 longitude and latitude of the pixels of a product, from its geocoding: for a map grid
 * (GeoTIFF, BEAM-DIMAP) the grid's geotransform and the CRS operation to WGS 84 that the kit's warp
 * uses ({@link PixelTransform}, Apache SIS), at the pixel centre; for a Sentinel-1 GRD or SLC image
 * the annotation's geolocation grid ({@link SarGeoCoding#geolocationGrid()}), interpolated
 * bilinearly between its tie points ({@link TiePointGrid}), whose line and pixel are sample
 * indices (centres). Immutable and thread-safe.
 */
public abstract class PixelGeolocation {

    PixelGeolocation() {
    }

    /**
     * The geolocation of a raster with {@code geoCoding}, or null when it has none AI4C can turn
     * into latitude and longitude (no geocoding, or a CRS without an operation to WGS 84).
     */
    public static PixelGeolocation of(GeoCoding geoCoding) {
        if (geoCoding instanceof MapGeoCoding grid) {
            try {
                return new OfMapGrid(PixelTransform.between(grid, DEGREES));
            } catch (Ai4cException noOperation) {
                return null;
            }
        }
        if (geoCoding instanceof SarGeoCoding sar) return ofTiePoints(sar.geolocationGrid());
        return null;
    }

    /** Identity grid on WGS 84: its "pixel" coordinates are longitude and latitude in degrees. */
    private static final MapGeoCoding DEGREES = new MapGeoCoding(Projections.wgs84(), new double[] {0, 1, 0, 0, 0, 1});

    static PixelGeolocation ofTiePoints(List<Annotation.GeolocationGridPoint> points) {
        int n = points.size();
        int[] line = new int[n], pixel = new int[n];
        double[] lat = new double[n], lon = new double[n];
        for (int i = 0; i < n; i++) {
            Annotation.GeolocationGridPoint p = points.get(i);
            line[i] = p.line();
            pixel[i] = p.pixel();
            lat[i] = p.latitude();
            lon[i] = p.longitude();
        }
        try {
            return new OfTiePoints(TiePointGrid.of(line, pixel, lat, lon));
        } catch (IllegalArgumentException notAGrid) {
            return null;
        }
    }

    /**
     * {longitude, latitude} in degrees of the pixel at column {@code col}, row {@code row} (its
     * centre), or null when it cannot be transformed (outside the projection's domain).
     */
    public abstract double[] lonLat(int col, int row);

    /** How the position is found, for the status line: {@code "map grid"} or {@code "geolocation grid"}. */
    public abstract String source();

    private static final class OfMapGrid extends PixelGeolocation {
        private final PixelTransform toDegrees;

        OfMapGrid(PixelTransform toDegrees) {
            this.toDegrees = toDegrees;
        }

        @Override
        public double[] lonLat(int col, int row) {
            double[] xy = {col + 0.5, row + 0.5}; // pixel-corner convention: the centre
            toDegrees.transformInPlace(xy, 1);
            return Double.isFinite(xy[0]) && Double.isFinite(xy[1]) ? xy : null;
        }

        @Override
        public String source() {
            return "map grid";
        }
    }

    private static final class OfTiePoints extends PixelGeolocation {
        private final TiePointGrid grid;

        OfTiePoints(TiePointGrid grid) {
            this.grid = grid;
        }

        @Override
        public double[] lonLat(int col, int row) {
            return grid.lonLat(row, col);
        }

        @Override
        public String source() {
            return "geolocation grid";
        }
    }
}
