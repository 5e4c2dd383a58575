package eu.ai4c.cli.bench;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tile-engine}: computes every 512×512 tile of a synthetic {@code N×N×4 uint16} raster
 * (default N = 4096) with the tile engine on all threads, against the same engine on one
 * thread as the peer, and checks that both give the same checksum. Measures the engine's
 * parallel overhead and scaling, no I/O.
 */
public final class TileEngineBenchmark extends DeclaredBenchmark {
    private static final int BANDS = 4;

    public TileEngineBenchmark() {
        super("tile-engine",
                "Tile engine on all threads vs one thread, synthetic NxNx4 uint16 raster (default 4096).");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int n = context.size(4096);
        Raster raster = new SyntheticRaster(n, BANDS);
        TileGrid grid = new TileGrid(n, n, 512, 512);
        int threads = context.processing().threads();
        long[] checksums = new long[2];
        BenchContext.Measured parallel = context.measure(() -> checksums[0] = checksum(raster, grid, context, threads));
        Map<String, Object> extra = new LinkedHashMap<>();
        double single = context.medianSeconds(() -> checksums[1] = checksum(raster, grid, context, 1));
        if (checksums[0] != checksums[1]) {
            throw new Ai4cException("tile-engine: parallel checksum " + checksums[0] + " differs from single-thread "
                    + checksums[1] + ": the tile engine lost or duplicated tiles.");
        }
        extra.put("threads", threads);
        extra.put("tiles", grid.tileCount());
        extra.put("checksum", checksums[0]);
        return List.of(BenchResult.of(name(), n + "x" + n + "x" + BANDS + " uint16", parallel, "single-thread",
                single, extra));
    }

    private static long checksum(Raster raster, TileGrid grid, BenchContext context, int threads) throws IOException {
        long[] perTile = new long[grid.tileCount()];
        int[] bands = new int[raster.bands().size()];
        for (int i = 0; i < bands.length; i++) bands[i] = i;
        TileEngine.run("tile-engine", raster, bands, grid, context.processing().withThreads(threads),
                (col, row, blocks) -> {
                    long s = 0;
                    for (Block b : blocks) {
                        short[] v = b.shorts();
                        for (short x : v) s += x & 0xFFFF;
                    }
                    perTile[row * grid.tilesAcross() + col] = s;
                });
        long total = 0;
        for (long s : perTile) total += s;
        return total;
    }

    /** Pixels computed on demand: a smooth ramp plus a hash-like texture, per band. */
    private static final class SyntheticRaster implements Raster {
        private final int size;
        private final List<Band> bands;

        SyntheticRaster(int size, int bandCount) {
            this.size = size;
            Band[] b = new Band[bandCount];
            for (int i = 0; i < bandCount; i++) b[i] = Band.of("B" + (i + 1), DataType.UINT16);
            this.bands = List.of(b);
        }

        @Override public int width() { return size; }
        @Override public int height() { return size; }
        @Override public List<Band> bands() { return bands; }
        @Override public GeoCoding geoCoding() { return null; }

        @Override
        public Block read(int band, Region region) {
            short[] out = new short[(int) region.area()];
            int i = 0;
            for (int y = region.y(); y < region.maxY(); y++) {
                for (int x = region.x(); x < region.maxX(); x++) {
                    int h = (x * 73856093) ^ (y * 19349663) ^ (band * 83492791);
                    out[i++] = (short) (((x + y) >> 2) + (h >>> 22));
                }
            }
            return new Block(region, DataType.UINT16, out);
        }
    }
}
