package eu.ai4c.cli.bench;

import eu.ai4c.cli.ServiceRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code s1-grd}: {@code S1-GRD-preprocess} end to end (thermal noise removal, σ⁰ calibration, Lee
 * Sigma, terrain correction to 10 m WGS84, GeoTIFF) on the synthetic IW GRD of
 * {@link SyntheticGrdInput} (default 25,000 × 16,700). No peer: SNAP's graph is not installed
 * here; the geocoding step alone is compared with GDAL by {@code terrain-correction}.
 */
public final class S1GrdBenchmark implements Benchmark {

    @Override
    public String name() {
        return "s1-grd";
    }

    @Override
    public String description() {
        return "S1-GRD-preprocess (Lee Sigma, 10 m WGS84) of a synthetic N-sample IW GRD to GeoTIFF; no peer (default N 25000).";
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int samples = context.size(SyntheticGrdInput.DEFAULT_SAMPLES);
        Path safe = SyntheticGrdInput.safe(context, samples);
        Path out = Files.createDirectories(context.workDir().resolve("s1-grd-out")).resolve("grd.tif");
        BenchContext.Measured ours = context.measure(() -> ServiceRun.run("S1-GRD-preprocess", Map.of("input", safe),
                Map.of("speckle", "Lee Sigma", "resolution", "10"), out, "GeoTIFF", context.processing()));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("threads", context.processing().threads());
        extra.put("bytes", Files.size(out));
        return List.of(BenchResult.of(name(), samples + "x" + SyntheticGrdInput.lines(samples) + " IW GRD VV uint16",
                ours, null, Double.NaN, extra));
    }
}
