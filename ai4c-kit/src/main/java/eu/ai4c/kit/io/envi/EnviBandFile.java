package eu.ai4c.kit.io.envi;

import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The raw image ({@code .img}) of one band in ENVI band-sequential layout, written block by
 * block at the blocks' own offsets, in any order: sample (col, row) lives at byte
 * {@code (row × width + col) × bytesPerSample}. The file is sized up front, so unwritten parts
 * read as zeros.
 *
 * <h2>Thread-safety</h2>
 * {@link #write} may be called from several threads at once (positional channel writes on
 * disjoint byte ranges).
 */
public final class EnviBandFile implements Closeable {
    private final FileChannel channel;
    private final int width;
    private final int height;
    private final DataType type;
    private final ByteOrder order;

    private EnviBandFile(FileChannel channel, int width, int height, DataType type, ByteOrder order) {
        this.channel = channel;
        this.width = width;
        this.height = height;
        this.type = type;
        this.order = order;
    }

    /**
     * Creates (or truncates) the file and sizes it to {@code width × height} samples.
     *
     * @param bigEndian true for big-endian samples ({@code byte order = 1}), as BEAM-DIMAP writes
     */
    public static EnviBandFile create(Path file, int width, int height, DataType type, boolean bigEndian) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ, StandardOpenOption.TRUNCATE_EXISTING);
        long size = (long) width * height * type.bytesPerSample();
        if (size > 0) ch.write(ByteBuffer.allocate(1), size - 1);
        return new EnviBandFile(ch, width, height, type, bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    }

    /** Writes a block (of this file's type, inside the image) at its place. */
    public void write(Block block) throws IOException {
        if (block.type() != type) {
            throw new IllegalArgumentException("Block of " + block.type() + " written to a " + type + " band file");
        }
        var r = block.region();
        if (r.x() < 0 || r.y() < 0 || r.maxX() > width || r.maxY() > height) {
            throw new IllegalArgumentException("Block " + r + " outside the " + width + "x" + height + " image");
        }
        ByteBuffer buf = encode(block, order);
        int bps = type.bytesPerSample();
        int rowBytes = r.width() * bps;
        if (r.width() == width) {
            writeFully(buf, (long) r.y() * width * bps);
            return;
        }
        for (int row = 0; row < r.height(); row++) {
            buf.limit((row + 1) * rowBytes).position(row * rowBytes);
            writeFully(buf, ((long) (r.y() + row) * width + r.x()) * bps);
        }
    }

    private void writeFully(ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            pos += channel.write(buf, pos);
        }
    }

    /** The samples of a block as bytes in the given order (bulk copies through typed views). */
    static ByteBuffer encode(Block b, ByteOrder order) {
        int n = Math.toIntExact(b.region().area());
        ByteBuffer buf = ByteBuffer.allocate(n * b.type().bytesPerSample()).order(order);
        switch (b.type()) {
            case BYTE -> buf.put(b.bytes(), 0, n);
            case INT16, UINT16 -> buf.asShortBuffer().put(b.shorts(), 0, n);
            case INT32 -> buf.asIntBuffer().put(b.ints(), 0, n);
            case FLOAT32 -> buf.asFloatBuffer().put(b.floats(), 0, n);
            case FLOAT64 -> buf.asDoubleBuffer().put(b.doubles(), 0, n);
            case CFLOAT32 -> buf.asFloatBuffer().put(b.floats(), 0, 2 * n);
        }
        buf.clear();
        return buf;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
