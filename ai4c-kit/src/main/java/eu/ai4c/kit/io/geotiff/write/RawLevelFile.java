package eu.ai4c.kit.io.geotiff.write;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * An overview level held uncompressed in a scratch file while a COG is built, in square blocks of
 * {@code block} pixels (half the tile size, so that each halved tile of the level above is one
 * block and each tile of this level is 2×2 blocks): band after band, blocks row by row, samples in
 * native byte order, edge blocks padded. Workers of the level above {@link #write} their halved
 * tiles into it; it is then read back as a {@link Raster} to encode this level and to make the
 * next one. Deleted by {@link #close}.
 *
 * <h2>Thread-safety</h2>
 * Reads and writes of disjoint blocks may run concurrently (positional channel I/O).
 */
public final class RawLevelFile implements Raster, AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final int width;
    private final int height;
    private final int block;
    private final int blocksAcross;
    private final int blocksDown;
    private final List<Band> bands;
    private final DataType type;

    /** Creates the scratch file {@code file} for a level of {@code width × height} stored in {@code block}² blocks. */
    public RawLevelFile(Path file, int width, int height, int block, List<Band> bands, DataType type)
            throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        this.width = width;
        this.height = height;
        this.block = block;
        this.blocksAcross = (width + block - 1) / block;
        this.blocksDown = (height + block - 1) / block;
        this.bands = bands.stream().map(b -> b.withType(type)).toList();
        this.type = type;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public List<Band> bands() {
        return bands;
    }

    @Override
    public GeoCoding geoCoding() {
        return null;
    }

    private long blockPosition(int band, int bx, int by) {
        long blockBytes = (long) block * block * type.bytesPerSample();
        return ((long) band * blocksDown + by) * blocksAcross * blockBytes + bx * blockBytes;
    }

    /**
     * Stores {@code samples} (row-major, of this level's type) over {@code region} of {@code band};
     * the region must be one block or its clipped edge part.
     */
    public void write(int band, Region region, Object samples) throws IOException {
        if (region.x() % block != 0 || region.y() % block != 0 || region.width() > block || region.height() > block) {
            throw new IllegalArgumentException(region + " is not one block of " + block + " pixels");
        }
        int bps = type.bytesPerSample(), vps = type.valuesPerSample();
        ByteBuffer buf = ByteBuffer.allocate(block * block * bps).order(ByteOrder.nativeOrder());
        Buffer view = typedView(buf);
        for (int r = 0; r < region.height(); r++) {
            int from = r * region.width() * vps, to = r * block * vps, n = region.width() * vps;
            switch (type) {
                case BYTE -> buf.put(to, (byte[]) samples, from, n);
                case INT16, UINT16 -> ((ShortBuffer) view).put(to, (short[]) samples, from, n);
                case INT32 -> ((IntBuffer) view).put(to, (int[]) samples, from, n);
                case FLOAT32, CFLOAT32 -> ((FloatBuffer) view).put(to, (float[]) samples, from, n);
                case FLOAT64 -> ((DoubleBuffer) view).put(to, (double[]) samples, from, n);
            }
        }
        long p = blockPosition(band, region.x() / block, region.y() / block);
        while (buf.hasRemaining()) p += channel.write(buf, p);
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        int vps = type.valuesPerSample();
        Object samples = type.allocate(Math.toIntExact(region.area()));
        ByteBuffer buf = ByteBuffer.allocate(block * block * type.bytesPerSample()).order(ByteOrder.nativeOrder());
        Buffer view = typedView(buf);
        for (int by = region.y() / block; by <= (region.maxY() - 1) / block; by++) {
            for (int bx = region.x() / block; bx <= (region.maxX() - 1) / block; bx++) {
                buf.clear();
                long p = blockPosition(band, bx, by);
                while (buf.hasRemaining()) {
                    int n = channel.read(buf, p);
                    if (n < 0) throw new IOException("Overview scratch file " + file + " is shorter than expected");
                    p += n;
                }
                Region part = region.intersect(new Region(bx * block, by * block, block, block));
                for (int y = part.y(); y < part.maxY(); y++) {
                    int from = ((y - by * block) * block + part.x() - bx * block) * vps;
                    int to = ((y - region.y()) * region.width() + part.x() - region.x()) * vps;
                    int n = part.width() * vps;
                    switch (type) {
                        case BYTE -> buf.get(from, (byte[]) samples, to, n);
                        case INT16, UINT16 -> ((ShortBuffer) view).get(from, (short[]) samples, to, n);
                        case INT32 -> ((IntBuffer) view).get(from, (int[]) samples, to, n);
                        case FLOAT32, CFLOAT32 -> ((FloatBuffer) view).get(from, (float[]) samples, to, n);
                        case FLOAT64 -> ((DoubleBuffer) view).get(from, (double[]) samples, to, n);
                    }
                }
            }
        }
        return new Block(region, type, samples);
    }

    /** A view of the buffer in units of this level's samples (the buffer itself for bytes). */
    private Buffer typedView(ByteBuffer buf) {
        return switch (type) {
            case BYTE -> buf;
            case INT16, UINT16 -> buf.asShortBuffer();
            case INT32 -> buf.asIntBuffer();
            case FLOAT32, CFLOAT32 -> buf.asFloatBuffer();
            case FLOAT64 -> buf.asDoubleBuffer();
        };
    }

    /** Closes and deletes the scratch file. */
    @Override
    public void close() throws IOException {
        channel.close();
        Files.deleteIfExists(file);
    }
}
