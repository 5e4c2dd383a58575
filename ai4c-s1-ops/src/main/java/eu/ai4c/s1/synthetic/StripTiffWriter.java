package eu.ai4c.s1.synthetic;

import eu.ai4c.kit.io.geotiff.TiffTags;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes an uncompressed little-endian classic TIFF of unsigned 16-bit samples (GRD) or complex
 * 16-bit integer samples (SLC: {@code SampleFormat} 5, 32 bits, I then Q), one row per strip
 * (the layout of ESA's measurement files), streamed row block by row block: the header and
 * the strip tables are written first (all offsets are known for uncompressed data), then rows are
 * appended in order. Memory is bounded by the caller's row blocks. No GeoTIFF tags.
 * Not thread-safe.
 */
final class StripTiffWriter implements Closeable {
    private final FileChannel channel;
    private final int width;
    private final int height;
    private int rowsWritten;
    private final ByteBuffer rowBuffer;
    /** 16-bit words per sample: 1 (uint16) or 2 (complex int16). */
    private final int words;

    /** A uint16 TIFF. */
    StripTiffWriter(Path file, int width, int height, String software) throws IOException {
        this(file, width, height, software, false);
    }

    /** A uint16 or, with {@code complexInt16}, a complex int16 TIFF (rows given as interleaved I, Q shorts). */
    StripTiffWriter(Path file, int width, int height, String software, boolean complexInt16) throws IOException {
        this.words = complexInt16 ? 2 : 1;
        long dataBytes = (long) width * height * 2 * words;
        long tables = 8L * height;
        if (dataBytes + tables + 4096 > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(width + " x " + height + " uint16 exceeds the 4 GB of a classic TIFF");
        }
        this.width = width;
        this.height = height;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        this.rowBuffer = ByteBuffer.allocate(width * 2 * words).order(ByteOrder.LITTLE_ENDIAN);
        writeHeader(software);
    }

    private void writeHeader(String software) throws IOException {
        byte[] sw = (software + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int entries = 11;
        long ifd = 8;
        long ifdEnd = ifd + 2 + entries * 12L + 4;
        long swAt = ifdEnd;
        long offsetsAt = (swAt + sw.length + 3) & ~3L;
        long countsAt = offsetsAt + 4L * height;
        long dataAt = countsAt + 4L * height;
        ByteBuffer h = ByteBuffer.allocate((int) (ifdEnd)).order(ByteOrder.LITTLE_ENDIAN);
        h.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt((int) ifd);
        h.putShort((short) entries);
        entry(h, TiffTags.IMAGE_WIDTH, TiffTags.LONG, 1, width);
        entry(h, TiffTags.IMAGE_LENGTH, TiffTags.LONG, 1, height);
        entry(h, TiffTags.BITS_PER_SAMPLE, TiffTags.SHORT, 1, 16 * words);
        entry(h, TiffTags.COMPRESSION, TiffTags.SHORT, 1, TiffTags.COMPRESSION_NONE);
        entry(h, TiffTags.PHOTOMETRIC, TiffTags.SHORT, 1, 1);
        entry(h, TiffTags.STRIP_OFFSETS, TiffTags.LONG, height, height == 1 ? dataAt : offsetsAt);
        entry(h, TiffTags.SAMPLES_PER_PIXEL, TiffTags.SHORT, 1, 1);
        entry(h, TiffTags.ROWS_PER_STRIP, TiffTags.LONG, 1, 1);
        entry(h, TiffTags.STRIP_BYTE_COUNTS, TiffTags.LONG, height, height == 1 ? width * 2L * words : countsAt);
        entry(h, TiffTags.SOFTWARE, TiffTags.ASCII, sw.length, swAt);
        entry(h, TiffTags.SAMPLE_FORMAT, TiffTags.SHORT, 1, words == 2 ? TiffTags.SAMPLE_FORMAT_COMPLEX_INT : TiffTags.SAMPLE_FORMAT_UINT);
        h.putInt(0);
        h.flip();
        writeFully(h, 0);
        writeFully(ByteBuffer.wrap(sw), swAt);
        // strip tables, in chunks
        int chunk = 65536;
        ByteBuffer t = ByteBuffer.allocate(4 * chunk).order(ByteOrder.LITTLE_ENDIAN);
        for (int table = 0; table < 2; table++) {
            long at = table == 0 ? offsetsAt : countsAt;
            for (int s = 0; s < height; s += chunk) {
                t.clear();
                int n = Math.min(chunk, height - s);
                for (int i = 0; i < n; i++) {
                    t.putInt((int) (table == 0 ? dataAt + (long) (s + i) * width * 2 * words : width * 2L * words));
                }
                t.flip();
                writeFully(t, at + 4L * s);
            }
        }
        channel.position(dataAt);
    }

    private static void entry(ByteBuffer b, int tag, int type, long count, long value) {
        b.putShort((short) tag).putShort((short) type).putInt((int) count);
        if (type == TiffTags.SHORT && count == 1) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt((int) value);
        }
    }

    private void writeFully(ByteBuffer b, long pos) throws IOException {
        long p = pos;
        while (b.hasRemaining()) p += channel.write(b, p);
    }

    /** Appends {@code rows} rows from {@code dn} (row-major, {@code width} samples per row, unsigned or I, Q pairs). */
    void writeRows(short[] dn, int rows) throws IOException {
        if (rowsWritten + rows > height) throw new IllegalStateException("More rows than the image height");
        for (int r = 0; r < rows; r++) {
            rowBuffer.clear();
            rowBuffer.asShortBuffer().put(dn, r * width * words, width * words);
            rowBuffer.limit(width * 2 * words);
            while (rowBuffer.hasRemaining()) channel.write(rowBuffer);
        }
        rowsWritten += rows;
    }

    @Override
    public void close() throws IOException {
        try {
            if (rowsWritten != height) {
                throw new IllegalStateException("Only " + rowsWritten + " of " + height + " rows written");
            }
        } finally {
            channel.close();
        }
    }

    /** The samples of one block of rows: block index, first row, row count → samples. */
    @FunctionalInterface
    interface RowBlock {
        short[] rows(int index, int y0, int rows);
    }

    /**
     * Writes a whole image block by block, blocks computed by {@code threads} workers (at most two
     * per worker in flight, so memory stays bounded) and written in order.
     *
     * @param samplesPerRow samples of one row in a block (width, or 2·width for complex I, Q)
     */
    void writeBlocks(int height, int rowsPerBlock, int samplesPerRow, int threads, String threadName, RowBlock block)
            throws IOException {
        int blocks = (height + rowsPerBlock - 1) / rowsPerBlock;
        int workers = Math.max(1, threads);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<short[]>> inFlight = new ArrayDeque<>();
            int next = 0;
            for (int written = 0; written < blocks; written++) {
                while (next < blocks && inFlight.size() < 2 * workers) {
                    int index = next++;
                    inFlight.add(pool.submit(() -> block.rows(index, index * rowsPerBlock,
                            Math.min(rowsPerBlock, height - index * rowsPerBlock))));
                }
                short[] samples = inFlight.poll().get();
                writeRows(samples, samples.length / samplesPerRow);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Synthetic product generation interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
