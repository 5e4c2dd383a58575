package eu.ai4c.cli.bench;

import eu.ai4c.kit.raster.Region;
import eu.ai4c.s1.synthetic.SyntheticGrd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The synthetic IW GRD (VV) of the S1 benchmarks: W samples × (W·0.668) lines (default W = 25,000,
 * a full IW GRD of 25,000 × 16,700), centred near Rome, with a homogeneous area and nine point
 * targets. Written once into the work folder and reused there, so that {@code s1-grd} and
 * {@code terrain-correction} (and the batch benchmark of {@code ai4c-spark}) run with one
 * {@code --work-dir} generate it once.
 */
public final class SyntheticGrdInput {
    static final int DEFAULT_SAMPLES = 25_000;

    private SyntheticGrdInput() {
    }

    /** Lines for {@code samples} samples, in the aspect ratio of a full IW GRD. */
    public static int lines(int samples) {
        return Math.max(1, (int) Math.round(samples * 16_700.0 / 25_000));
    }

    /** The SAFE folder of the GRD of {@code samples} samples, generated on first use. */
    public static Path safe(BenchContext context, int samples) throws IOException {
        Path dir = Files.createDirectories(context.workDir().resolve("s1-grd-input-" + samples));
        try (Stream<Path> s = Files.list(dir)) {
            Path found = s.filter(p -> p.getFileName().toString().endsWith(".SAFE")).findFirst().orElse(null);
            if (found != null) return found;
        }
        int lines = lines(samples);
        SyntheticGrd.Builder b = SyntheticGrd.builder(samples, lines).polarisations("VV").centre(41.9, 12.5)
                .noValueBorder(Math.max(1, samples / 400)).seed(3).threads(context.processing().threads())
                .homogeneousArea(new Region(samples / 5, lines / 4, samples / 8, lines / 6), 0.2, 4.4);
        for (int i = 1; i < 10; i++) b.pointTarget(i * lines / 10, i * samples / 10, 40000);
        return b.build().write(dir);
    }
}
