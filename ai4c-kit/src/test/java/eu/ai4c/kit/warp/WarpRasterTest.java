package eu.ai4c.kit.warp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarpRasterTest {

    /** A synthetic scene whose samples cost one multiply-add each: the warp dominates. */
    static final class SyntheticTile implements Raster {
        private final int size;
        private final List<Band> bands = new ArrayList<>();
        private final MapGeoCoding gc = MapGeoCoding.northUp(Projections.parse("EPSG:32633", 0, 0), 399960, 5000040, 10, 10);

        SyntheticTile(int size) {
            this.size = size;
            for (String b : new String[] {"B2", "B3", "B4", "B8"}) bands.add(Band.of(b, DataType.UINT16, 0));
        }

        public int width() { return size; }
        public int height() { return size; }
        public List<Band> bands() { return bands; }
        public GeoCoding geoCoding() { return gc; }

        public Block read(int band, Region r) {
            short[] v = new short[(int) r.area()];
            int k = 0;
            for (int y = r.y(); y < r.maxY(); y++) {
                for (int x = r.x(); x < r.maxX(); x++) v[k++] = (short) (1 + ((x * 3 + y * 5 + band * 1000) & 0x3FFF));
            }
            return new Block(r, DataType.UINT16, v);
        }
    }

    @Test
    void strongDownsamplingSplitsTheSourceWindowWithoutChangingResults() throws Exception {
        SyntheticTile src = new SyntheticTile(6000);
        MapGeoCoding sg = (MapGeoCoding) src.geoCoding();
        TargetGrid grid = TargetGrid.derive(sg, 6000, 6000, Projections.parse("EPSG:32632", 0, 0), 800, 800, null, false);
        WarpRaster warp = new WarpRaster(src, grid, Resampling.NEAREST, 0);
        Region tile = new Region(0, 0, Math.min(64, grid.width()), Math.min(64, grid.height()));
        assertTrue(80L * 80 * tile.area() > WarpRaster.MAX_WINDOW_PIXELS, "the test must exercise the split");
        short[] whole = warp.read(2, tile).shorts();
        for (int row = 0; row < tile.height(); row++) {
            short[] line = warp.read(2, new Region(0, row, tile.width(), 1)).shorts();
            for (int c = 0; c < tile.width(); c++) assertEquals(line[c], whole[row * tile.width() + c], "row " + row);
        }
        int valid = 0;
        for (short s : whole) if (s != 0) valid++;
        assertTrue(valid > whole.length / 2);
    }

    @Test
    void outputNoDataDependsOnTheType() throws Exception {
        MapGeoCoding gc = WarpFixtures.utmGrid();
        Region all = Region.of(40, 30);
        MemoryRaster src = new MemoryRaster(List.of(Band.of("dn", DataType.INT16), Band.of("refl", DataType.FLOAT32),
                Band.of("mask", DataType.BYTE, 255)),
                new Block[] {Block.filled(DataType.INT16, all, 7), Block.filled(DataType.FLOAT32, all, 0.25),
                        Block.filled(DataType.BYTE, all, 3)}, gc);
        TargetGrid grid = TargetGrid.derive(gc, 40, 30, Projections.wgs84(), 1e-4, 1e-4, null, false);
        WarpRaster warp = new WarpRaster(src, grid, Resampling.BILINEAR, PixelTransform.DEFAULT_MAX_ERROR);
        assertEquals(0, warp.bands().get(0).noData());
        assertTrue(Double.isNaN(warp.bands().get(1).noData()));
        assertEquals(255, warp.bands().get(2).noData());
        Block dn = warp.read(0, warp.bounds()), refl = warp.read(1, warp.bounds()), mask = warp.read(2, warp.bounds());
        int inside = 0;
        for (int i = 0; i < dn.shorts().length; i++) {
            boolean in = dn.shorts()[i] == 7;
            assertTrue(in || dn.shorts()[i] == 0);
            assertEquals(in, refl.floats()[i] == 0.25f, "same footprint in every band");
            assertEquals(in ? 3 : 255, mask.bytes()[i] & 0xFF);
            if (in) inside++;
        }
        assertTrue(inside > 0 && inside < dn.shorts().length);
        assertArrayEquals(grid.geoCoding().geoTransform(), ((MapGeoCoding) warp.geoCoding()).geoTransform());
    }

    @Test
    void rejectsWhatCannotBeWarped() {
        MemoryRaster noGeo = MemoryRaster.ofFloats("a", 2, 2, new float[4], null);
        TargetGrid grid = TargetGrid.derive(WarpFixtures.utmGrid(), 10, 10, Projections.wgs84(), 1e-4, 1e-4, null, false);
        assertThrows(Ai4cException.class, () -> new WarpRaster(noGeo, grid, Resampling.NEAREST, 0));
        MemoryRaster complex = new MemoryRaster(List.of(Band.of("slc", DataType.CFLOAT32)),
                new Block[] {Block.allocate(DataType.CFLOAT32, Region.of(2, 2))}, WarpFixtures.utmGrid());
        Ai4cException e = assertThrows(Ai4cException.class, () -> new WarpRaster(complex, grid, Resampling.NEAREST, 0));
        assertTrue(e.getMessage().contains("slc"));
    }
}
