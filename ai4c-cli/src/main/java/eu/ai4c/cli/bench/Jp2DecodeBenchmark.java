package eu.ai4c.cli.bench;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import eu.ai4c.s2.jp2.Jp2Rasters;
import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.safe.S2Level;
import eu.ai4c.s2.synthetic.SyntheticS2Product;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * {@code jp2-decode}: decodes the 10 m B4 JPEG 2000 image of a synthetic L2A tile of N×N px
 * (default N = 10980) in 512² tiles on all threads with AI4C's pure-Java decoder, against the
 * OpenJPEG decoder ({@code opj_decompress}, used by default where installed) on the same file
 * and tiles. Both must give the same checksum.
 */
public final class Jp2DecodeBenchmark extends DeclaredBenchmark {

    public Jp2DecodeBenchmark() {
        super("jp2-decode",
                "Decode an NxN Sentinel-2 band JPEG 2000 with the pure-Java decoder vs opj_decompress (default N 10980).");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int n = context.size(10980);
        Path work = Files.createDirectories(context.workDir().resolve("jp2-decode-" + n));
        SyntheticS2Product syn = SyntheticS2Product.builder(S2Level.L2A).size(n).bands(S2Band.B4).build();
        Path safe = Files.isDirectory(work.resolve(syn.safeName())) ? work.resolve(syn.safeName()) : syn.write(work);
        Path jp2;
        try (Stream<Path> s = Files.walk(safe)) {
            jp2 = s.filter(p -> p.getFileName().toString().endsWith("_B04_10m.jp2")).findFirst()
                    .orElseThrow(() -> new Ai4cException("jp2-decode: no B04_10m JPEG 2000 image in " + safe
                            + "; the synthetic product lacks it."));
        }
        if (Jp2Rasters.opjDecompress().isEmpty()) {
            throw new Ai4cException("jp2-decode: opj_decompress, the peer, is not on the PATH. Install the OpenJPEG "
                    + "tools (Debian: apt-get install libopenjp2-tools).");
        }
        long[] sums = new long[2];
        BenchContext.Measured ours = context.measure(() -> sums[0] = decode(jp2, Jp2Rasters.Decoder.JAVA, context));
        double peer = context.medianSeconds(() -> sums[1] = decode(jp2, Jp2Rasters.Decoder.OPJ, context));
        if (sums[0] != sums[1]) {
            throw new Ai4cException("jp2-decode: the pure-Java decoder gives checksum " + sums[0] + " for " + jp2
                    + " but OpenJPEG gives " + sums[1] + ": the Java decoder decodes this file wrongly.");
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("threads", context.processing().threads());
        extra.put("mpix_per_s", Math.round((double) n * n / ours.seconds() / 1e5) / 10.0);
        extra.put("bytes", Files.size(jp2));
        extra.put("checksum", sums[0]);
        return List.of(BenchResult.of(name(), n + "x" + n + " uint16 JPEG 2000 (B04)", ours, "opj_decompress", peer,
                extra));
    }

    private static long decode(Path jp2, Jp2Rasters.Decoder decoder, BenchContext context) throws IOException {
        Raster r = Jp2Rasters.open(jp2, List.of("B4"), null, decoder);
        try {
            LongAdder checksum = new LongAdder();
            TileEngine.run("jp2-decode", r, new int[] {0}, new TileGrid(r.width(), r.height(), 512, 512),
                    context.processing(), (c, row, blocks) -> {
                        long sum = 0;
                        for (short v : blocks[0].shorts()) sum += (v & 0xFFFF) * (long) (c + 31 * row + 1);
                        checksum.add(sum);
                    });
            return checksum.sum();
        } finally {
            if (r instanceof Closeable c) c.close();
        }
    }
}
