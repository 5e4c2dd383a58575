package eu.ai4c.agri.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import eu.ai4c.agri.torch.TorchRuntime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link NtXentLoss} against the definition written out directly in float64: for every view
 * {@code i} of {@code 2n}, {@code -log(exp(cos(zᵢ, z_pos)/τ) / Σ_{k≠i} exp(cos(zᵢ, z_k)/τ))},
 * averaged; and its gradient against central differences of that direct formula. The engine
 * computes in float32: similarities are within a few 1e-7, divided by τ = 0.15 and summed
 * over 6 terms, so 1e-5 on the loss is a safe bound; central differences with step 1e-4 in
 * float64 are accurate to ~1e-8, and the float32 gradient to ~1e-6, so 1e-4 on the gradient.
 */
class NtXentLossTest {

    @Test
    void lossAndGradientMatchTheDirectFormula() {
        int n = 3;
        int d = 5;
        float tau = NtXentLoss.DEFAULT_TEMPERATURE;
        SplittableRandom rng = new SplittableRandom(7);
        float[] z = new float[2 * n * d];
        for (int i = 0; i < z.length; i++) z[i] = (float) rng.nextGaussian();
        // make pair 0 similar so that the loss is not near its chance value only
        for (int k = 0; k < d; k++) z[n * d + k] = z[k] + 0.1f * (float) rng.nextGaussian();
        double[] zd = new double[z.length];
        for (int i = 0; i < z.length; i++) zd[i] = z[i];
        double expected = direct(zd, n, d, tau);

        TorchRuntime.init();
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), TorchRuntime.ENGINE)) {
            NDArray in = m.create(z, new Shape(2 * n, d));
            in.setRequiresGradient(true);
            NtXentLoss loss = new NtXentLoss(tau);
            float value;
            float[] grad;
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray l = loss.loss(in);
                gc.backward(l);
                value = l.getFloat();
            }
            grad = in.getGradient().toFloatArray();
            assertEquals(expected, value, 1e-5, "NT-Xent loss");
            double h = 1e-4;
            for (int i = 0; i < zd.length; i++) {
                double keep = zd[i];
                zd[i] = keep + h;
                double up = direct(zd, n, d, tau);
                zd[i] = keep - h;
                double down = direct(zd, n, d, tau);
                zd[i] = keep;
                assertEquals((up - down) / (2 * h), grad[i], 1e-4, "d loss / d z[" + i + "]");
            }
            // a batch of identical pairs far apart from each other: loss near 0, top-1 1
            float[] pairs = new float[2 * 2 * 2];
            pairs[0] = 1;  // view a of patch 0 = (1, 0)
            pairs[3] = 1;  // view a of patch 1 = (0, 1)
            pairs[4] = 1;  // view b of patch 0
            pairs[7] = 1;  // view b of patch 1
            NDArray p = m.create(pairs, new Shape(4, 2));
            double[] pd = new double[pairs.length];
            for (int i = 0; i < pd.length; i++) pd[i] = pairs[i];
            assertEquals(direct(pd, 2, 2, tau), loss.loss(p).getFloat(), 1e-5);
            assertEquals(1f, loss.positiveTop1(p));
        }
    }

    /** The definition, term by term, in float64. Rows 0..n-1 view a, n..2n-1 view b. */
    static double direct(double[] z, int n, int d, double tau) {
        int m = 2 * n;
        double total = 0;
        for (int i = 0; i < m; i++) {
            int pos = i < n ? i + n : i - n;
            double denominator = 0;
            for (int k = 0; k < m; k++) if (k != i) denominator += Math.exp(cosine(z, i, k, d) / tau);
            total += -Math.log(Math.exp(cosine(z, i, pos, d) / tau) / denominator);
        }
        return total / m;
    }

    private static double cosine(double[] z, int a, int b, int d) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int k = 0; k < d; k++) {
            dot += z[a * d + k] * z[b * d + k];
            na += z[a * d + k] * z[a * d + k];
            nb += z[b * d + k] * z[b * d + k];
        }
        return dot / Math.sqrt(na * nb);
    }
}
