package eu.ai4c.agri.unet.inference;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ConvKernel} on the JDK's vector API: four output channels × four vectors of pixels (two at
 * the end of a run) kept in registers while the taps stream by, sixteen independent fused
 * multiply-adds per tap, enough to keep both FMA units busy through their latency. Each lane is
 * one pixel and runs exactly the scalar kernel's sequence of operations, so the vector width
 * (8 lanes with AVX2, 16 with AVX-512) does not change any result.
 */
final class VectorConvKernel implements ConvKernel {
    /**
     * The JDK's preferred width on this CPU (a JVM option such as {@code -XX:MaxVectorSize=32}
     * narrows it). A constant, as the vector API needs to compile its operations to instructions.
     */
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Pixels per pass over the output channels (whole strips of four 16-lane vectors); keeps the inputs in cache. */
    private static final int CHUNK = 512;

    VectorConvKernel() {
        if (S.length() > FeatureMap.SLACK / 2) {
            throw new IllegalStateException(S + " is wider than the feature maps' slack");
        }
    }

    @Override
    public String name() {
        return "vector" + S.vectorBitSize();
    }

    @Override
    public void convolve(float[][] in, int[] plane, int[] offset, float[] packed, float[] bias, int cout, int from,
                         int to, float[][] residual, boolean relu, float[][] out) {
        int strip = 2 * S.length(), blocked = cout & ~3;
        // every vector operation stays inside one small method (wide, narrow, single), so that the
        // JIT compiles each to machine vectors whatever it decides to inline around it
        for (int c0 = from; c0 < to; c0 += CHUNK) {
            int c1 = Math.min(to, c0 + CHUNK);
            for (int o = 0; o < blocked; o += 4) {
                int p = c0;
                for (; p + 2 * strip <= c1; p += 2 * strip) wide(in, plane, offset, packed, bias, o, p, out);
                for (; p < c1; p += strip) narrow(in, plane, offset, packed, bias, o, p, out);
            }
            for (int o = blocked; o < cout; o++) {
                for (int p = c0; p < c1; p += strip) single(in, plane, offset, packed, bias, o, p, out);
            }
        }
        if (residual != null && relu) {
            for (int o = 0; o < cout; o++) addRelu(out[o], residual[o], from, to);
        } else if (residual != null) {
            for (int o = 0; o < cout; o++) add(out[o], residual[o], from, to);
        } else if (relu) {
            for (int o = 0; o < cout; o++) relu(out[o], from, to);
        }
    }

    /** Four output channels × two vectors of pixels from {@code p}. */
    private static void narrow(float[][] in, int[] plane, int[] offset, float[] packed, float[] bias, int o, int p,
                               float[][] out) {
        VectorSpecies<Float> s = S;
        int lanes = s.length(), taps = plane.length;
        FloatVector a0 = FloatVector.broadcast(s, bias[o]), a1 = a0;
        FloatVector b0 = FloatVector.broadcast(s, bias[o + 1]), b1 = b0;
        FloatVector d0 = FloatVector.broadcast(s, bias[o + 2]), d1 = d0;
        FloatVector e0 = FloatVector.broadcast(s, bias[o + 3]), e1 = e0;
        for (int j = 0, k = (o >> 2) * taps * 4; j < taps; j++, k += 4) {
            float[] x = in[plane[j]];
            int q = p + offset[j];
            FloatVector x0 = FloatVector.fromArray(s, x, q);
            FloatVector x1 = FloatVector.fromArray(s, x, q + lanes);
            FloatVector w = FloatVector.broadcast(s, packed[k]);
            a0 = x0.fma(w, a0);
            a1 = x1.fma(w, a1);
            w = FloatVector.broadcast(s, packed[k + 1]);
            b0 = x0.fma(w, b0);
            b1 = x1.fma(w, b1);
            w = FloatVector.broadcast(s, packed[k + 2]);
            d0 = x0.fma(w, d0);
            d1 = x1.fma(w, d1);
            w = FloatVector.broadcast(s, packed[k + 3]);
            e0 = x0.fma(w, e0);
            e1 = x1.fma(w, e1);
        }
        a0.intoArray(out[o], p);
        a1.intoArray(out[o], p + lanes);
        b0.intoArray(out[o + 1], p);
        b1.intoArray(out[o + 1], p + lanes);
        d0.intoArray(out[o + 2], p);
        d1.intoArray(out[o + 2], p + lanes);
        e0.intoArray(out[o + 3], p);
        e1.intoArray(out[o + 3], p + lanes);
    }

    /** One output channel (the last {@code cout % 4}) × two vectors of pixels from {@code p}. */
    private static void single(float[][] in, int[] plane, int[] offset, float[] packed, float[] bias, int o, int p,
                               float[][] out) {
        VectorSpecies<Float> s = S;
        int lanes = s.length(), taps = plane.length;
        FloatVector a0 = FloatVector.broadcast(s, bias[o]), a1 = a0;
        for (int j = 0, k = o * taps; j < taps; j++, k++) {
            float[] x = in[plane[j]];
            int q = p + offset[j];
            FloatVector w = FloatVector.broadcast(s, packed[k]);
            a0 = FloatVector.fromArray(s, x, q).fma(w, a0);
            a1 = FloatVector.fromArray(s, x, q + lanes).fma(w, a1);
        }
        a0.intoArray(out[o], p);
        a1.intoArray(out[o], p + lanes);
    }

    private static void addRelu(float[] v, float[] r, int from, int to) {
        for (int p = from; p < to; p += S.length()) {
            FloatVector.fromArray(S, v, p).add(FloatVector.fromArray(S, r, p)).max(0f).intoArray(v, p);
        }
    }

    private static void add(float[] v, float[] r, int from, int to) {
        for (int p = from; p < to; p += S.length()) {
            FloatVector.fromArray(S, v, p).add(FloatVector.fromArray(S, r, p)).intoArray(v, p);
        }
    }

    private static void relu(float[] v, int from, int to) {
        for (int p = from; p < to; p += S.length()) FloatVector.fromArray(S, v, p).max(0f).intoArray(v, p);
    }

    /** Four output channels × four vectors of pixels from {@code p}: sixteen accumulators in registers. */
    private static void wide(float[][] in, int[] plane, int[] offset, float[] packed, float[] bias, int o, int p,
                             float[][] out) {
        VectorSpecies<Float> s = S;
        int lanes = s.length(), taps = plane.length, wb = (o >> 2) * taps * 4;
        FloatVector a0 = FloatVector.broadcast(s, bias[o]), a1 = a0, a2 = a0, a3 = a0;
        FloatVector b0 = FloatVector.broadcast(s, bias[o + 1]), b1 = b0, b2 = b0, b3 = b0;
        FloatVector d0 = FloatVector.broadcast(s, bias[o + 2]), d1 = d0, d2 = d0, d3 = d0;
        FloatVector e0 = FloatVector.broadcast(s, bias[o + 3]), e1 = e0, e2 = e0, e3 = e0;
        for (int j = 0, k = wb; j < taps; j++, k += 4) {
            float[] x = in[plane[j]];
            int q = p + offset[j];
            FloatVector x0 = FloatVector.fromArray(s, x, q);
            FloatVector x1 = FloatVector.fromArray(s, x, q + lanes);
            FloatVector x2 = FloatVector.fromArray(s, x, q + 2 * lanes);
            FloatVector x3 = FloatVector.fromArray(s, x, q + 3 * lanes);
            FloatVector w = FloatVector.broadcast(s, packed[k]);
            a0 = x0.fma(w, a0);
            a1 = x1.fma(w, a1);
            a2 = x2.fma(w, a2);
            a3 = x3.fma(w, a3);
            w = FloatVector.broadcast(s, packed[k + 1]);
            b0 = x0.fma(w, b0);
            b1 = x1.fma(w, b1);
            b2 = x2.fma(w, b2);
            b3 = x3.fma(w, b3);
            w = FloatVector.broadcast(s, packed[k + 2]);
            d0 = x0.fma(w, d0);
            d1 = x1.fma(w, d1);
            d2 = x2.fma(w, d2);
            d3 = x3.fma(w, d3);
            w = FloatVector.broadcast(s, packed[k + 3]);
            e0 = x0.fma(w, e0);
            e1 = x1.fma(w, e1);
            e2 = x2.fma(w, e2);
            e3 = x3.fma(w, e3);
        }
        a0.intoArray(out[o], p);
        a1.intoArray(out[o], p + lanes);
        a2.intoArray(out[o], p + 2 * lanes);
        a3.intoArray(out[o], p + 3 * lanes);
        b0.intoArray(out[o + 1], p);
        b1.intoArray(out[o + 1], p + lanes);
        b2.intoArray(out[o + 1], p + 2 * lanes);
        b3.intoArray(out[o + 1], p + 3 * lanes);
        d0.intoArray(out[o + 2], p);
        d1.intoArray(out[o + 2], p + lanes);
        d2.intoArray(out[o + 2], p + 2 * lanes);
        d3.intoArray(out[o + 2], p + 3 * lanes);
        e0.intoArray(out[o + 3], p);
        e1.intoArray(out[o + 3], p + lanes);
        e2.intoArray(out[o + 3], p + 2 * lanes);
        e3.intoArray(out[o + 3], p + 3 * lanes);
    }

}
