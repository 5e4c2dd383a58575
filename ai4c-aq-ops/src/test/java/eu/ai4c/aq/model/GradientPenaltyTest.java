package eu.ai4c.aq.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import eu.ai4c.agri.torch.Tensors;
import eu.ai4c.agri.torch.TorchRuntime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The WGAN-GP penalty. (1) On a critic small enough to differentiate by hand,
 * {@code D(x) = Σ_i a · LeakyReLU_0.2(b · x_i)}: its input gradient is {@code a·b·s_i} with
 * {@code s_i = 1} where {@code b·x_i > 0}, else 0.2; so per sample
 * {@code ‖∇D‖ = |a·b|·√Σ s_i²}, the penalty is {@code λ·mean_b (‖∇D‖_b − 1)²}, and its
 * derivatives with respect to a and b follow by the chain rule; the engine must give these values.
 * (2) The SRGAN critic's written-out input gradient equals autograd's, so the penalty of (1) is
 * the paper's penalty of that critic too.
 */
class GradientPenaltyTest {

    @Test
    void penaltyAndItsParameterGradientsEqualTheHandComputation() {
        TorchRuntime.init();
        double a = 0.7;
        double b = -1.3;
        double lambda = 10;
        float[] real = {1.0f, -2.0f, 0.5f, 3.0f, -1.0f, -0.5f, 2.0f, 0.25f};
        float[] fake = {0.0f, 1.0f, -1.5f, 0.5f, 2.0f, 1.5f, -3.0f, -0.75f};
        float[] eps = {0.3f, 0.8f};
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), TorchRuntime.ENGINE)) {
            NDArray pa = Tensors.of(m, new float[] {(float) a}, new Shape(1));
            NDArray pb = Tensors.of(m, new float[] {(float) b}, new Shape(1));
            pa.setRequiresGradient(true);
            pb.setRequiresGradient(true);
            NDArray penalty;
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray xHat = GradientPenalty.interpolate(Tensors.of(m, real, new Shape(2, 1, 2, 2)),
                        Tensors.of(m, fake, new Shape(2, 1, 2, 2)), Tensors.of(m, eps, new Shape(2, 1, 1, 1)));
                // the tiny critic's input gradient a·b·LeakyReLU'(b·x), written out as for the SRGAN critic
                NDArray slope = xHat.mul(pb).gt(0f).toType(DataType.FLOAT32, false).mul(0.8f).add(0.2f);
                penalty = GradientPenalty.of(slope.mul(pa).mul(pb), lambda);
                gc.backward(penalty);
            }
            float ga = pa.getGradient().toFloatArray()[0];
            float gb = pb.getGradient().toFloatArray()[0];

            double p = 0;
            double dA = 0;
            double dB = 0;
            for (int s = 0; s < 2; s++) {
                double sum = 0;
                for (int i = 0; i < 4; i++) {
                    double x = eps[s] * real[s * 4 + i] + (1 - eps[s]) * fake[s * 4 + i];
                    double slope = b * x > 0 ? 1 : 0.2;
                    sum += slope * slope;
                }
                double root = Math.sqrt(sum);
                double norm = Math.abs(a * b) * root;
                p += (norm - 1) * (norm - 1) / 2;
                dA += lambda * (norm - 1) * Math.signum(a) * Math.abs(b) * root;
                dB += lambda * (norm - 1) * Math.signum(b) * Math.abs(a) * root;
            }
            p *= lambda;
            // float32 arithmetic in the engine: relative 1e-5
            assertEquals(p, penalty.getFloat(), 1e-5 * Math.abs(p));
            assertEquals(dA, ga, 1e-5 * Math.abs(dA), "dP/da");
            assertEquals(dB, gb, 1e-5 * Math.abs(dB), "dP/db");
        }
    }

    @Test
    void criticInputGradientEqualsAutograd() {
        SrganArchitecture arch = new SrganArchitecture(8, 2, 16, 8, 1, 2, 0);
        SplittableRandom rng = new SplittableRandom(3);
        int b = 3;
        int n = 32;
        float[] hr = new float[b * n * n];
        float[] st = new float[b * 2 * n * n];
        float[] up = new float[b * n * n];
        for (int i = 0; i < hr.length; i++) {
            hr[i] = (float) rng.nextDouble(-2, 2);
            up[i] = (float) rng.nextDouble(-2, 2);
        }
        for (int i = 0; i < st.length; i++) st[i] = (float) rng.nextDouble();
        try (SrganNet net = new SrganNet(SrganWeights.initial(arch, 11)); NDManager m = net.manager().newSubManager()) {
            NDArray x = Tensors.of(m, hr, new Shape(b, 1, n, n));
            NDArray s = Tensors.of(m, st, new Shape(b, 2, n, n));
            NDArray u = Tensors.of(m, up, new Shape(b, 1, n, n));
            float[] explicit = net.criticInputGradient(x, s, u).toFloatArray();
            x.setRequiresGradient(true);
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                gc.backward(net.critic(x, s, u).sum());
            }
            float[] auto = x.getGradient().toFloatArray();
            double max = 0;
            for (float v : auto) max = Math.max(max, Math.abs(v));
            assertTrue(max > 0, "the critic depends on its input");
            for (int i = 0; i < auto.length; i++) {
                // float32 sums in a different order: 1e-5 of the largest component
                assertEquals(auto[i], explicit[i], 1e-5 * max, "cell " + i);
            }
        }
    }
}
