package eu.ai4c.aq.model;

import ai.djl.ndarray.NDArray;
import eu.ai4c.agri.torch.Tensors;

/**
 * The WGAN-GP gradient penalty (Gulrajani et al. 2017, "Improved Training of Wasserstein GANs",
 * algorithm 1): on points x̂ = ε·x_real + (1 − ε)·x_fake with ε ~ U[0, 1] per sample,
 * {@code λ · mean_b (‖∇_x̂ D(x̂)‖₂ − 1)²}.
 *
 * <p>The input gradient ∇_x̂ D(x̂) is not taken by a first autograd pass with a graph (PyTorch's
 * {@code create_graph}; DJL has no {@code autograd.grad}, so such a pass also writes ∂D/∂θ into the
 * parameters' gradients and its result into x̂'s, tensors the training pass then accumulates into
 * in place). It is written out as ordinary tensor operations by the critic ({@link
 * SrganNet#criticInputGradient}: transposed convolutions and the LeakyReLU slopes of the forward
 * pass), so the penalty's derivative with respect to the critic's weights is a plain first-order
 * backward pass; {@code GradientPenaltyTest} checks both against independent computations.</p>
 */
public final class GradientPenalty {
    private GradientPenalty() {
    }

    /** ε·real + (1 − ε)·fake, ε [B, 1, 1, 1]. */
    public static NDArray interpolate(NDArray real, NDArray fake, NDArray epsilon) {
        return real.mul(epsilon).add(fake.mul(epsilon.neg().add(Tensors.scalar(epsilon.getManager(), 1f))));
    }

    /**
     * @param inputGradient ∇_x D at the interpolated points [B, …], with its graph to the critic's weights
     * @param lambda        penalty weight (10 in the paper)
     * @return the penalty, a scalar
     */
    public static NDArray of(NDArray inputGradient, double lambda) {
        long b = inputGradient.getShape().get(0);
        ai.djl.ndarray.NDManager m0 = inputGradient.getManager();
        NDArray norm = inputGradient.reshape(b, -1).square().sum(new int[] {1}).add(Tensors.scalar(m0, 1e-12f)).sqrt();
        return norm.sub(Tensors.scalar(m0, 1f)).square().mean().mul(Tensors.scalar(inputGradient.getManager(), (float) lambda));
    }
}
