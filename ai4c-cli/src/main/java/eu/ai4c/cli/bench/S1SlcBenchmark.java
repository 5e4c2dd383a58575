package eu.ai4c.cli.bench;

import eu.ai4c.cli.ServiceRun;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.tile.StageClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code s1-slc}: {@code S1-SLC-preprocess} end to end (per sub-swath thermal noise removal and σ⁰
 * calibration of the complex samples, deburst, merge, 1 × 4 multilook, Lee Sigma, terrain correction
 * to 10 m WGS84, GeoTIFF) on the synthetic IW SLC of {@link SyntheticSlcInput} (default 3 × 9
 * bursts × 21,000 samples, VV). Besides the wall time and peak memory it reports each stage's own
 * time from the chain's {@link StageClock}, elapsed and CPU, summed over threads (the stages run
 * interleaved, tile by tile, on all threads; the GeoTIFF encoding is the rest of the wall time).
 * No peer: SNAP's graph is not installed here.
 */
public final class S1SlcBenchmark extends DeclaredBenchmark {

    public S1SlcBenchmark() {
        super("s1-slc",
                "S1-SLC-preprocess (Lee Sigma, 10 m WGS84) of a synthetic IW SLC, 3 sub-swaths x 9 bursts of N samples, "
                        + "to GeoTIFF; per-stage times; no peer (default N 21000).");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int samples = context.size(SyntheticSlcInput.DEFAULT_SAMPLES);
        long g0 = System.nanoTime();
        Path safe = SyntheticSlcInput.safe(context, samples);
        double prepare = (System.nanoTime() - g0) / 1e9;
        Path out = Files.createDirectories(context.workDir().resolve("s1-slc-out")).resolve("slc.tif");
        Operator slc = OperatorRegistry.load().get("S1-SLC-preprocess");
        StageClockCapture timed = new StageClockCapture(slc);
        ParameterValues params = slc.descriptor().validate(Map.of("speckle", "Lee Sigma", "resolution", "10",
                "polarization", "VV"));
        BenchContext.Measured ours = context.measure(() -> ServiceRun.run(timed, Map.of("input", safe), params, out,
                ProductIO.writer("GeoTIFF"), context.processing()));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("threads", context.processing().threads());
        extra.put("bytes", Files.size(out));
        extra.put("input_prepare_seconds", prepare);
        timed.report(extra);
        String input = "3x" + SyntheticSlcInput.BURSTS + " bursts x " + SyntheticSlcInput.linesPerBurst(samples) + "x"
                + samples + " IW SLC VV cint16";
        return List.of(BenchResult.of(name(), input, ours, null, Double.NaN, extra));
    }

}
