package eu.ai4c.kit.io.geotiff.write;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * An overview level held uncompressed in a scratch file while a COG is built: band after band,
 * rows top-down, samples in native byte order. Workers of the level above {@link #write} their
 * halved tiles into it; it is then read back as a {@link Raster} to encode this level and to
 * make the next one. Deleted by {@link #close}.
 *
 * <h2>Thread-safety</h2>
 * Reads and writes of disjoint regions may run concurrently (positional channel I/O).
 */
public final class RawLevelFile implements Raster, AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final int width;
    private final int height;
    private final List<Band> bands;
    private final DataType type;

    /** Creates the scratch file {@code file} for a level of {@code width × height}. */
    public RawLevelFile(Path file, int width, int height, List<Band> bands, DataType type) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        this.width = width;
        this.height = height;
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

    private long position(int band, int x, int y) {
        return (((long) band * height + y) * width + x) * type.bytesPerSample();
    }

    /** Stores {@code samples} (row-major, of this level's type) over {@code region} of {@code band}. */
    public void write(int band, Region region, Object samples) throws IOException {
        int rowBytes = region.width() * type.bytesPerSample();
        ByteBuffer buf = ByteBuffer.allocate(rowBytes * region.height()).order(ByteOrder.nativeOrder());
        putSamples(buf, samples, Math.toIntExact(region.area()));
        for (int r = 0; r < region.height(); r++) {
            buf.limit((r + 1) * rowBytes).position(r * rowBytes);
            long p = position(band, region.x(), region.y() + r);
            while (buf.hasRemaining()) p += channel.write(buf, p);
        }
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        int rowBytes = region.width() * type.bytesPerSample();
        ByteBuffer buf = ByteBuffer.allocate(rowBytes * region.height()).order(ByteOrder.nativeOrder());
        for (int r = 0; r < region.height(); r++) {
            buf.limit((r + 1) * rowBytes).position(r * rowBytes);
            long p = position(band, region.x(), region.y() + r);
            while (buf.hasRemaining()) {
                int n = channel.read(buf, p);
                if (n < 0) throw new IOException("Overview scratch file " + file + " is shorter than expected");
                p += n;
            }
        }
        buf.clear();
        int n = Math.toIntExact(region.area());
        Object samples = type.allocate(n);
        switch (type) {
            case BYTE -> buf.get((byte[]) samples);
            case INT16, UINT16 -> buf.asShortBuffer().get((short[]) samples);
            case INT32 -> buf.asIntBuffer().get((int[]) samples);
            case FLOAT32, CFLOAT32 -> buf.asFloatBuffer().get((float[]) samples);
            case FLOAT64 -> buf.asDoubleBuffer().get((double[]) samples);
        }
        return new Block(region, type, samples);
    }

    private void putSamples(ByteBuffer buf, Object samples, int n) {
        switch (type) {
            case BYTE -> buf.put((byte[]) samples, 0, n);
            case INT16, UINT16 -> buf.asShortBuffer().put((short[]) samples, 0, n);
            case INT32 -> buf.asIntBuffer().put((int[]) samples, 0, n);
            case FLOAT32 -> buf.asFloatBuffer().put((float[]) samples, 0, n);
            case CFLOAT32 -> buf.asFloatBuffer().put((float[]) samples, 0, 2 * n);
            case FLOAT64 -> buf.asDoubleBuffer().put((double[]) samples, 0, n);
        }
    }

    /** Closes and deletes the scratch file. */
    @Override
    public void close() throws IOException {
        channel.close();
        Files.deleteIfExists(file);
    }
}
