package eu.ai4c.s2.jp2;

import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Decodes a whole JPEG 2000 band in 512² tiles with each decoder ({@code opj_decompress}, then
 * pure Java), on all cores, and prints the times. Not a test: run with
 * {@code java … Jp2DecodeBenchmark <file.jp2> [opj|java|both]}.
 */
public final class Jp2DecodeBenchmark {

    private Jp2DecodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String which = args.length > 1 ? args[1] : "both";
        Jp2Header h = Jp2Header.read(file);
        for (Jp2Rasters.Decoder d : Jp2Rasters.Decoder.values()) {
            if (!which.equals("both") && !which.equalsIgnoreCase(d.name())) continue;
            long t0 = System.nanoTime();
            Raster r = Jp2Rasters.open(file, List.of("band"), null, d);
            java.util.concurrent.atomic.LongAdder checksum = new java.util.concurrent.atomic.LongAdder();
            TileEngine.run("decode", r, new int[] {0}, new TileGrid(r.width(), r.height(), 512, 512),
                    ProcessingContext.defaults(), (c, row, blocks) -> {
                        long sum = 0;
                        for (short v : blocks[0].shorts()) sum += (v & 0xFFFF) * (long) (c + 31 * row + 1);
                        checksum.add(sum);
                    });
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "benchmark=jp2-decode decoder=%s size=%dx%d bits=%d cores=%d seconds=%.1f "
                    + "mpixel_per_s=%.1f checksum=%d%n", d, h.width(), h.height(), h.bitDepth(),
                    Runtime.getRuntime().availableProcessors(), s, h.width() * (double) h.height() / 1e6 / s, checksum.sum());
            if (r instanceof OpjJp2Raster o) o.close();
        }
    }
}
