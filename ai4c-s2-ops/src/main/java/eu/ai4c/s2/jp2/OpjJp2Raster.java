package eu.ai4c.s2.jp2;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.Closeable;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JPEG 2000 image decoded by {@code opj_decompress}.
 *
 * <h2>Memory behaviour</h2>
 * On the first {@link #read}, the whole image is decoded once (all cores, {@code -threads}) into
 * a temporary uncompressed file ({@code .rawl}: components one after the other, little-endian,
 * 1 or 2 bytes per sample; a 10980² uint16 band is 241 MB on disk). That file is memory-mapped
 * read-only and windows are copied out of it, so the Java heap holds only the blocks handed out;
 * the decoded pixels live in the operating system's page cache, which the kernel evicts under
 * pressure. The temporary file is deleted by {@link #close()}, when this raster becomes
 * unreachable, or at JVM exit, whichever comes first.
 *
 * <h2>Thread-safety</h2>
 * Thread-safe: decoding happens once under a lock; reads share the read-only mapping.
 */
public final class OpjJp2Raster implements Raster, Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(OpjJp2Raster.class);
    private static final Cleaner CLEANER = Cleaner.create();

    private final Path file;
    private final Jp2Header header;
    private final List<Band> bands;
    private final GeoCoding geoCoding;
    private final Path opj;
    private final TempFile temp = new TempFile();
    private volatile ByteBuffer mapped;

    /** Holds the temporary path so the cleaner can delete it without reaching the raster. */
    private static final class TempFile implements Runnable {
        volatile Path path;

        @Override
        public void run() {
            Path p = path;
            path = null;
            if (p != null) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // also registered for deletion at exit
                }
            }
        }
    }

    OpjJp2Raster(Path file, Jp2Header header, List<String> bandNames, GeoCoding geoCoding, Path opj) {
        this.file = file;
        this.header = header;
        this.geoCoding = geoCoding;
        this.opj = opj;
        DataType type = header.bytesPerSample() == 1 ? DataType.BYTE : DataType.UINT16;
        List<Band> b = new ArrayList<>();
        for (String n : bandNames) b.add(Band.of(n, type));
        this.bands = List.copyOf(b);
        CLEANER.register(this, temp);
    }

    @Override
    public int width() {
        return header.width();
    }

    @Override
    public int height() {
        return header.height();
    }

    @Override
    public List<Band> bands() {
        return bands;
    }

    @Override
    public GeoCoding geoCoding() {
        return geoCoding;
    }

    @Override
    public int[] preferredTileSize() {
        return new int[] {Math.min(1024, width()), Math.min(1024, height())};
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        if (!bounds().contains(region)) {
            throw new IllegalArgumentException(region + " is outside " + width() + "x" + height() + " of " + file);
        }
        ByteBuffer buf = decoded();
        int bps = header.bytesPerSample();
        long plane = (long) width() * height();
        Block out = Block.allocate(bands.get(band).type(), region);
        int w = region.width();
        if (bps == 1) {
            byte[] dst = out.bytes();
            for (int r = 0; r < region.height(); r++) {
                long idx = band * plane + (long) (region.y() + r) * width() + region.x();
                buf.get(Math.toIntExact(idx), dst, r * w, w);
            }
        } else {
            ShortBuffer sb = buf.asShortBuffer();
            short[] dst = out.shorts();
            for (int r = 0; r < region.height(); r++) {
                long idx = band * plane + (long) (region.y() + r) * width() + region.x();
                sb.get(Math.toIntExact(idx), dst, r * w, w);
            }
        }
        return out;
    }

    private ByteBuffer decoded() throws IOException {
        ByteBuffer m = mapped;
        if (m != null) return m.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        synchronized (this) {
            if (mapped == null) mapped = decode();
            return mapped.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    private ByteBuffer decode() throws IOException {
        long t0 = System.nanoTime();
        Path out = Files.createTempFile("ai4c-jp2-", ".rawl");
        out.toFile().deleteOnExit();
        temp.path = out;
        Path log = Files.createTempFile("ai4c-opj-", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(opj.toString(), "-i", file.toString(), "-o", out.toString(),
                    "-threads", String.valueOf(Runtime.getRuntime().availableProcessors()), "-quiet");
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            Process p = pb.start();
            boolean done;
            try {
                done = p.waitFor(30, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while decoding " + file, e);
            }
            String msg = Files.readString(log, StandardCharsets.UTF_8).trim();
            long expected = (long) width() * height() * header.components() * header.bytesPerSample();
            if (!done || p.exitValue() != 0 || Files.size(out) != expected) {
                if (!done) p.destroyForcibly();
                throw new Ai4cException("opj_decompress could not decode " + file + " (" + (msg.isEmpty()
                        ? "exit code " + (done ? p.exitValue() : "timeout") : msg) + "); the file is damaged: "
                        + "download the product again.");
            }
        } finally {
            Files.deleteIfExists(log);
        }
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.READ)) {
            ByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            LOG.debug("Decoded {} ({}x{}, {} component(s)) with opj_decompress in {} ms", file.getFileName(),
                    width(), height(), header.components(), (System.nanoTime() - t0) / 1_000_000);
            return m;
        }
    }

    /** Deletes the decoded temporary file; later reads decode again. */
    @Override
    public synchronized void close() {
        mapped = null;
        temp.run();
    }

    /** The temporary decoded file while it exists, else null (for tests of the clean-up). */
    public Path temporaryFileForTests() {
        return temp.path;
    }
}
