package eu.ai4c.s1.speckle;

import java.util.Random;

/** Synthetic L-look speckled intensity scenes for tests and benchmarks (seeded, reproducible). */
final class SyntheticSpeckle {

    private SyntheticSpeckle() {
    }

    /** One L-look speckle sample of unit mean: gamma(L, 1/L), as the mean of L unit exponentials. */
    static double speckle(Random random, int looks) {
        double s = 0;
        for (int k = 0; k < looks; k++) {
            s -= Math.log(1.0 - random.nextDouble());
        }
        return s / looks;
    }

    /** A homogeneous area of mean {@code mean}, {@code looks}-look speckle. */
    static float[] homogeneous(int width, int height, double mean, int looks, long seed) {
        Random random = new Random(seed);
        float[] v = new float[width * height];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (mean * speckle(random, looks));
        }
        return v;
    }

    /** A vertical step edge: columns {@code < edgeColumn} of mean {@code left}, the others {@code right}. */
    static float[] verticalEdge(int width, int height, int edgeColumn, double left, double right, int looks,
                                long seed) {
        Random random = new Random(seed);
        float[] v = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                v[y * width + x] = (float) ((x < edgeColumn ? left : right) * speckle(random, looks));
            }
        }
        return v;
    }

    /** Mean of the non-NaN values of {@code v} over the region {@code [x0,x1) × [y0,y1)} of a {@code width}-wide image. */
    static double mean(float[] v, int width, int x0, int y0, int x1, int y1) {
        double s = 0;
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                float f = v[y * width + x];
                if (f == f) {
                    s += f;
                    n++;
                }
            }
        }
        return s / n;
    }

    /** ENL = mean² / variance of the non-NaN values over a region. */
    static double enl(float[] v, int width, int x0, int y0, int x1, int y1) {
        double m = mean(v, width, x0, y0, x1, y1);
        double q = 0;
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                float f = v[y * width + x];
                if (f == f) {
                    q += (f - m) * (f - m);
                    n++;
                }
            }
        }
        return m * m / (q / n);
    }

    /** Filters a whole image (the image is its own source window). */
    static float[] filterWhole(SpeckleFilter f, float[] v, int width, int height) {
        float[] out = new float[width * height];
        f.filter(v, width, height, 0, 0, out, width, height);
        return out;
    }
}
