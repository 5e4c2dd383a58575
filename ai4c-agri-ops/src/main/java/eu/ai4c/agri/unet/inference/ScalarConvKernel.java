package eu.ai4c.agri.unet.inference;

/**
 * {@link ConvKernel} one pixel at a time with {@link Math#fma}: the reference the vector kernel
 * must equal bit for bit, and the kernel used when the JVM has no vector API (about 10× slower).
 */
final class ScalarConvKernel implements ConvKernel {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void convolve(float[][] in, int[] plane, int[] offset, float[] packed, float[] bias, int cout, int from,
                         int to, float[][] residual, boolean relu, float[][] out) {
        int taps = plane.length, blocked = cout & ~3;
        for (int o = 0; o < blocked; o += 4) {
            int wb = (o >> 2) * taps * 4;
            for (int p = from; p < to; p++) {
                float a = bias[o], b = bias[o + 1], d = bias[o + 2], e = bias[o + 3];
                for (int j = 0, k = wb; j < taps; j++, k += 4) {
                    float x = in[plane[j]][p + offset[j]];
                    a = Math.fma(x, packed[k], a);
                    b = Math.fma(x, packed[k + 1], b);
                    d = Math.fma(x, packed[k + 2], d);
                    e = Math.fma(x, packed[k + 3], e);
                }
                out[o][p] = finish(a, residual, o, p, relu);
                out[o + 1][p] = finish(b, residual, o + 1, p, relu);
                out[o + 2][p] = finish(d, residual, o + 2, p, relu);
                out[o + 3][p] = finish(e, residual, o + 3, p, relu);
            }
        }
        for (int o = blocked; o < cout; o++) {
            int wb = o * taps;
            for (int p = from; p < to; p++) {
                float a = bias[o];
                for (int j = 0; j < taps; j++) a = Math.fma(in[plane[j]][p + offset[j]], packed[wb + j], a);
                out[o][p] = finish(a, residual, o, p, relu);
            }
        }
    }

    private static float finish(float acc, float[][] residual, int o, int p, boolean relu) {
        if (residual != null) acc += residual[o][p];
        return relu ? Math.max(acc, 0f) : acc;
    }
}
