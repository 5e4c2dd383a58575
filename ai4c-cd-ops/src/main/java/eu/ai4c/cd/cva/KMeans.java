package eu.ai4c.cd.cva;

import java.util.SplittableRandom;

/**
 * Two-dimensional k-means on (magnitude, angle) points: k-means++ seeding then Lloyd iterations,
 * repeated from {@value #RESTARTS} seedings (derived from one fixed seed, so runs repeat), keeping
 * the solution with the lowest within-class sum of squares, as common implementations do by
 * default: a single seeding can land in a poor local optimum (two change kinds 29° apart merged
 * while a handful of threshold-edge pixels get a class of their own). Both features are
 * standardised (divided by their standard deviation over the fitted points) so that degrees and
 * magnitudes weigh alike; centres are returned in the original units, sorted by increasing
 * magnitude so that class 1 is the weakest change. Pure kernel; an instance is immutable and
 * thread-safe.
 */
public final class KMeans {
    /** Number of k-means++ seedings tried. */
    public static final int RESTARTS = 10;
    private static final int MAX_ITERATIONS = 100;
    private final double[] centreMagnitude;
    private final double[] centreAngle;
    private final double scaleMagnitude;
    private final double scaleAngle;
    private final double withinSumOfSquares;

    private KMeans(double[] cm, double[] ca, double sm, double sa, double wss) {
        this.centreMagnitude = cm;
        this.centreAngle = ca;
        this.scaleMagnitude = sm;
        this.scaleAngle = sa;
        this.withinSumOfSquares = wss;
    }

    /**
     * Fits k centres to n points: the best of {@value #RESTARTS} seedings.
     *
     * @param magnitude magnitudes (finite)
     * @param angle     angles in degrees (finite)
     * @param k         number of classes (at least 1); fewer distinct points give duplicate centres
     * @param seed      random seed of the k-means++ seedings
     */
    public static KMeans fit(float[] magnitude, float[] angle, int n, int k, long seed) {
        return fit(magnitude, angle, n, k, seed, RESTARTS);
    }

    /** As {@link #fit(float[], float[], int, int, long)} with {@code restarts} seedings (at least 1). */
    static KMeans fit(float[] magnitude, float[] angle, int n, int k, long seed, int restarts) {
        if (n == 0) throw new IllegalArgumentException("no points to cluster");
        double sm = std(magnitude, n), sa = std(angle, n);
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = magnitude[i] / sm;
            y[i] = angle[i] / sa;
        }
        SplittableRandom seeds = new SplittableRandom(seed);
        double[] bestX = null, bestY = null;
        double bestWss = Double.POSITIVE_INFINITY;
        int[] label = new int[n];
        double[] d2 = new double[n];
        for (int r = 0; r < restarts; r++) {
            double[] cx = new double[k], cy = new double[k];
            seed(x, y, n, cx, cy, seeds.split(), d2);
            double wss = lloyd(x, y, n, cx, cy, label);
            if (wss < bestWss) {
                bestWss = wss;
                bestX = cx;
                bestY = cy;
            }
        }
        double[] cxFinal = bestX, cyFinal = bestY;
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) order[c] = c;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(cxFinal[a], cxFinal[b]));
        double[] cm = new double[k], ca = new double[k];
        for (int c = 0; c < k; c++) {
            cm[c] = cxFinal[order[c]] * sm;
            ca[c] = cyFinal[order[c]] * sa;
        }
        return new KMeans(cm, ca, sm, sa, bestWss);
    }

    /** k-means++ (Arthur and Vassilvitskii 2007): each next centre drawn with probability ∝ squared distance to the nearest chosen one. */
    private static void seed(double[] x, double[] y, int n, double[] cx, double[] cy, SplittableRandom rnd, double[] d2) {
        int first = rnd.nextInt(n);
        cx[0] = x[first];
        cy[0] = y[first];
        java.util.Arrays.fill(d2, 0, n, Double.POSITIVE_INFINITY);
        for (int c = 1; c < cx.length; c++) {
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
    }

    /** Lloyd iterations from the given centres (updated in place); returns the within-class sum of squares. */
    private static double lloyd(double[] x, double[] y, int n, double[] cx, double[] cy, int[] label) {
        int k = cx.length;
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
        double wss = 0;
        for (int i = 0; i < n; i++) {
            int c = nearest(cx, cy, x[i], y[i]);
            double dx = x[i] - cx[c], dy = y[i] - cy[c];
            wss += dx * dx + dy * dy;
        }
        return wss;
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

    /** Within-class sum of squares of the fitted points, in standardised units. */
    public double withinSumOfSquares() {
        return withinSumOfSquares;
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
