package eu.ai4c.agri.unet.inference;

import eu.ai4c.agri.unet.Safetensors;
import java.util.Map;

/**
 * A square convolution (padding {@code kernel / 2}, stride 1 or 2) with the batch norm that follows
 * it folded in, for inference: {@code w' = w · γ / √(σ² + ε)}, {@code b' = β − μ · γ / √(σ² + ε)}
 * with the running statistics μ, σ² and PyTorch's ε = 1e-5 (computed in double, rounded once).
 * Then, optionally, a residual is added and ReLU applied.
 *
 * <p>Stride 1 reads the input's planes at the kernel's offsets. Stride 2 first gathers, for every
 * input channel and kernel tap, the plane of values that tap reads at each output pixel (zeros
 * outside the input), then runs those planes as a 1×1 convolution: same sums, one kernel.</p>
 */
final class FoldedConv {
    private static final double BN_EPSILON = 1e-5;

    private final int cin;
    private final int cout;
    private final int kernel;
    private final int stride;
    private final boolean relu;
    private final float[] packed;
    private final float[] bias;

    private FoldedConv(int cin, int cout, int kernel, int stride, boolean relu, float[][] weights, float[] bias) {
        this.cin = cin;
        this.cout = cout;
        this.kernel = kernel;
        this.stride = stride;
        this.relu = relu;
        this.packed = ConvKernel.pack(weights);
        this.bias = bias;
    }

    /**
     * The convolution {@code layer} of a model whose tensors were checked
     * ({@link UnetInference#requireMatchingTensors}): with its batch norm folded in, or, for a layer
     * without one (the head), with its own bias.
     */
    static FoldedConv of(Map<String, Safetensors.Tensor> w, UnetInference.Layer layer) {
        float[] k = w.get(layer.conv() + ".weight").values();
        int cout = layer.cout(), taps = k.length / cout;
        float[][] weights = new float[cout][taps];
        float[] bias;
        if (layer.bn() == null) {
            for (int o = 0; o < cout; o++) System.arraycopy(k, o * taps, weights[o], 0, taps);
            bias = w.get(layer.conv() + ".bias").values().clone();
        } else {
            float[] gamma = w.get(layer.bn() + ".weight").values(), beta = w.get(layer.bn() + ".bias").values();
            float[] mean = w.get(layer.bn() + ".running_mean").values(), var = w.get(layer.bn() + ".running_var").values();
            bias = new float[cout];
            for (int o = 0; o < cout; o++) {
                double scale = gamma[o] / Math.sqrt(var[o] + BN_EPSILON);
                for (int j = 0; j < taps; j++) weights[o][j] = (float) (k[o * taps + j] * scale);
                bias[o] = (float) (beta[o] - mean[o] * scale);
            }
        }
        return new FoldedConv(layer.cin(), cout, layer.kernel(), layer.stride(), layer.relu(), weights, bias);
    }

    /** This convolution of {@code in}, plus {@code residual} (same size as the output; may be null). */
    FeatureMap apply(FeatureMap in, FeatureMap residual, ConvKernel kernelLoop) {
        if (in.channels() != cin) {
            throw new IllegalStateException("convolution of " + cin + " channels given " + in.channels());
        }
        FeatureMap source;
        int[] plane, offset;
        if (stride == 1) {
            source = in;
            int k2 = kernel * kernel, half = kernel / 2, pitch = in.pitch();
            plane = new int[cin * k2];
            offset = new int[cin * k2];
            for (int c = 0, j = 0; c < cin; c++) {
                for (int ky = 0; ky < kernel; ky++) {
                    for (int kx = 0; kx < kernel; kx++, j++) {
                        plane[j] = c;
                        offset[j] = (ky - half) * pitch + (kx - half);
                    }
                }
            }
        } else {
            source = gather(in);
            plane = new int[source.channels()];
            offset = new int[plane.length];
            for (int j = 0; j < plane.length; j++) plane[j] = j;
        }
        FeatureMap out = FeatureMap.zeros(cout, source.height(), source.width());
        kernelLoop.convolve(source.planes(), plane, offset, packed, bias, cout, out.first(), out.end(),
                residual == null ? null : residual.planes(), relu, out.planes());
        out.clearBorder();
        return out;
    }

    /** For stride 2: plane {@code c·k² + ky·k + kx} holds input pixel {@code (2y + ky − pad, 2x + kx − pad)} at output pixel {@code (y, x)}. */
    private FeatureMap gather(FeatureMap in) {
        int pad = kernel / 2;
        int ho = (in.height() + 2 * pad - kernel) / stride + 1, wo = (in.width() + 2 * pad - kernel) / stride + 1;
        FeatureMap g = FeatureMap.zeros(cin * kernel * kernel, ho, wo);
        int pi = in.pitch(), po = g.pitch();
        for (int c = 0, j = 0; c < cin; c++) {
            float[] src = in.planes()[c];
            for (int ky = 0; ky < kernel; ky++) {
                for (int kx = 0; kx < kernel; kx++, j++) {
                    float[] dst = g.planes()[j];
                    // output columns whose source column 2x + kx − pad lies inside the input
                    int x0 = Math.max(0, -Math.floorDiv(kx - pad, stride));
                    int x1 = Math.min(wo, Math.floorDiv(in.width() - 1 + pad - kx, stride) + 1);
                    for (int y = 0; y < ho; y++) {
                        int sy = stride * y + ky - pad;
                        if (sy < 0 || sy >= in.height()) continue;
                        int s = (sy + 1) * pi + 1 + kx - pad, d = (y + 1) * po + 1;
                        for (int x = x0; x < x1; x++) dst[d + x] = src[s + stride * x];
                    }
                }
            }
        }
        return g;
    }
}
