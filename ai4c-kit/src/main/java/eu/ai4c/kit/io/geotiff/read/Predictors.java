package eu.ai4c.kit.io.geotiff.read;

/**
 * Undoes the TIFF predictors, row by row, in place. Horizontal differencing (Predictor 2, TIFF 6.0
 * section 14) works on whole samples with a stride of the samples per pixel, wrapping around like
 * the integer arithmetic of the writer. The floating-point predictor (3, Adobe Photoshop TIFF
 * Technical Note 3) differences bytes after splitting each row into byte planes (the most
 * significant plane first in little-endian files; see {@link ChunkDecoder} for big-endian ones).
 * Pure kernels on primitive arrays; thread-safe.
 */
final class Predictors {
    private Predictors() {
    }

    static void undoHorizontal(byte[] a, int rows, int rowLength, int stride) {
        for (int r = 0, base = 0; r < rows; r++, base += rowLength) {
            for (int i = base + stride, end = base + rowLength; i < end; i++) a[i] += a[i - stride];
        }
    }

    static void undoHorizontal(short[] a, int rows, int rowLength, int stride) {
        if (stride == 1) {
            // one sample per pixel (the usual case): the running sum stays in a register instead of
            // being reloaded from the element just stored
            for (int r = 0, base = 0; r < rows; r++, base += rowLength) {
                int sum = a[base]; // an int: no sign extension in the add chain; the store keeps the low 16 bits
                for (int i = base + 1, end = base + rowLength; i < end; i++) {
                    sum += a[i];
                    a[i] = (short) sum;
                }
            }
            return;
        }
        for (int r = 0, base = 0; r < rows; r++, base += rowLength) {
            for (int i = base + stride, end = base + rowLength; i < end; i++) a[i] += a[i - stride];
        }
    }

    static void undoHorizontal(int[] a, int rows, int rowLength, int stride) {
        for (int r = 0, base = 0; r < rows; r++, base += rowLength) {
            for (int i = base + stride, end = base + rowLength; i < end; i++) a[i] += a[i - stride];
        }
    }

    static void undoHorizontal(long[] a, int rows, int rowLength, int stride) {
        for (int r = 0, base = 0; r < rows; r++, base += rowLength) {
            for (int i = base + stride, end = base + rowLength; i < end; i++) a[i] += a[i - stride];
        }
    }

    /**
     * Undoes the floating-point predictor.
     *
     * @param src         decoded bytes, rows of byte planes
     * @param rows        rows in the chunk
     * @param rowSamples  samples per row (pixels × samples per pixel)
     * @param sampleBytes 4 or 8
     * @param stride      samples per pixel
     * @return the samples, bytes in plane order (big-endian when the first plane holds the most significant bytes)
     */
    static byte[] undoFloatingPoint(byte[] src, int rows, int rowSamples, int sampleBytes, int stride) {
        int rowBytes = rowSamples * sampleBytes;
        byte[] out = new byte[rows * rowBytes];
        for (int r = 0, base = 0; r < rows; r++, base += rowBytes) {
            for (int i = base + stride, end = base + rowBytes; i < end; i++) src[i] += src[i - stride];
            for (int plane = 0; plane < sampleBytes; plane++) {
                int s = base + plane * rowSamples;
                for (int i = 0, d = base + plane; i < rowSamples; i++, d += sampleBytes) out[d] = src[s + i];
            }
        }
        return out;
    }

    /**
     * Undoes the floating-point predictor of float32 samples into floats: the same result as
     * {@link #undoFloatingPoint} followed by reading the planes in their byte order, in one pass
     * (the running sum of each row is kept in a register, and each sample's four bytes are taken
     * from the four planes at once).
     *
     * @param mostSignificantFirst whether the first byte plane holds the most significant bytes
     *                             (little-endian files, as libtiff writes them)
     */
    static float[] undoFloatingPoint32(byte[] src, int rows, int rowSamples, int stride, boolean mostSignificantFirst) {
        int rowBytes = rowSamples * 4;
        float[] out = new float[rows * rowSamples];
        int s0 = mostSignificantFirst ? 24 : 0, s1 = mostSignificantFirst ? 16 : 8;
        int s2 = mostSignificantFirst ? 8 : 16, s3 = mostSignificantFirst ? 0 : 24;
        for (int r = 0, base = 0, o = 0; r < rows; r++, base += rowBytes, o += rowSamples) {
            if (stride == 1) {
                byte sum = src[base];
                for (int i = base + 1, end = base + rowBytes; i < end; i++) {
                    sum += src[i];
                    src[i] = sum;
                }
            } else {
                for (int i = base + stride, end = base + rowBytes; i < end; i++) src[i] += src[i - stride];
            }
            int p0 = base, p1 = base + rowSamples, p2 = base + 2 * rowSamples, p3 = base + 3 * rowSamples;
            for (int i = 0; i < rowSamples; i++) {
                int bits = (src[p0 + i] & 255) << s0 | (src[p1 + i] & 255) << s1 | (src[p2 + i] & 255) << s2
                        | (src[p3 + i] & 255) << s3;
                out[o + i] = Float.intBitsToFloat(bits);
            }
        }
        return out;
    }
}
