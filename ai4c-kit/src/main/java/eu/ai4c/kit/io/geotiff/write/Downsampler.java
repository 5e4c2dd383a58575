package eu.ai4c.kit.io.geotiff.write;

import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;

/**
 * Halves a block in both directions for the next overview level: output pixel (i, j) is made from
 * input pixels (2i..2i+1, 2j..2j+1), of which only those inside the block exist at odd right and
 * bottom edges (so the output is ceil(w/2) × ceil(h/2)).
 * <ul>
 * <li>Average: the mean of the valid inputs, a valid input being neither the no-data value nor
 * NaN; no-data when none is valid. Integer means are rounded half up ({@code Math.round}).
 * Complex: real and imaginary parts averaged separately.</li>
 * <li>Nearest: the upper-left input (no-data included), for class maps and masks.</li>
 * </ul>
 * Pure kernel; stateless and thread-safe.
 */
public final class Downsampler {

    private Downsampler() {
    }

    /**
     * @param in        the block, of the file's sample type
     * @param average   mean (true) or nearest (false)
     * @param hasNoData whether {@code noData} marks invalid inputs
     * @param noData    the no-data value
     * @return the halved samples, row-major, {@code ceil(w/2) × ceil(h/2)}
     */
    public static Object halve(Block in, boolean average, boolean hasNoData, double noData) {
        int w = in.width(), h = in.height();
        int ow = (w + 1) / 2, oh = (h + 1) / 2;
        DataType type = in.type();
        Object out = type.allocate(ow * oh);
        if (!average) {
            nearest(in.array(), w, out, ow, oh, type.valuesPerSample());
            return out;
        }
        switch (type) {
            case BYTE -> averageBytes(in.bytes(), w, h, (byte[]) out, hasNoData, noData);
            case INT16 -> averageShorts(in.shorts(), w, h, (short[]) out, false, hasNoData, noData);
            case UINT16 -> averageShorts(in.shorts(), w, h, (short[]) out, true, hasNoData, noData);
            case INT32 -> averageInts(in.ints(), w, h, (int[]) out, hasNoData, noData);
            case FLOAT32 -> averageFloats(in.floats(), w, h, (float[]) out, 1, hasNoData, noData);
            case CFLOAT32 -> averageFloats(in.floats(), w, h, (float[]) out, 2, hasNoData, noData);
            case FLOAT64 -> averageDoubles(in.doubles(), w, h, (double[]) out, hasNoData, noData);
        }
        return out;
    }

    private static void nearest(Object in, int w, Object out, int ow, int oh, int vps) {
        for (int j = 0; j < oh; j++) {
            for (int i = 0; i < ow; i++) {
                System.arraycopy(in, (2 * j * w + 2 * i) * vps, out, (j * ow + i) * vps, vps);
            }
        }
    }

    private static void averageBytes(byte[] a, int w, int h, byte[] out, boolean hasNoData, double noData) {
        int ow = (w + 1) / 2, oh = (h + 1) / 2;
        int nd = hasNoData ? (int) noData : -1;
        for (int j = 0; j < oh; j++) {
            int y0 = 2 * j, y1 = Math.min(y0 + 1, h - 1);
            for (int i = 0; i < ow; i++) {
                int x0 = 2 * i, x1 = Math.min(x0 + 1, w - 1);
                long sum = 0;
                int n = 0;
                for (int y = y0; y <= y1; y++) {
                    for (int x = x0; x <= x1; x++) {
                        int v = a[y * w + x] & 0xFF;
                        if (v != nd) {
                            sum += v;
                            n++;
                        }
                    }
                }
                out[j * ow + i] = (byte) (n == 0 ? nd : Math.round((double) sum / n));
            }
        }
    }

    private static void averageShorts(short[] a, int w, int h, short[] out, boolean unsigned, boolean hasNoData,
                                      double noData) {
        int ow = (w + 1) / 2, oh = (h + 1) / 2;
        int mask = unsigned ? 0xFFFF : -1;
        long nd = hasNoData ? (long) noData : Long.MIN_VALUE;
        for (int j = 0; j < oh; j++) {
            int y0 = 2 * j, y1 = Math.min(y0 + 1, h - 1);
            for (int i = 0; i < ow; i++) {
                int x0 = 2 * i, x1 = Math.min(x0 + 1, w - 1);
                long sum = 0;
                int n = 0;
                for (int y = y0; y <= y1; y++) {
                    for (int x = x0; x <= x1; x++) {
                        int v = a[y * w + x] & mask;
                        if (v != nd) {
                            sum += v;
                            n++;
                        }
                    }
                }
                out[j * ow + i] = (short) (n == 0 ? nd : Math.round((double) sum / n));
            }
        }
    }

    private static void averageInts(int[] a, int w, int h, int[] out, boolean hasNoData, double noData) {
        int ow = (w + 1) / 2, oh = (h + 1) / 2;
        long nd = hasNoData ? (long) noData : Long.MIN_VALUE;
        for (int j = 0; j < oh; j++) {
            int y0 = 2 * j, y1 = Math.min(y0 + 1, h - 1);
            for (int i = 0; i < ow; i++) {
                int x0 = 2 * i, x1 = Math.min(x0 + 1, w - 1);
                long sum = 0;
                int n = 0;
                for (int y = y0; y <= y1; y++) {
                    for (int x = x0; x <= x1; x++) {
                        int v = a[y * w + x];
                        if (v != nd) {
                            sum += v;
                            n++;
                        }
                    }
                }
                out[j * ow + i] = (int) (n == 0 ? nd : Math.round((double) sum / n));
            }
        }
    }

    /** Float32 (vps 1) or complex float32 pairs (vps 2); validity is decided on the first value. */
    private static void averageFloats(float[] a, int w, int h, float[] out, int vps, boolean hasNoData,
                                      double noData) {
        int ow = (w + 1) / 2, oh = (h + 1) / 2;
        float nd = hasNoData ? (float) noData : Float.NaN;
        for (int j = 0; j < oh; j++) {
            int y0 = 2 * j, y1 = Math.min(y0 + 1, h - 1);
            for (int i = 0; i < ow; i++) {
                int x0 = 2 * i, x1 = Math.min(x0 + 1, w - 1);
                double re = 0, im = 0;
                int n = 0;
                for (int y = y0; y <= y1; y++) {
                    for (int x = x0; x <= x1; x++) {
                        int k = (y * w + x) * vps;
                        float v = a[k];
                        if (v == v && v != nd) {
                            re += v;
                            if (vps == 2) im += a[k + 1];
                            n++;
                        }
                    }
                }
                int o = (j * ow + i) * vps;
                out[o] = n == 0 ? nd : (float) (re / n);
                if (vps == 2) out[o + 1] = n == 0 ? 0f : (float) (im / n);
            }
        }
    }

    private static void averageDoubles(double[] a, int w, int h, double[] out, boolean hasNoData, double noData) {
        int ow = (w + 1) / 2, oh = (h + 1) / 2;
        double nd = hasNoData ? noData : Double.NaN;
        for (int j = 0; j < oh; j++) {
            int y0 = 2 * j, y1 = Math.min(y0 + 1, h - 1);
            for (int i = 0; i < ow; i++) {
                int x0 = 2 * i, x1 = Math.min(x0 + 1, w - 1);
                double sum = 0;
                int n = 0;
                for (int y = y0; y <= y1; y++) {
                    for (int x = x0; x <= x1; x++) {
                        double v = a[y * w + x];
                        if (v == v && v != nd) {
                            sum += v;
                            n++;
                        }
                    }
                }
                out[j * ow + i] = n == 0 ? nd : sum / n;
            }
        }
    }
}
