package eu.ai4c.agri.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;

/**
 * The normalised temperature-scaled cross-entropy of SimCLR (Chen et al. 2020, "NT-Xent"). The
 * projections {@code z} of a batch hold two augmented views of each of {@code n} patches: rows
 * {@code 0…n-1} the first views, rows {@code n…2n-1} the second ones, row {@code i} and row
 * {@code i + n} a positive pair. With {@code s(i, k) = zᵢ·z_k / (|zᵢ| |z_k|)} (cosine similarity),
 * <pre>
 *   ℓ(i, j) = -log( exp(s(i, j)/τ) / Σ_{k ≠ i} exp(s(i, k)/τ) )
 *   L = 1/(2n) Σ_{i} ℓ(i, pos(i)),   pos(i) = (i + n) mod 2n
 * </pre>
 * so each view has its partner as the one positive and the other {@code 2n - 2} views as
 * negatives. The temperature τ sharpens the softmax over similarities; SimCLR found 0.1–0.5 best
 * for its batch sizes, and small batches as ours (few negatives) favour the low end: default
 * {@value #DEFAULT_TEMPERATURE}. The labels of {@link #evaluate} are not used. Thread-safe.
 */
public final class NtXentLoss extends Loss {
    public static final float DEFAULT_TEMPERATURE = 0.15f;
    /** Added to squared norms so that the norm's gradient stays finite for a zero projection. */
    private static final float EPS = 1e-12f;
    /** Subtracted from a view's similarity with itself so that it drops out of the softmax (exp underflows to 0). */
    private static final float SELF = 1e9f;

    private final float temperature;

    public NtXentLoss(float temperature) {
        super("nt_xent");
        if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        this.temperature = temperature;
    }

    public float temperature() {
        return temperature;
    }

    /** The loss of projections {@code predictions.head()} {@code [2n, d]}; labels are ignored. */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return loss(predictions.head());
    }

    /** The mean loss of {@code z} {@code [2n, d]} (layout in the class comment), a scalar. */
    public NDArray loss(NDArray z) {
        return logProbabilities(z).mul(positives(z)).sum().neg().div(z.getShape().get(0));
    }

    /**
     * Share of the {@code 2n} views whose most similar other view is their partner (a training
     * diagnostic: 1/(2n-1) by chance).
     */
    public float positiveTop1(NDArray z) {
        int m = rows(z);
        long[] best = logProbabilities(z).argMax(1).toLongArray();
        int hits = 0;
        for (int i = 0; i < m; i++) if (best[i] == (i + m / 2) % m) hits++;
        return (float) hits / m;
    }

    /** {@code log softmax_k(s(i, k)/τ)} over {@code k ≠ i}, {@code [2n, 2n]} (the diagonal is about -1e9). */
    private NDArray logProbabilities(NDArray z) {
        int m = rows(z);
        NDManager mm = z.getManager();
        NDArray unit = z.div(z.square().sum(new int[] {1}, true).add(EPS).sqrt());
        NDArray sim = unit.matMul(unit.transpose()).div(temperature);
        return sim.sub(mm.eye(m).mul(SELF)).logSoftmax(1);
    }

    private static NDArray positives(NDArray z) {
        int m = rows(z);
        float[] p = new float[m * m];
        for (int i = 0; i < m; i++) p[i * m + (i + m / 2) % m] = 1f;
        return z.getManager().create(p, new Shape(m, m));
    }

    private static int rows(NDArray z) {
        Shape s = z.getShape();
        if (s.dimension() != 2 || s.get(0) < 2 || s.get(0) % 2 != 0) {
            throw new IllegalArgumentException("NT-Xent needs projections [2n, d] of n >= 1 pairs, got " + s);
        }
        return (int) s.get(0);
    }
}
