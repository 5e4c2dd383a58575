package eu.ai4c.kit.aoi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;

class AoiCropTest {

    /** 20 × 10 pixels of 0.1°, upper-left corner (10°E, 50°N). */
    private static final MapGeoCoding GRID = MapGeoCoding.northUp(Projections.wgs84(), 10.0, 50.0, 0.1, 0.1);
    /** A triangle whose bounds cover columns 2.3..10.7 and rows 0.4..8.7: window [2,0 9x9]. */
    private static final String TRIANGLE = "POLYGON ((10.23 49.96, 11.07 49.93, 10.26 49.13, 10.23 49.96))";
    private static final int W = 20;
    private static final int H = 10;

    /** Bands: float32 (value = index + 1), int16 without no-data, uint16 with no-data 65535. */
    private static MemoryRaster raster() {
        float[] f = new float[W * H];
        short[] s = new short[W * H];
        short[] u = new short[W * H];
        for (int i = 0; i < f.length; i++) {
            f[i] = i + 1;
            s[i] = (short) (-(i + 1));
            u[i] = (short) (1000 + i);
        }
        Region all = Region.of(W, H);
        return new MemoryRaster(List.of(Band.of("sigma0", DataType.FLOAT32), Band.of("class", DataType.INT16),
                Band.of("dn", DataType.UINT16, 65535)),
                new Block[] {new Block(all, DataType.FLOAT32, f), new Block(all, DataType.INT16, s),
                        new Block(all, DataType.UINT16, u)}, GRID);
    }

    private static boolean centreInside(int col, int row) {
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(AoiFixtures.wkt(TRIANGLE));
        return locator.locate(new Coordinate(GRID.x(col + 0.5, row + 0.5), GRID.y(col + 0.5, row + 0.5))) == Location.INTERIOR;
    }

    @Test
    void windowCoversTheAoiBounds() {
        AreaOfInterest aoi = AreaOfInterest.parse(TRIANGLE);
        assertEquals(new Region(2, 0, 9, 9), AoiCrop.window(raster(), aoi));
        assertEquals(new Region(2, 0, 9, 9), AoiCrop.window(GRID, W, H, aoi));
    }

    @Test
    void maskedCropHasNoDataOutsideThePolygon() throws IOException {
        Raster crop = AoiCrop.crop(raster(), AreaOfInterest.parse(TRIANGLE), false);
        assertEquals(9, crop.width());
        assertEquals(9, crop.height());
        MapGeoCoding gc = (MapGeoCoding) crop.geoCoding();
        assertEquals(10.2, gc.x(0, 0), 1e-12);
        assertEquals(50.0, gc.y(0, 0), 1e-12);

        assertEquals(Band.of("sigma0", DataType.FLOAT32, Double.NaN), crop.bands().get(0));
        assertEquals(Band.of("class", DataType.INT16, 0), crop.bands().get(1), "integer band without no-data gets 0");
        assertEquals(Band.of("dn", DataType.UINT16, 65535), crop.bands().get(2), "existing no-data is kept");

        float[] f = crop.read(0, crop.bounds()).floats();
        short[] s = crop.read(1, crop.bounds()).shorts();
        short[] u = crop.read(2, crop.bounds()).shorts();
        int inside = 0;
        for (int r = 0; r < 9; r++) {
            for (int c = 0; c < 9; c++) {
                int src = r * W + (c + 2);
                int i = r * 9 + c;
                if (centreInside(c + 2, r)) {
                    inside++;
                    assertEquals(src + 1, f[i], c + "," + r);
                    assertEquals(-(src + 1), s[i]);
                    assertEquals(1000 + src, u[i] & 0xFFFF);
                } else {
                    assertTrue(Float.isNaN(f[i]), c + "," + r);
                    assertEquals(0, s[i]);
                    assertEquals(65535, u[i] & 0xFFFF);
                }
            }
        }
        assertTrue(inside > 20 && inside < 60, "inside " + inside);
    }

    @Test
    void subRegionReadsMatchTheWholeWindow() throws IOException {
        Raster crop = AoiCrop.crop(raster(), AreaOfInterest.parse(TRIANGLE), false);
        float[] all = crop.read(0, crop.bounds()).floats();
        Region part = new Region(3, 2, 5, 4);
        Block b = crop.read(0, part);
        assertEquals(part, b.region());
        for (int r = 0; r < part.height(); r++) {
            for (int c = 0; c < part.width(); c++) {
                assertEquals(all[(r + 2) * 9 + c + 3], b.floats()[r * part.width() + c], 0f);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> crop.read(0, new Region(5, 5, 5, 5)));
    }

    @Test
    void cropOnlyKeepsAllValuesAndBands() throws IOException {
        MemoryRaster source = raster();
        Raster crop = AoiCrop.crop(source, AreaOfInterest.parse(TRIANGLE), true);
        assertEquals(source.bands(), crop.bands());
        float[] f = crop.read(0, crop.bounds()).floats();
        for (int r = 0; r < 9; r++) {
            for (int c = 0; c < 9; c++) {
                assertEquals(r * W + c + 2 + 1, f[r * 9 + c], 0f);
            }
        }
    }

    @Test
    void aoiInAnotherCrsAndPartlyOutsideIsClipped() {
        // A UTM 32N box from 9.5°E to ~10.5°E, 49.4°N to 50.6°N: clipped at the raster's west and north edges.
        AreaOfInterest lonLat = AreaOfInterest.parse("POLYGON ((9.5 49.45, 10.52 49.45, 10.52 50.6, 9.5 50.6, 9.5 49.45))");
        AreaOfInterest utm = lonLat.toCrs(Projections.parse("EPSG:32632", 0, 0));
        Region window = AoiCrop.window(raster(), utm);
        assertEquals(0, window.x());
        assertEquals(0, window.y());
        // East edge at 10.52°E (col 5.2, the densified UTM edge bulges by < 0.01°) and south at 49.45°N (row 5.5).
        assertEquals(6, window.width());
        assertEquals(6, window.height());
    }

    @Test
    void aoiOutsideTheRasterIsAClearError() {
        AreaOfInterest far = AreaOfInterest.parse("POLYGON ((20 40, 21 40, 21 41, 20 41, 20 40))");
        Ai4cException e = assertThrows(Ai4cException.class, () -> AoiCrop.crop(raster(), far, false));
        assertTrue(e.isUsageError());
        String m = e.getMessage();
        for (String part : new String[] {"The area of interest (WKT POLYGON", "[20.000000, 40.000000, 21.000000, 41.000000]",
                "does not intersect the input ([10.000000, 49.000000, 12.000000, 50.000000]", "check the AoI and the input's footprint"}) {
            assertTrue(m.contains(part), "\"" + part + "\" missing in " + m);
        }
    }

    @Test
    void aoiWhoseBoundsOverlapButShapeMissesIsAnError() {
        // An L around the raster's south-east corner (raster: 10..12°E, 49..50°N).
        AreaOfInterest l = AreaOfInterest.parse("POLYGON ((11.5 48, 13 48, 13 50, 12.5 50, 12.5 48.5, 11.5 48.5, 11.5 48))");
        Ai4cException e = assertThrows(Ai4cException.class, () -> AoiCrop.window(raster(), l));
        assertTrue(e.getMessage().contains("does not intersect"), e.getMessage());
    }

    @Test
    void aoiTouchingOnlyTheEdgeDoesNotIntersect() {
        AreaOfInterest west = AreaOfInterest.parse("POLYGON ((9 49, 10 49, 10 50, 9 50, 9 49))");
        assertThrows(Ai4cException.class, () -> AoiCrop.window(raster(), west));
    }

    @Test
    void rasterWithoutMapGeocodingIsRejected() {
        MemoryRaster plain = MemoryRaster.ofFloats("b", 4, 4, new float[16], null);
        Ai4cException e = assertThrows(Ai4cException.class, () -> AoiCrop.crop(plain, AreaOfInterest.parse(TRIANGLE), false));
        assertTrue(e.getMessage().contains("not map-projected"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
