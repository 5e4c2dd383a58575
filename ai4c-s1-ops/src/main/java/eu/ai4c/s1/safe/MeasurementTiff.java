package eu.ai4c.s1.safe;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.geotiff.TiffTags;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Region;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * A minimal reader for exactly what Sentinel-1 measurement TIFFs use: one image, uncompressed,
 * striped (any rows per strip), one sample per pixel of either unsigned 16-bit (GRD amplitude DN)
 * or complex 16-bit integers (SLC, {@code SampleFormat} 5, 32 bits) — plus complex float32 for
 * convenience. Classic TIFF or BigTIFF, either byte order. GeoTIFF tags (the GRD GCPs) are ignored.
 * Windows are read with positional {@link FileChannel} reads, also from a STORED zip entry
 * (through {@link SafeArchive.ByteRange}).
 *
 * <p>Pixels come as {@link DataType#UINT16} (GRD) or {@link DataType#CFLOAT32} (SLC, I and Q interleaved).</p>
 *
 * <h2>Thread-safety</h2>
 * Thread-safe: the header is immutable after opening and positional reads do not share a file position.
 */
public final class MeasurementTiff implements Closeable {
    private enum Kind { UINT16, CINT16, CFLOAT32 }

    private final String name;
    private final FileChannel channel;
    private final long base;
    private final ByteOrder order;
    private final int width;
    private final int height;
    private final int rowsPerStrip;
    private final long[] stripOffsets;
    private final Kind kind;
    private final int bytesPerPixel;

    private MeasurementTiff(String name, FileChannel channel, long base, ByteOrder order, int width, int height,
                            int rowsPerStrip, long[] stripOffsets, Kind kind) {
        this.name = name;
        this.channel = channel;
        this.base = base;
        this.order = order;
        this.width = width;
        this.height = height;
        this.rowsPerStrip = rowsPerStrip;
        this.stripOffsets = stripOffsets;
        this.kind = kind;
        this.bytesPerPixel = kind == Kind.UINT16 ? 2 : kind == Kind.CINT16 ? 4 : 8;
    }

    /**
     * Opens the TIFF lying in {@code range} ({@code name} is used in messages).
     *
     * @throws Ai4cException when the file is empty, truncated, compressed, tiled or of another sample type
     */
    public static MeasurementTiff open(SafeArchive.ByteRange range, String name) throws IOException {
        if (range.length() < 8) {
            throw new Ai4cException("Measurement " + name + " is empty (" + range.length()
                    + " bytes): the product has no image data; download the full product.");
        }
        FileChannel ch = FileChannel.open(range.file(), StandardOpenOption.READ);
        try {
            return parse(ch, range, name);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static MeasurementTiff parse(FileChannel ch, SafeArchive.ByteRange range, String name) throws IOException {
        long base = range.offset();
        ByteBuffer h = read(ch, base, (int) Math.min(16, range.length()), ByteOrder.LITTLE_ENDIAN, name);
        ByteOrder order;
        if (h.get(0) == 'I' && h.get(1) == 'I') order = ByteOrder.LITTLE_ENDIAN;
        else if (h.get(0) == 'M' && h.get(1) == 'M') order = ByteOrder.BIG_ENDIAN;
        else throw bad(name, "does not start with a TIFF header");
        h.order(order);
        int magic = h.getShort(2) & 0xFFFF;
        boolean big = magic == 43;
        if (magic != 42 && !big) throw bad(name, "has TIFF version " + magic + " (expected 42 or 43)");
        if (big && h.limit() < 16) throw bad(name, "ends inside its BigTIFF header");
        long ifd = big ? h.getLong(8) : h.getInt(4) & 0xFFFFFFFFL;
        ByteBuffer cnt = read(ch, base + ifd, big ? 8 : 2, order, name);
        long n = big ? cnt.getLong(0) : cnt.getShort(0) & 0xFFFF;
        int entrySize = big ? 20 : 12;
        ByteBuffer entries = read(ch, base + ifd + (big ? 8 : 2), (int) (n * entrySize), order, name);
        int width = -1, height = -1, bits = -1, compression = 1, samples = 1, format = 1, rowsPerStrip = -1;
        long[] offsets = null;
        boolean tiled = false;
        for (int i = 0; i < n; i++) {
            int p = i * entrySize;
            int tag = entries.getShort(p) & 0xFFFF, type = entries.getShort(p + 2) & 0xFFFF;
            long count = big ? entries.getLong(p + 4) : entries.getInt(p + 4) & 0xFFFFFFFFL;
            switch (tag) {
                case TiffTags.IMAGE_WIDTH -> width = (int) values(ch, base, entries, p, type, count, big, order, name)[0];
                case TiffTags.IMAGE_LENGTH -> height = (int) values(ch, base, entries, p, type, count, big, order, name)[0];
                case TiffTags.BITS_PER_SAMPLE -> bits = (int) values(ch, base, entries, p, type, count, big, order, name)[0];
                case TiffTags.COMPRESSION -> compression = (int) values(ch, base, entries, p, type, count, big, order, name)[0];
                case TiffTags.SAMPLES_PER_PIXEL -> samples = (int) values(ch, base, entries, p, type, count, big, order, name)[0];
                case TiffTags.SAMPLE_FORMAT -> format = (int) values(ch, base, entries, p, type, count, big, order, name)[0];
                case TiffTags.ROWS_PER_STRIP -> rowsPerStrip = (int) Math.min(Integer.MAX_VALUE,
                        values(ch, base, entries, p, type, count, big, order, name)[0]);
                case TiffTags.STRIP_OFFSETS -> offsets = values(ch, base, entries, p, type, count, big, order, name);
                case TiffTags.TILE_WIDTH -> tiled = true;
                default -> { }
            }
        }
        if (width <= 0 || height <= 0) throw bad(name, "lacks ImageWidth/ImageLength");
        if (compression != TiffTags.COMPRESSION_NONE) {
            throw bad(name, "is compressed (TIFF compression " + compression + "); Sentinel-1 products from ESA are"
                    + " uncompressed. Use the original measurement files");
        }
        if (tiled) throw bad(name, "is tiled; Sentinel-1 measurement TIFFs are striped");
        if (samples != 1) throw bad(name, "has " + samples + " samples per pixel, expected 1");
        Kind kind;
        if (bits == 16 && format == TiffTags.SAMPLE_FORMAT_UINT) kind = Kind.UINT16;
        else if (bits == 32 && format == TiffTags.SAMPLE_FORMAT_COMPLEX_INT) kind = Kind.CINT16;
        else if (bits == 64 && format == TiffTags.SAMPLE_FORMAT_COMPLEX_IEEEFP) kind = Kind.CFLOAT32;
        else throw bad(name, "has " + bits + "-bit samples of SampleFormat " + format
                    + "; expected 16-bit unsigned (GRD) or 32-bit complex integer (SLC)");
        if (rowsPerStrip <= 0 || rowsPerStrip > height) rowsPerStrip = height;
        int strips = (height + rowsPerStrip - 1) / rowsPerStrip;
        if (offsets == null || offsets.length != strips) {
            throw bad(name, "has " + (offsets == null ? 0 : offsets.length) + " StripOffsets, expected " + strips);
        }
        MeasurementTiff t = new MeasurementTiff(name, ch, base, order, width, height, rowsPerStrip, offsets, kind);
        for (int s = 0; s < strips; s++) {
            long rows = Math.min(rowsPerStrip, height - (long) s * rowsPerStrip);
            if (offsets[s] < 0 || offsets[s] + rows * width * t.bytesPerPixel > range.length()) {
                throw new Ai4cException("Measurement " + name + " is truncated: strip " + s + " lies beyond its "
                        + range.length() + " bytes. Download the product again.");
            }
        }
        return t;
    }

    private static long[] values(FileChannel ch, long base, ByteBuffer e, int p, int type, long count, boolean big,
                                 ByteOrder order, String name) throws IOException {
        int size = switch (type) {
            case TiffTags.SHORT -> 2;
            case TiffTags.LONG -> 4;
            case TiffTags.LONG8 -> 8;
            default -> throw bad(name, "has a size/offset tag of TIFF type " + type);
        };
        if (count > 50_000_000) throw bad(name, "has an implausible tag count " + count);
        long bytes = count * size;
        ByteBuffer data;
        int inline = big ? 8 : 4;
        if (bytes <= inline) {
            data = e.duplicate().order(order);
            data.position(p + (big ? 12 : 8));
            data = data.slice().order(order);
        } else {
            long at = big ? e.getLong(p + 12) : e.getInt(p + 8) & 0xFFFFFFFFL;
            data = read(ch, base + at, (int) bytes, order, name);
        }
        long[] out = new long[(int) count];
        for (int i = 0; i < count; i++) {
            out[i] = switch (size) {
                case 2 -> data.getShort(i * 2) & 0xFFFF;
                case 4 -> data.getInt(i * 4) & 0xFFFFFFFFL;
                default -> data.getLong(i * 8);
            };
        }
        return out;
    }

    private static ByteBuffer read(FileChannel ch, long pos, int len, ByteOrder order, String name) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len).order(order);
        readFully(ch, b, pos, name);
        return b;
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos, String name) throws IOException {
        int start = b.position();
        while (b.hasRemaining()) {
            int r = ch.read(b, pos + b.position() - start);
            if (r < 0) {
                throw new Ai4cException("Measurement " + name + " is truncated (ends before byte " + (pos + b.limit() - start)
                        + "): download the product again.", new EOFException());
            }
        }
        b.flip();
    }

    private static Ai4cException bad(String name, String problem) {
        return new Ai4cException("Measurement " + name + " " + problem + ".");
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** {@link DataType#UINT16} for GRD, {@link DataType#CFLOAT32} for SLC. */
    public DataType dataType() {
        return kind == Kind.UINT16 ? DataType.UINT16 : DataType.CFLOAT32;
    }

    /** Reads a window (which must lie inside the image). */
    public Block read(Region region) throws IOException {
        if (region.x() < 0 || region.y() < 0 || region.maxX() > width || region.maxY() > height) {
            throw new IllegalArgumentException(region + " is outside " + name + " (" + width + " x " + height + ")");
        }
        Block block = Block.allocate(dataType(), region);
        int w = region.width();
        long rowBytes = (long) width * bytesPerPixel;
        // Read whole strip runs when the window is wide (few large reads), else one read per row.
        boolean wide = w * 2L >= width;
        ByteBuffer buf = null;
        int y = region.y();
        while (y < region.maxY()) {
            int strip = y / rowsPerStrip;
            int rowInStrip = y - strip * rowsPerStrip;
            int rows = wide ? Math.min(region.maxY() - y, rowsPerStrip - rowInStrip) : 1;
            long from = base + stripOffsets[strip] + rowInStrip * rowBytes + (long) region.x() * bytesPerPixel;
            int len = Math.toIntExact((rows - 1) * rowBytes + (long) w * bytesPerPixel);
            if (buf == null || buf.capacity() < len) buf = ByteBuffer.allocate(len).order(order);
            buf.clear().limit(len);
            readFully(channel, buf, from, name);
            for (int r = 0; r < rows; r++) {
                decodeRow(buf, (int) (r * rowBytes), block, (y + r - region.y()) * w, w);
            }
            y += rows;
        }
        return block;
    }

    private void decodeRow(ByteBuffer buf, int at, Block block, int dst, int w) {
        switch (kind) {
            case UINT16 -> {
                short[] s = block.shorts();
                for (int i = 0; i < w; i++) s[dst + i] = buf.getShort(at + 2 * i);
            }
            case CINT16 -> {
                float[] f = block.floats();
                for (int i = 0; i < w; i++) {
                    f[2 * (dst + i)] = buf.getShort(at + 4 * i);
                    f[2 * (dst + i) + 1] = buf.getShort(at + 4 * i + 2);
                }
            }
            case CFLOAT32 -> {
                float[] f = block.floats();
                for (int i = 0; i < w; i++) {
                    f[2 * (dst + i)] = buf.getFloat(at + 8 * i);
                    f[2 * (dst + i) + 1] = buf.getFloat(at + 8 * i + 4);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
