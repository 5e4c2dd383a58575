package eu.ai4c.kit.io.geotiff.read;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.io.geotiff.TiffTags;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The pixels of a TIFF image, read lazily: a window reads (positional reads, no whole-file
 * read), decodes and copies only the tiles or strips it intersects; decoded chunks go through a
 * small {@link ChunkCache}. Sparse chunks (offset or byte count 0, as GDAL writes with
 * SPARSE_OK) read as the band's no-data value, or 0 without one.
 *
 * <h2>Thread-safety</h2>
 * {@link #read} may be called from many threads at once. If a reading thread is interrupted
 * (which closes a {@link FileChannel}), the channel is reopened for the other threads.
 */
public final class TiffRaster implements Raster, Closeable {
    private final ImageLayout layout;
    private final List<Band> bands;
    private final GeoCoding geoCoding;
    private final ChunkDecoder decoder;
    private final ChunkCache cache;
    private volatile FileChannel channel;
    private volatile boolean closed;

    TiffRaster(ImageLayout layout, FileChannel channel, List<Band> bands, GeoCoding geoCoding, long cacheBytes) {
        this.layout = layout;
        this.channel = channel;
        this.bands = List.copyOf(bands);
        this.geoCoding = geoCoding;
        this.decoder = new ChunkDecoder(layout);
        this.cache = new ChunkCache(cacheBytes);
    }

    @Override
    public int width() {
        return layout.width;
    }

    @Override
    public int height() {
        return layout.height;
    }

    @Override
    public List<Band> bands() {
        return bands;
    }

    @Override
    public GeoCoding geoCoding() {
        return geoCoding;
    }

    /** The file's tile size; for strips, the full width by a multiple of RowsPerStrip near 1 Mpixel. */
    @Override
    public int[] preferredTileSize() {
        if (layout.tiled) return new int[] {layout.chunkWidth, layout.chunkHeight};
        int rps = layout.chunkHeight;
        int target = Math.max(1, (1 << 20) / layout.width);
        int rows = Math.max(rps, (target + rps - 1) / rps * rps);
        return new int[] {layout.width, Math.min(rows, layout.height)};
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        if (band < 0 || band >= bands.size()) {
            throw new IllegalArgumentException("Band " + band + " out of range 0.." + (bands.size() - 1));
        }
        if (!bounds().contains(region)) {
            throw new IllegalArgumentException("Region " + region + " is not inside " + bounds() + " of " + layout.file);
        }
        Band b = bands.get(band);
        Block out = Block.allocate(b.type(), region);
        if (region.isEmpty()) return out;
        ImageLayout l = layout;
        int plane = l.planarSeparate ? band : 0;
        int sample = l.planarSeparate ? 0 : band;
        int vps = b.type().valuesPerSample();
        int cx0 = region.x() / l.chunkWidth, cx1 = (region.maxX() - 1) / l.chunkWidth;
        int cy0 = region.y() / l.chunkHeight, cy1 = (region.maxY() - 1) / l.chunkHeight;
        if (cx0 == cx1 && cy0 == cy1 && l.samplesInChunk() == 1 && region.x() == cx0 * l.chunkWidth
                && region.y() == cy0 * l.chunkHeight && region.width() == l.chunkWidth
                && region.height() == l.storedRows(cy0)) {
            // the window is exactly one single-sample chunk (the tile engine on the file's own grid):
            // hand the decoded array over instead of copying it; no other window needs it again
            Object data = chunk(l.chunkIndex(plane, cx0, cy0), cy0, false);
            if (data != null) return new Block(region, b.type(), data);
        }
        if (readsRowSpans(region)) {
            readRowSpans(region, vps, out.array());
            return out;
        }
        for (int cy = cy0; cy <= cy1; cy++) {
            for (int cx = cx0; cx <= cx1; cx++) {
                Region chunkRegion = new Region(cx * l.chunkWidth, cy * l.chunkHeight, l.chunkWidth, l.storedRows(cy));
                Region overlap = region.intersect(chunkRegion);
                Object data = chunk(l.chunkIndex(plane, cx, cy), cy, true);
                if (data == null) {
                    if (b.hasNoData()) fill(out, overlap, b.noData());
                } else {
                    ChunkCopy.copy(data, chunkRegion, l.samplesInChunk(), sample, vps, out.array(), region, overlap);
                }
            }
        }
        return out;
    }

    /**
     * Whether a window is read row span by row span instead of strip by strip: for uncompressed
     * strips of one sample per pixel (e.g. Sentinel-1 measurements, one row per strip) a window less
     * than half the image wide reads only its own bytes of each row, instead of decoding whole
     * strips that other windows would need again (and that the chunk cache cannot hold for wide images).
     */
    private boolean readsRowSpans(Region region) {
        ImageLayout l = layout;
        return !l.tiled && l.compression == TiffTags.COMPRESSION_NONE && l.predictor == TiffTags.PREDICTOR_NONE
                && l.samplesPerPixel == 1 && region.width() * 2 < l.width;
    }

    private void readRowSpans(Region region, int vps, Object out) throws IOException {
        ImageLayout l = layout;
        int sampleBytes = l.kind.sampleBytes();
        int count = region.width() * sampleBytes;
        for (int row = region.y(); row < region.maxY(); row++) {
            int strip = row / l.chunkHeight;
            long offset = l.offsets[strip], stored = l.byteCounts[strip];
            long within = ((long) (row - strip * l.chunkHeight) * l.width + region.x()) * sampleBytes;
            int at = (row - region.y()) * region.width() * vps;
            if (offset == 0 || stored == 0) {
                Block part = Block.filled(bands.get(0).type(), new Region(region.x(), row, region.width(), 1),
                        bands.get(0).hasNoData() ? bands.get(0).noData() : 0);
                System.arraycopy(part.array(), 0, out, at, region.width() * vps);
                continue;
            }
            if (within + count > stored) {
                throw new Ai4cException("Cannot read " + layout.file + ": strip " + strip + " holds " + stored
                        + " bytes, fewer than its rows need; the file is damaged or truncated. Download the product again.");
            }
            Object decoded = decoder.decodeUncompressed(readStored(offset + within, count));
            System.arraycopy(decoded, 0, out, at, region.width() * vps);
        }
    }

    /**
     * The decoded chunk, or null for a sparse one.
     *
     * @param shared true when the array may be cached and must not be modified; false to get an array
     *               the caller owns (never cached, a copy when it was)
     */
    private Object chunk(int index, int cy, boolean shared) throws IOException {
        Object data = cache.get(index);
        if (data != null) return shared ? data : copyOf(data);
        long offset = layout.offsets[index], count = layout.byteCounts[index];
        if (offset == 0 || count == 0) return null;
        if (count > Integer.MAX_VALUE - 64) {
            throw new Ai4cException("Cannot read " + layout.file + ": " + layout.chunkName() + " " + index + " claims "
                    + count + " bytes; the file is damaged.");
        }
        byte[] stored = readStored(offset, (int) count);
        data = decoder.decode(stored, index, cy);
        if (shared) cache.put(index, data);
        return data;
    }

    private byte[] readStored(long offset, int count) throws IOException {
        try {
            return Chunks.readFully(channel, layout.base + offset, count, layout.file).array();
        } catch (ClosedChannelException e) {
            // an interrupt of some reading thread closed the shared channel: reopen it for the others
            if (closed || Thread.currentThread().isInterrupted()) throw e;
            reopen();
            return Chunks.readFully(channel, layout.base + offset, count, layout.file).array();
        }
    }

    private synchronized void reopen() throws IOException {
        if (!channel.isOpen() && !closed) channel = FileChannel.open(layout.file, StandardOpenOption.READ);
    }

    private static Object copyOf(Object array) {
        int n = java.lang.reflect.Array.getLength(array);
        Object copy = java.lang.reflect.Array.newInstance(array.getClass().getComponentType(), n);
        System.arraycopy(array, 0, copy, 0, n);
        return copy;
    }

    private static void fill(Block out, Region overlap, double value) {
        Region r = out.region();
        for (int row = overlap.y(); row < overlap.maxY(); row++) {
            int i = (row - r.y()) * r.width() + overlap.x() - r.x();
            for (int c = 0; c < overlap.width(); c++) out.setDouble(i + c, value);
        }
    }

    /**
     * How the chunks of one band are stored: enough to copy them into another TIFF without
     * decoding and encoding them again. Only files with one sample per chunk qualify (one band, or
     * several as PlanarConfiguration 2); null otherwise.
     *
     * @param order byte order of the file (the floating-point predictor's byte planes depend on it)
     */
    public record StoredBand(int compression, int predictor, boolean tiled, int chunkWidth, int chunkHeight,
                             int chunksAcross, int chunksDown, java.nio.ByteOrder order, DataTypeOnDisk type) {
    }

    /** The stored sample type: the band's data type and bits per stored word. */
    public record DataTypeOnDisk(eu.ai4c.kit.raster.DataType dataType, int wordBytes) {
    }

    /** The storage of {@code band}, or null when its chunks also hold other bands. */
    public StoredBand storedBand(int band) {
        ImageLayout l = layout;
        if (band < 0 || band >= bands.size() || l.samplesInChunk() != 1) return null;
        return new StoredBand(l.compression, l.predictor, l.tiled, l.chunkWidth, l.chunkHeight, l.chunksAcross,
                l.chunksDown, l.order, new DataTypeOnDisk(l.kind.dataType, l.kind.wordBytes));
    }

    /**
     * The stored bytes of chunk ({@code cx}, {@code cy}) of {@code band}, still compressed; null
     * for a sparse chunk. Only for bands with a {@link #storedBand}.
     */
    public byte[] storedChunk(int band, int cx, int cy) throws IOException {
        ImageLayout l = layout;
        if (storedBand(band) == null) throw new IllegalStateException("band " + band + " shares its chunks");
        int index = l.chunkIndex(l.planarSeparate ? band : 0, cx, cy);
        long offset = l.offsets[index], count = l.byteCounts[index];
        if (offset == 0 || count == 0) return null;
        if (count > Integer.MAX_VALUE - 64) {
            throw new Ai4cException("Cannot read " + layout.file + ": " + layout.chunkName() + " " + index + " claims "
                    + count + " bytes; the file is damaged.");
        }
        return readStored(offset, (int) count);
    }

    /** Closes the file; later reads fail. */
    @Override
    public synchronized void close() throws IOException {
        closed = true;
        channel.close();
    }

    /** The file read. */
    public Path file() {
        return layout.file;
    }
}
