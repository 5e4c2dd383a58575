package eu.ai4c.cli.bench;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import eu.ai4c.s1.speckle.SpeckleParameters;
import eu.ai4c.s1.speckle.SpeckleRaster;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code speckle}: a speckle filter ({@code -Pfilter=NAME}, default Lee Sigma with its default
 * window) through {@link SpeckleRaster} and the tile engine (512² tiles) on all threads, on a
 * synthetic 4-look N×N σ⁰ scene held in memory (default N = 4096; fields of three mean levels as
 * in a GRD over mixed land cover), against the same filter on one thread. Both sums of the tile
 * centres must agree; no I/O is timed.
 */
public final class SpeckleBenchmark extends DeclaredBenchmark {

    public SpeckleBenchmark() {
        super("speckle",
                "Speckle filter (-Pfilter, default Lee Sigma) on an NxN 4-look float32 scene, all threads vs one (default N 4096).", "filter");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int n = context.size(4096);
        String filter = context.option("filter", "Lee Sigma");
        MemoryRaster source = MemoryRaster.ofFloats("Sigma0_VV", n, n, scene(n), null);
        SpeckleRaster raster = SpeckleRaster.of(source, SpeckleParameters.defaults().withFilter(filter));
        int threads = context.processing().threads();
        double[] sums = new double[2];
        BenchContext.Measured ours = context.measure(() -> sums[0] = filterAll(raster, n, context, threads));
        double single = context.medianSeconds(() -> sums[1] = filterAll(raster, n, context, 1));
        if (sums[0] != sums[1]) {
            throw new Ai4cException("speckle: " + filter + " on " + threads + " threads gives tile-centre sum " + sums[0]
                    + ", on one thread " + sums[1] + ": the filter's result depends on the tiling order.");
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("filter", filter);
        extra.put("window", raster.parameters().windowSide());
        extra.put("threads", threads);
        extra.put("mpix_per_s", Math.round((double) n * n / ours.seconds() / 1e6 * 10) / 10.0);
        extra.put("looks_estimated", Math.round(raster.looks(0) * 100) / 100.0);
        return List.of(BenchResult.of(name(), n + "x" + n + "x1 float32", ours, "single-thread", single, extra));
    }

    private static double filterAll(SpeckleRaster raster, int n, BenchContext context, int threads) throws IOException {
        TileGrid grid = new TileGrid(n, n, 512, 512);
        double[] perTile = new double[grid.tileCount()];
        TileEngine.run("speckle", raster, new int[] {0}, grid, context.processing().withThreads(threads),
                (col, row, blocks) -> {
                    float[] f = blocks[0].floats();
                    perTile[row * grid.tilesAcross() + col] = f[f.length / 2];
                });
        // summed in tile order so that the total does not depend on which thread finished first
        double total = 0;
        for (double v : perTile) total += v;
        return total;
    }

    /** 4-look speckle (mean of 4 unit exponentials) over fields of 300×200 px with means 0.02, 0.04, 0.06. */
    static float[] scene(int n) {
        SplittableRandom random = new SplittableRandom(1);
        float[] img = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double mean = ((x / 300 + y / 200) % 3 + 1) * 0.02;
                double s = 0;
                for (int k = 0; k < 4; k++) s -= Math.log(1.0 - random.nextDouble());
                img[y * n + x] = (float) (mean * s / 4);
            }
        }
        return img;
    }
}
