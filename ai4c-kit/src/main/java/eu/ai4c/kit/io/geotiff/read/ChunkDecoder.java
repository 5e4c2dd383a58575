package eu.ai4c.kit.io.geotiff.read;

import eu.ai4c.kit.io.geotiff.TiffTags;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns the stored bytes of one chunk (tile or strip) into the primitive array of the returned
 * {@link eu.ai4c.kit.raster.DataType}: decompression, predictor, byte order, widening (see
 * {@link SampleKind}). The result holds {@code samplesInChunk} interleaved samples per pixel
 * (two floats per complex sample), row-major over {@code chunkWidth × storedRows}.
 * Stateless apart from the immutable layout; thread-safe.
 */
final class ChunkDecoder {
    private final ImageLayout layout;

    ChunkDecoder(ImageLayout layout) {
        this.layout = layout;
    }

    /**
     * @param stored the chunk's bytes as stored in the file
     * @param index  chunk index, for messages
     * @param cy     chunk row (the last strip may be shorter)
     */
    Object decode(byte[] stored, int index, int cy) throws IOException {
        ImageLayout l = layout;
        int rows = l.storedRows(cy);
        int rowSamples = l.chunkWidth * l.samplesInChunk();
        int expected = l.decodedBytes(cy);
        byte[] raw = Compressions.decode(l.compression, stored, expected, l.file,
                l.chunkName() + " " + index);
        ByteOrder order = l.order;
        if (l.predictor == TiffTags.PREDICTOR_FLOATING_POINT && l.kind == SampleKind.F32) {
            // the common case (float32 rasters): straight to floats, without the byte-plane copy and the
            // byte-order conversion of the general path
            return Predictors.undoFloatingPoint32(raw, rows, rowSamples, l.samplesInChunk(),
                    l.order == ByteOrder.LITTLE_ENDIAN);
        }
        if (l.predictor == TiffTags.PREDICTOR_FLOATING_POINT) {
            raw = Predictors.undoFloatingPoint(raw, rows, rowSamples, l.kind.wordBytes, l.samplesInChunk());
            // libtiff on a little-endian host (where GDAL writes) puts the most significant byte plane first in
            // little-endian files but the least significant first in big-endian ones: read as GDAL does there
            order = l.order == ByteOrder.LITTLE_ENDIAN ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        }
        return convert(raw, expected, order, rows, rowSamples, l.predictor == TiffTags.PREDICTOR_HORIZONTAL);
    }

    /**
     * A run of samples stored uncompressed and without predictor (part of one row), as the array of
     * the returned data type: {@code raw} holds whole samples only.
     */
    Object decodeUncompressed(byte[] raw) {
        int samples = raw.length / layout.kind.sampleBytes();
        return convert(raw, raw.length, layout.order, 1, samples * layout.samplesInChunk(), false);
    }

    /** Byte order, horizontal predictor and widening of {@code expected} decompressed bytes. */
    private Object convert(byte[] raw, int expected, ByteOrder order, int rows, int rowSamples, boolean horizontal) {
        ImageLayout l = layout;
        int stride = l.samplesInChunk();
        ByteBuffer bb = ByteBuffer.wrap(raw, 0, expected).order(order);
        int words = expected / l.kind.wordBytes;
        switch (l.kind) {
            case U8 -> {
                byte[] a = raw.length == expected ? raw : java.util.Arrays.copyOf(raw, expected);
                if (horizontal) Predictors.undoHorizontal(a, rows, rowSamples, stride);
                return a;
            }
            case I8 -> {
                byte[] a = raw.length == expected ? raw : java.util.Arrays.copyOf(raw, expected);
                if (horizontal) Predictors.undoHorizontal(a, rows, rowSamples, stride);
                short[] out = new short[words];
                for (int i = 0; i < words; i++) out[i] = a[i];
                return out;
            }
            case U16, I16 -> {
                short[] a = new short[words];
                bb.asShortBuffer().get(a);
                if (horizontal) Predictors.undoHorizontal(a, rows, rowSamples, stride);
                return a;
            }
            case I32 -> {
                int[] a = new int[words];
                bb.asIntBuffer().get(a);
                if (horizontal) Predictors.undoHorizontal(a, rows, rowSamples, stride);
                return a;
            }
            case U32 -> {
                int[] a = new int[words];
                bb.asIntBuffer().get(a);
                if (horizontal) Predictors.undoHorizontal(a, rows, rowSamples, stride);
                double[] out = new double[words];
                for (int i = 0; i < words; i++) out[i] = a[i] & 0xFFFFFFFFL;
                return out;
            }
            case I64, U64 -> {
                long[] a = new long[words];
                bb.asLongBuffer().get(a);
                if (horizontal) Predictors.undoHorizontal(a, rows, rowSamples, stride);
                double[] out = new double[words];
                if (l.kind == SampleKind.I64) {
                    for (int i = 0; i < words; i++) out[i] = a[i];
                } else {
                    for (int i = 0; i < words; i++) out[i] = unsigned(a[i]);
                }
                return out;
            }
            case F32 -> {
                float[] out = new float[words];
                if (!horizontal) {
                    bb.asFloatBuffer().get(out);
                    return out;
                }
                int[] a = new int[words];
                bb.asIntBuffer().get(a);
                Predictors.undoHorizontal(a, rows, rowSamples, stride);
                for (int i = 0; i < words; i++) out[i] = Float.intBitsToFloat(a[i]);
                return out;
            }
            case F64 -> {
                double[] out = new double[words];
                if (!horizontal) {
                    bb.asDoubleBuffer().get(out);
                    return out;
                }
                long[] a = new long[words];
                bb.asLongBuffer().get(a);
                Predictors.undoHorizontal(a, rows, rowSamples, stride);
                for (int i = 0; i < words; i++) out[i] = Double.longBitsToDouble(a[i]);
                return out;
            }
            case CI16 -> {
                short[] a = new short[words];
                bb.asShortBuffer().get(a);
                float[] out = new float[words];
                for (int i = 0; i < words; i++) out[i] = a[i];
                return out;
            }
            case CI32 -> {
                int[] a = new int[words];
                bb.asIntBuffer().get(a);
                float[] out = new float[words];
                for (int i = 0; i < words; i++) out[i] = a[i];
                return out;
            }
            case CF32 -> {
                float[] out = new float[words];
                bb.asFloatBuffer().get(out);
                return out;
            }
            case CF64 -> {
                double[] a = new double[words];
                bb.asDoubleBuffer().get(a);
                float[] out = new float[words];
                for (int i = 0; i < words; i++) out[i] = (float) a[i];
                return out;
            }
            default -> throw new IllegalStateException(l.kind.toString());
        }
    }

    private static double unsigned(long v) {
        double d = (double) (v >>> 1) * 2.0;
        return d + (v & 1);
    }
}
