package eu.ai4c.kit.dem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.MemoryRaster;
import org.junit.jupiter.api.Test;

class RasterDemTest {
    private static final Geoid GEOID = Geoid.locate(null);

    /** A 101x81 DEM at 0.01° posts from (12.0 E, 42.0 N), height = 100 + 1000*(lon-12) - 500*(lat-41.2). */
    private static MemoryRaster planeDem(int... voids) {
        int w = 101, h = 81;
        float[] v = new float[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double lon = 12.0 + (c + 0.5) * 0.01, lat = 42.0 - (r + 0.5) * 0.01;
                v[r * w + c] = (float) plane(lon, lat);
            }
        }
        for (int i : voids) v[i] = -9999f;
        MapGeoCoding gc = MapGeoCoding.northUp(Projections.wgs84(), 12.0, 42.0, 0.01, 0.01);
        MemoryRaster r = MemoryRaster.ofFloats("height", w, h, v, gc);
        return new MemoryRaster(java.util.List.of(r.bands().get(0).withNoData(-9999)),
                new eu.ai4c.kit.raster.Block[] {new eu.ai4c.kit.raster.Block(r.bounds(),
                        eu.ai4c.kit.raster.DataType.FLOAT32, v)}, gc);
    }

    private static double plane(double lon, double lat) {
        return 100 + 1000 * (lon - 12) - 500 * (lat - 41.2);
    }

    @Test
    void bilinearHeightsPlusGeoid() {
        RasterDem dem = new RasterDem(planeDem(), GEOID, "plane");
        double[] lon = {12.2345, 12.5, 12.9949, 12.0051};
        double[] lat = {41.7777, 41.5, 41.2051, 41.9949};
        double[] h = new double[4];
        dem.heights(lon, lat, h, 4);
        for (int i = 0; i < 4; i++) {
            assertEquals(plane(lon[i], lat[i]) + GEOID.undulation(lat[i], lon[i]), h[i], 1e-3, "point " + i);
        }
        assertEquals(0, dem.fallbackCount());
    }

    @Test
    void outsideAndVoidFallBackToGeoidAndAreCounted() {
        // posts (rows 10-11, cols 20-21) are no-data: lon 12.205..12.215, lat 41.895..41.885
        RasterDem dem = new RasterDem(planeDem(10 * 101 + 20, 10 * 101 + 21, 11 * 101 + 20, 11 * 101 + 21),
                GEOID, "plane");
        double[] lon = {11.5, 12.21, 12.2151, 13.5};
        double[] lat = {41.5, 41.89, 41.8851, 41.5};
        double[] h = new double[4];
        dem.heights(lon, lat, h, 4);
        assertEquals(GEOID.undulation(41.5, 11.5), h[0], 1e-9);
        assertEquals(GEOID.undulation(41.5, 13.5), h[3], 1e-9);
        // between four void posts: falls back to the geoid
        assertEquals(GEOID.undulation(41.89, 12.21), h[1], 1e-9);
        // next to them: the valid posts, renormalised: still close to the plane
        assertEquals(plane(12.2151, 41.8851) + GEOID.undulation(41.8851, 12.2151), h[2], 15.0);
        assertEquals(3, dem.fallbackCount());
    }

    @Test
    void projectedDemIsRejected() {
        MemoryRaster utm = MemoryRaster.ofFloats("h", 2, 2, new float[4],
                MapGeoCoding.northUp(Projections.utm(12, 42), 300000, 4600000, 30, 30));
        assertThrows(Ai4cException.class, () -> new RasterDem(utm, GEOID, "utm.tif"));
    }

    @Test
    void geoidOnlyIsTheUndulation() {
        GeoidOnlyDem dem = new GeoidOnlyDem(GEOID);
        double[] h = new double[1];
        dem.heights(new double[] {12.5}, new double[] {41.9}, h, 1);
        assertEquals(GEOID.undulation(41.9, 12.5), h[0], 0);
    }
}
