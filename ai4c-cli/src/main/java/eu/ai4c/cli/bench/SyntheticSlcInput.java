package eu.ai4c.cli.bench;

import eu.ai4c.s1.synthetic.SyntheticSlc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The synthetic IW SLC (VV) of the {@code s1-slc} benchmark: 3 sub-swaths × 9 bursts of
 * (W·1500/21000) lines × W samples (default W = 21,000: a full IW SLC, about 21,000 × 13,500 samples
 * per sub-swath, 3.4 GB of complex int16), centred near Rome, with a bright field and point targets.
 * Written once into the work folder and reused there.
 */
final class SyntheticSlcInput {
    static final int DEFAULT_SAMPLES = 21_000, BURSTS = 9;

    private SyntheticSlcInput() {
    }

    /** Lines per burst for {@code samples} samples, in the proportions of a real IW SLC burst. */
    static int linesPerBurst(int samples) {
        return Math.max(40, (int) Math.round(samples * 1_500.0 / 21_000));
    }

    /** The SAFE folder of the SLC of {@code samples} samples per sub-swath, generated on first use. */
    static Path safe(BenchContext context, int samples) throws IOException {
        Path dir = Files.createDirectories(context.workDir().resolve("s1-slc-input-" + samples));
        try (Stream<Path> s = Files.list(dir)) {
            Path found = s.filter(p -> p.getFileName().toString().endsWith(".SAFE")).findFirst().orElse(null);
            if (found != null) return found;
        }
        int lines = linesPerBurst(samples);
        SyntheticSlc.Builder b = SyntheticSlc.builder(samples, lines, BURSTS).polarisations("VV").centre(41.9, 12.5)
                .seed(3).threads(context.processing().threads())
                .homogeneousArea(1, new eu.ai4c.kit.raster.Region(samples / 4, 0, samples / 4, lines * BURSTS), 0.2);
        for (int k = 0; k < BURSTS; k++) b.pointTarget(k % 3, k, lines / 2, samples / 2, 20000);
        return b.build().write(dir);
    }
}
