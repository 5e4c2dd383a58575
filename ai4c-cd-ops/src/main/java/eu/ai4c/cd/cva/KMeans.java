package eu.ai4c.cd.cva;

import java.util.SplittableRandom;

/**
 * Two-dimensional k-means (Lloyd iterations after k-means++ seeding with a fixed seed) on
 * (magnitude, angle) points. Both features are standardised (divided by their standard deviation
 * over the fitted points) so that degrees and normalised magnitudes weigh alike; centres are
 * returned in the original units, sorted by increasing magnitude so that class 1 is the weakest
 * change. Pure kernel; an instance is immutable and thread-safe.
 */
public final class KMeans {
    private static final int MAX_ITERATIONS = 100;
    private final double[] centreMagnitude;
    private final double[] centreAngle;
    private final double scaleMagnitude;
    private final double scaleAngle;

    private KMeans(double[] cm, double[] ca, double sm, double sa) {
        this.centreMagnitude = cm;
        this.centreAngle = ca;
        this.scaleMagnitude = sm;
        this.scaleAngle = sa;
    }

    /**
     * Fits k centres to n points.
     *
     * @param magnitude magnitudes (finite)
     * @param angle     angles in degrees (finite)
     * @param k         number of classes (at least 1); fewer distinct points give duplicate centres
     * @param seed      random seed of the k-means++ seeding
     */
    public static KMeans fit(float[] magnitude, float[] angle, int n, int k, long seed) {
        if (n == 0) throw new IllegalArgumentException("no points to cluster");
        double sm = std(magnitude, n), sa = std(angle, n);
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = magnitude[i] / sm;
            y[i] = angle[i] / sa;
        }
        double[] cx = new double[k], cy = new double[k];
        SplittableRandom rnd = new SplittableRandom(seed);
        int first = rnd.nextInt(n);
        cx[0] = x[first];
        cy[0] = y[first];
        double[] d2 = new double[n];
        java.util.Arrays.fill(d2, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                double dx = x[i] - cx[c - 1], dy = y[i] - cy[c - 1];
                d2[i] = Math.min(d2[i], dx * dx + dy * dy);
                total += d2[i];
            }
            int pick = 0;
            if (total > 0) {
                double r = rnd.nextDouble() * total, acc = 0;
                for (pick = 0; pick < n - 1; pick++) {
                    acc += d2[pick];
                    if (acc >= r) break;
                }
            }
            cx[c] = x[pick];
            cy[c] = y[pick];
        }
        int[] label = new int[n];
        double[] sx = new double[k], sy = new double[k];
        int[] count = new int[k];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            boolean moved = it == 0;
            java.util.Arrays.fill(sx, 0);
            java.util.Arrays.fill(sy, 0);
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                int best = nearest(cx, cy, x[i], y[i]);
                if (best != label[i]) moved = true;
                label[i] = best;
                sx[best] += x[i];
                sy[best] += y[i];
                count[best]++;
            }
            for (int c = 0; c < k; c++) {
                if (count[c] > 0) {
                    cx[c] = sx[c] / count[c];
                    cy[c] = sy[c] / count[c];
                }
            }
            if (!moved) break;
        }
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) order[c] = c;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(cx[a], cx[b]));
        double[] cm = new double[k], ca = new double[k];
        for (int c = 0; c < k; c++) {
            cm[c] = cx[order[c]] * sm;
            ca[c] = cy[order[c]] * sa;
        }
        return new KMeans(cm, ca, sm, sa);
    }

    private static int nearest(double[] cx, double[] cy, double x, double y) {
        int best = 0;
        double bd = Double.POSITIVE_INFINITY;
        for (int c = 0; c < cx.length; c++) {
            double dx = x - cx[c], dy = y - cy[c], d = dx * dx + dy * dy;
            if (d < bd) {
                bd = d;
                best = c;
            }
        }
        return best;
    }

    private static double std(float[] v, int n) {
        double s = 0, ss = 0;
        for (int i = 0; i < n; i++) {
            s += v[i];
            ss += (double) v[i] * v[i];
        }
        double m = s / n, sd = Math.sqrt(Math.max(0, ss / n - m * m));
        return sd > 0 ? sd : 1;
    }

    /** The class (0-based, in order of increasing centre magnitude) of a point. */
    public int classify(double magnitude, double angle) {
        double x = magnitude / scaleMagnitude, y = angle / scaleAngle;
        int best = 0;
        double bd = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centreMagnitude.length; c++) {
            double dx = x - centreMagnitude[c] / scaleMagnitude, dy = y - centreAngle[c] / scaleAngle;
            double d = dx * dx + dy * dy;
            if (d < bd) {
                bd = d;
                best = c;
            }
        }
        return best;
    }

    public int classCount() {
        return centreMagnitude.length;
    }

    /** Centre magnitudes, increasing. */
    public double[] centreMagnitudes() {
        return centreMagnitude.clone();
    }

    /** Centre angles in degrees, in the order of {@link #centreMagnitudes()}. */
    public double[] centreAngles() {
        return centreAngle.clone();
    }
}
