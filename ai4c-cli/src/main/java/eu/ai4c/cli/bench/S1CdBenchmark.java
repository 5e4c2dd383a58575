package eu.ai4c.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.cli.ServiceRun;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.s1.synthetic.RepeatPassPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * {@code s1-cd}: {@code S1-CD} end to end — geometric co-registration, ESD, coherence, calibration,
 * Lee Sigma, deburst, merge, terrain correction to 10 m WGS84, the float stack and all side outputs
 * (coherence, two backscatters, ACD, MTC, change mask, quick-looks, summary) — on a synthetic IW SLC
 * pair of {@link RepeatPassPair} (default: full size, 3 sub-swaths × 9 bursts × 1,500 lines × 21,000
 * samples, VV, 12 days, 0.05-line timing error, a town, a new building, a flood). Reports wall time,
 * peak memory, per-stage times, the ESD correction against the planted error and the mean coherence
 * of the vegetation background against its expected value (true γ 0.6 through the 10 × 10
 * estimator: E|γ̂| ≈ 0.604 for 64 independent looks). No peer: SNAP is not installed here.
 */
public final class S1CdBenchmark extends DeclaredBenchmark {
    static final int DEFAULT_SAMPLES = 21_000, BURSTS = 9;
    static final double PLANTED_LINES = 0.05;

    public S1CdBenchmark() {
        super("s1-cd",
                "S1-CD (co-registration, ESD, coherence, Lee Sigma, 10 m WGS84, all outputs) of a synthetic IW SLC pair, "
                        + "3 sub-swaths x 9 bursts of N samples; per-stage times; no peer (default N 21000).");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int samples = context.size(DEFAULT_SAMPLES);
        int lines = Math.max(60, (int) Math.round(samples * 1_500.0 / 21_000));
        long g0 = System.nanoTime();
        Path[] pair = pair(context, samples, lines);
        double prepare = (System.nanoTime() - g0) / 1e9;
        Path outDir = Files.createDirectories(context.workDir().resolve("s1-cd-out"));
        Operator cd = OperatorRegistry.load().get("S1-CD");
        StageClockCapture timed = new StageClockCapture(cd);
        ParameterValues params = cd.descriptor().validate(Map.of("resolution", "10"));
        AtomicReference<Path> main = new AtomicReference<>();
        BenchContext.Measured ours = context.measure(() -> {
            clean(outDir);
            main.set(ServiceRun.run(timed, Map.of("input1", pair[0], "input2", pair[1]), params, outDir,
                    ProductIO.writer("GeoTIFF"), context.processing()));
        });
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("threads", context.processing().threads());
        extra.put("input_prepare_seconds", prepare);
        long bytes = 0;
        try (Stream<Path> s = Files.list(outDir)) {
            for (Path p : s.toList()) bytes += Files.size(p);
        }
        extra.put("output_bytes", bytes);
        String base = main.get().getFileName().toString().replaceFirst("\\.tif$", "");
        JsonNode summary = new ObjectMapper().readTree(outDir.resolve(base + "_summary.json").toFile());
        extra.put("esd_planted_lines", -PLANTED_LINES);
        extra.put("esd_correction_lines", summary.at("/esd/azimuth_shift_lines").asDouble());
        extra.put("esd_residual_lines", summary.at("/esd/residual_lines").asDouble());
        extra.put("changed_km2", summary.at("/change/changed_area_km2").asDouble());
        extra.put("mean_coherence", summary.at("/mean_coherence").asDouble());
        timed.report(extra);
        String input = "pair of 3x" + BURSTS + " bursts x " + lines + "x" + samples + " IW SLC VV cint16, 12 days";
        return List.of(BenchResult.of(name(), input, ours, null, Double.NaN, extra));
    }

    /** The pair of {@code samples} samples per sub-swath, generated once into the work folder. */
    static Path[] pair(BenchContext context, int samples, int lines) throws IOException {
        Path dir = Files.createDirectories(context.workDir().resolve("s1-cd-input-" + samples));
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> found = s.filter(p -> p.getFileName().toString().endsWith(".SAFE")).sorted().toList();
            if (found.size() == 2) return found.toArray(Path[]::new);
        }
        double u = BURSTS * (lines * 0.9);
        RepeatPassPair pair = RepeatPassPair.builder(samples, lines, BURSTS).timingError(PLANTED_LINES * 2.0555563e-3)
                .threads(context.processing().threads()).seed(5)
                .area(0, u * 0.3, u * 0.5, samples * 0.2, samples * 0.5, 0.3, 0.3, 0.95)
                .area(1, u * 0.2, u * 0.25, samples * 0.4, samples * 0.45, 0.05, 0.8, 0.1)
                .area(2, u * 0.6, u * 0.8, samples * 0.3, samples * 0.6, 0.08, 0.005, 0.1)
                .build();
        return pair.write(dir);
    }

    private static void clean(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) Files.deleteIfExists(p);
        }
    }

}
