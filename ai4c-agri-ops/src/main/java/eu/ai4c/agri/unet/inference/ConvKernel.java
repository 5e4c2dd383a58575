package eu.ai4c.agri.unet.inference;

/**
 * The loop every convolution of the network runs: for each output channel {@code o} and padded
 * index {@code p} in {@code [from, to)},
 * <pre>
 *   acc = bias[o]
 *   for j in 0 … taps−1:  acc = fma(weight(o, j), in[plane[j]][p + offset[j]], acc)   // one rounding each
 *   acc = acc + residual[o][p]     (when given)
 *   acc = max(acc, 0)              (when relu)
 *   out[o][p] = acc
 * </pre>
 * A 3×3 convolution has nine taps per input channel (offsets −pitch−1 … pitch+1), a 1×1 one a tap
 * per channel; strided convolutions run on gathered planes ({@link FoldedConv}). Implementations
 * must give bit-identical results; they may write up to {@link FeatureMap#SLACK} past {@code to}.
 *
 * <p>Weights are packed by {@link #pack}: output channels in blocks of four, tap-major inside a
 * block ({@code [o/4][j][o%4]}), the last {@code cout % 4} channels one after another.</p>
 */
public interface ConvKernel {

    void convolve(float[][] in, int[] plane, int[] offset, float[] packed, float[] bias, int cout, int from, int to,
                  float[][] residual, boolean relu, float[][] out);

    /** Short name for logs and reports. */
    String name();

    /** {@code weights[o][j]} in the kernel's packed order. */
    static float[] pack(float[][] weights) {
        int cout = weights.length, taps = weights[0].length, blocked = cout & ~3;
        float[] packed = new float[cout * taps];
        for (int o = 0; o < blocked; o++) {
            for (int j = 0; j < taps; j++) packed[((o >> 2) * taps + j) * 4 + (o & 3)] = weights[o][j];
        }
        for (int o = blocked; o < cout; o++) System.arraycopy(weights[o], 0, packed, o * taps, taps);
        return packed;
    }

    /**
     * The vector kernel when {@code jdk.incubator.vector} is in the boot layer (the JVM started with
     * {@code --add-modules jdk.incubator.vector}), else the scalar kernel; the system property
     * {@code ai4c.unet.kernel} = {@code scalar} or {@code vector} chooses one (tests, comparisons).
     */
    static ConvKernel best() {
        String chosen = System.getProperty("ai4c.unet.kernel", "");
        switch (chosen) {
            case "scalar":
                return new ScalarConvKernel();
            case "vector":
                if (!vectorApiEnabled()) {
                    throw new IllegalStateException("ai4c.unet.kernel=vector needs the JVM option --add-modules "
                            + "jdk.incubator.vector");
                }
                return VectorKernels.create();
            case "":
                return vectorApiEnabled() ? VectorKernels.create() : new ScalarConvKernel();
            default:
                throw new IllegalArgumentException("ai4c.unet.kernel=" + chosen + ": expected scalar or vector");
        }
    }

    /**
     * Whether {@link #best()} can run vectors in this JVM: the module is in the boot layer and its
     * classes are visible from this class's loader (a module system such as NetBeans' may hide them).
     */
    static boolean vectorApiEnabled() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return false;
        try {
            Class.forName("jdk.incubator.vector.FloatVector", false, ConvKernel.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
