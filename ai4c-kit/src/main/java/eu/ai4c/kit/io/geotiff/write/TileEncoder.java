package eu.ai4c.kit.io.geotiff.write;

import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Turns the block of one band over one tile into the bytes stored in the file: pads edge tiles to
 * the full tile size (with zeros), applies the predictor, lays the samples out little-endian and
 * compresses them. Samples must already be of the file's sample type.
 *
 * <h2>Thread-safety</h2>
 * Not thread-safe: one instance per worker thread; its scratch buffers are reused from tile to tile,
 * and the array returned by {@link #encode} is valid until the next call.
 */
public final class TileEncoder {
    private final TiffPlan plan;
    private final int tile;
    private final Object padded;
    private final byte[] raw;
    private final Deflater deflater;
    private final LzwEncoder lzw;
    private byte[] compressed = new byte[0];
    private int length;

    public TileEncoder(TiffPlan plan) {
        this.plan = plan;
        this.tile = plan.tileSize();
        DataType type = plan.fileType();
        int samples = tile * tile;
        this.padded = type.allocate(samples);
        this.raw = new byte[samples * type.bytesPerSample()];
        this.deflater = plan.compression() == TiffPlan.DEFLATE ? new Deflater(plan.deflateLevel()) : null;
        this.lzw = plan.compression() == TiffPlan.LZW ? new LzwEncoder() : null;
    }

    /**
     * Encodes one tile. The block is not modified (blocks may be shared with a tile cache).
     *
     * @return a buffer whose first {@link #length()} bytes are the tile as stored
     */
    public byte[] encode(Block block) {
        DataType type = plan.fileType();
        if (block.type() != type) {
            throw new IllegalArgumentException("Tile of " + block.type() + " given to a " + type + " encoder");
        }
        // Horizontal differencing works in place, so it gets a private copy.
        Object samples = fullTile(block, plan.predictor() == TiffPlan.PREDICTOR_HORIZONTAL);
        int rawLength = raw.length;
        switch (plan.predictor()) {
            case TiffPlan.PREDICTOR_HORIZONTAL -> {
                switch (type) {
                    case BYTE -> Predictors.horizontal((byte[]) samples, tile, tile);
                    case INT16, UINT16 -> Predictors.horizontal((short[]) samples, tile, tile);
                    case INT32 -> Predictors.horizontal((int[]) samples, tile, tile);
                    default -> throw new IllegalStateException("Horizontal predictor on " + type);
                }
                toLittleEndian(samples, type);
            }
            case TiffPlan.PREDICTOR_FLOATING_POINT -> {
                switch (type) {
                    case FLOAT32 -> Predictors.floatingPoint((float[]) samples, tile, tile, raw);
                    case FLOAT64 -> Predictors.floatingPoint((double[]) samples, tile, tile, raw);
                    default -> throw new IllegalStateException("Floating-point predictor on " + type);
                }
            }
            default -> toLittleEndian(samples, type);
        }
        switch (plan.compression()) {
            case TiffPlan.DEFLATE -> deflate(rawLength);
            case TiffPlan.LZW -> {
                compressed = lzw.encode(raw, rawLength);
                length = lzw.length();
            }
            default -> {
                compressed = raw;
                length = rawLength;
            }
        }
        return compressed;
    }

    /** Bytes of the last encoded tile. */
    public int length() {
        return length;
    }

    /**
     * The block's samples over a whole tile: its own array when it is a whole tile and no copy is
     * asked for, else a copy zero-padded to the tile size.
     */
    private Object fullTile(Block block, boolean copy) {
        int w = block.width(), h = block.height();
        if (w == tile && h == tile) {
            if (!copy) return block.array();
            System.arraycopy(block.array(), 0, padded, 0, tile * tile * plan.fileType().valuesPerSample());
            return padded;
        }
        int vps = plan.fileType().valuesPerSample();
        Object src = block.array();
        switch (plan.fileType()) {
            case BYTE -> Arrays.fill((byte[]) padded, (byte) 0);
            case INT16, UINT16 -> Arrays.fill((short[]) padded, (short) 0);
            case INT32 -> Arrays.fill((int[]) padded, 0);
            case FLOAT32, CFLOAT32 -> Arrays.fill((float[]) padded, 0f);
            case FLOAT64 -> Arrays.fill((double[]) padded, 0d);
        }
        for (int r = 0; r < h; r++) {
            System.arraycopy(src, r * w * vps, padded, r * tile * vps, w * vps);
        }
        return padded;
    }

    private void toLittleEndian(Object samples, DataType type) {
        ByteBuffer buf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int n = tile * tile;
        switch (type) {
            case BYTE -> System.arraycopy(samples, 0, raw, 0, n);
            case INT16, UINT16 -> buf.asShortBuffer().put((short[]) samples, 0, n);
            case INT32 -> buf.asIntBuffer().put((int[]) samples, 0, n);
            case FLOAT32 -> buf.asFloatBuffer().put((float[]) samples, 0, n);
            case CFLOAT32 -> buf.asFloatBuffer().put((float[]) samples, 0, 2 * n);
            case FLOAT64 -> buf.asDoubleBuffer().put((double[]) samples, 0, n);
        }
    }

    private void deflate(int rawLength) {
        int bound = rawLength + rawLength / 1000 + 64; // zlib's worst case is a few bytes per 16 KiB
        if (compressed.length < bound) compressed = new byte[bound];
        deflater.reset();
        deflater.setInput(raw, 0, rawLength);
        deflater.finish();
        int n = 0;
        while (!deflater.finished()) {
            if (n == compressed.length) compressed = Arrays.copyOf(compressed, compressed.length * 2);
            n += deflater.deflate(compressed, n, compressed.length - n);
        }
        length = n;
    }
}
