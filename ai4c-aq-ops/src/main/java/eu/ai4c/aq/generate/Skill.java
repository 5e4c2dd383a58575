package eu.ai4c.aq.generate;

import java.util.Arrays;

/**
 * Verification scores of an HR ensemble against HR truth, and of a deterministic baseline
 * (bicubic interpolation). Cells where the truth is NaN are left out. Pure functions over arrays,
 * and their sums accumulated one time step at a time ({@link EnsembleSums}, {@link DeterministicSums}).
 *
 * <ul>
 * <li>RMSE, bias (forecast − truth) and Pearson correlation of the ensemble mean;</li>
 * <li>CRPS of the ensemble, the fair estimator per cell: mean |x_i − y| − Σ_ij |x_i − x_j| /
 * (2M(M−1)) (Ferro 2014), averaged; for a deterministic forecast the CRPS is its mean absolute
 * error;</li>
 * <li>spread–skill ratio: √((M+1)/M · mean variance) / RMSE of the mean, with the unbiased member
 * variance (Fortin et al. 2014): 1 for a reliable ensemble, below 1 under-dispersive;</li>
 * <li>spread–error correlation: Pearson correlation of the per-cell ensemble standard deviation
 * with the absolute error of the mean (does the spread say where the errors are?).</li>
 * </ul>
 *
 * @param rmse                 of the ensemble mean
 * @param bias                 mean of (ensemble mean − truth)
 * @param correlation          of the ensemble mean with the truth
 * @param crps                 of the ensemble
 * @param spreadSkill          spread–skill ratio
 * @param spreadErrorCorrelation correlation of spread with |error|
 * @param meanSpread           mean ensemble standard deviation
 * @param cells                cells scored
 */
public record Skill(double rmse, double bias, double correlation, double crps, double spreadSkill,
                    double spreadErrorCorrelation, double meanSpread, long cells) {

    /** Scores of a deterministic forecast (CRPS = MAE; no spread). */
    public static Skill deterministic(float[] forecast, float[] truth) {
        return new DeterministicSums().add(forecast, truth).skill();
    }

    /**
     * Scores of an ensemble.
     *
     * @param members {@code M} arrays of the same length as {@code truth}
     */
    public static Skill ensemble(float[][] members, float[] truth) {
        return new EnsembleSums(members.length).add(members, truth).skill();
    }

    /**
     * The sums behind {@link #deterministic}, added one field (time step) at a time, so that a
     * long period is scored in bounded memory; adding fields in turn gives the same scores, to the
     * last bit, as scoring their concatenation at once. Mutable; not thread-safe.
     */
    public static final class DeterministicSums {
        private double se;
        private double ae;
        private double bias;
        private long n;
        private final double[] c = new double[5];

        /** Adds one field of forecast and truth (same length; NaN cells left out). */
        public DeterministicSums add(float[] forecast, float[] truth) {
            for (int i = 0; i < truth.length; i++) {
                double y = truth[i];
                double f = forecast[i];
                if (Double.isNaN(y) || Double.isNaN(f)) continue;
                se += (f - y) * (f - y);
                ae += Math.abs(f - y);
                bias += f - y;
                accumulate(c, f, y);
                n++;
            }
            return this;
        }

        public Skill skill() {
            return new Skill(Math.sqrt(se / n), bias / n, pearson(c, n), ae / n, 0, Double.NaN, 0, n);
        }
    }

    /**
     * The sums behind {@link #ensemble}, added one field (time step) at a time; see {@link
     * DeterministicSums}. Mutable; not thread-safe.
     */
    public static final class EnsembleSums {
        private final int m;
        private double se;
        private double bias;
        private double crps;
        private double var;
        private long n;
        private final double[] c = new double[5];
        private final double[] spreadErr = new double[5];
        private final double[] x;

        public EnsembleSums(int members) {
            this.m = members;
            this.x = new double[members];
        }

        /** Adds one field: {@code M} member arrays of the same length as {@code truth}. */
        public EnsembleSums add(float[][] members, float[] truth) {
            if (members.length != m) throw new IllegalArgumentException(members.length + " members, not " + m);
            for (int i = 0; i < truth.length; i++) {
                double y = truth[i];
                if (Double.isNaN(y)) continue;
                double mean = 0;
                for (int k = 0; k < m; k++) {
                    x[k] = members[k][i];
                    mean += x[k];
                }
                mean /= m;
                if (Double.isNaN(mean)) continue;
                double v = 0;
                double abs = 0;
                for (int k = 0; k < m; k++) {
                    v += (x[k] - mean) * (x[k] - mean);
                    abs += Math.abs(x[k] - y);
                }
                v = m > 1 ? v / (m - 1) : 0;
                // Σ_ij |x_i − x_j| = 2 Σ_k (2k − m + 1) x_(k) over the sorted members
                Arrays.sort(x);
                double pairs = 0;
                for (int k = 0; k < m; k++) pairs += (2.0 * k - m + 1) * x[k];
                pairs *= 2;
                crps += abs / m - (m > 1 ? pairs / (2.0 * m * (m - 1)) : 0);
                se += (mean - y) * (mean - y);
                bias += mean - y;
                var += v;
                accumulate(c, mean, y);
                accumulate(spreadErr, Math.sqrt(v), Math.abs(mean - y));
                n++;
            }
            return this;
        }

        /** Whether any cell was scored. */
        public boolean isEmpty() {
            return n == 0;
        }

        public Skill skill() {
            double rmse = Math.sqrt(se / n);
            double spread = Math.sqrt((m + 1.0) / m * var / n);
            return new Skill(rmse, bias / n, pearson(c, n), crps / n, rmse > 0 ? spread / rmse : Double.NaN,
                    pearson(spreadErr, n), Math.sqrt(var / n), n);
        }
    }

    private static void accumulate(double[] c, double a, double b) {
        c[0] += a;
        c[1] += b;
        c[2] += a * a;
        c[3] += b * b;
        c[4] += a * b;
    }

    private static double pearson(double[] c, long n) {
        double cov = c[4] / n - c[0] / n * c[1] / n;
        double va = c[2] / n - c[0] / n * c[0] / n;
        double vb = c[3] / n - c[1] / n * c[1] / n;
        return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : Double.NaN;
    }
}
