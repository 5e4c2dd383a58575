package eu.ai4c.cd.cva;

/**
 * Relative radiometric normalisation of image 2 to image 1: per band, the least-squares line
 * {@code x2 = gain · x1 + offset} fitted over invariant pixels, with large changes excluded
 * iteratively — after each fit a pixel whose residual is farther than {@link #CLIP_SIGMAS} robust
 * standard deviations from the median residual in any band leaves the invariant set, until the
 * set stops changing (at most {@link #MAX_ITERATIONS} fits). The robust deviation is
 * 1.4826 × the median absolute deviation of the kept residuals (the std when that is 0), so that
 * a large share of changed pixels cannot inflate it and hide itself, as it would with the plain
 * standard deviation. Pure kernel: arrays in, result out; thread-safe.
 *
 * <p>Samples are band-major: {@code x1[b][i]} is band b of pixel i, all finite (the caller keeps
 * only pixels valid in both images and allowed by the invariant mask).</p>
 */
public final class RadiometricNormalisation {
    /** Residuals beyond this many standard deviations are treated as change. */
    public static final double CLIP_SIGMAS = 3;
    /** Upper bound on the number of fits. */
    public static final int MAX_ITERATIONS = 10;

    /**
     * Result of the fit.
     *
     * @param gains     per-band gain of image 2 against image 1
     * @param offsets   per-band offset (reflectance units)
     * @param kept      whether each sample pixel stayed in the invariant set
     * @param keptCount number of kept pixels
     * @param iterations number of fits done
     */
    public record Fit(double[] gains, double[] offsets, boolean[] kept, int keptCount, int iterations) {
    }

    private RadiometricNormalisation() {
    }

    /** Fits all bands of the sample, every pixel a candidate. */
    public static Fit fit(float[][] x1, float[][] x2) {
        return fit(x1, x2, null);
    }

    /**
     * Fits all bands of the sample.
     *
     * @param eligible which pixels may be invariant at all (e.g. same scene class in both
     *                 dates); null for all
     */
    public static Fit fit(float[][] x1, float[][] x2, boolean[] eligible) {
        int nb = x1.length, n = x1[0].length;
        if (n < 3) throw new IllegalArgumentException("need at least 3 invariant pixels, got " + n);
        boolean[] kept = new boolean[n];
        for (int i = 0; i < n; i++) kept[i] = eligible == null || eligible[i];
        double[] gains = new double[nb], offsets = new double[nb], sigma = new double[nb], centre = new double[nb];
        float[] work = new float[n];
        int keptCount = n, it = 0;
        while (it < MAX_ITERATIONS) {
            it++;
            for (int b = 0; b < nb; b++) {
                double[] line = line(x1[b], x2[b], kept);
                gains[b] = line[0];
                offsets[b] = line[1];
                double[] robust = robustSpread(x1[b], x2[b], kept, line[0], line[1], work);
                centre[b] = robust[0];
                sigma[b] = robust[1] > 0 ? robust[1] : line[2];
            }
            int newCount = 0;
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                boolean keep = eligible == null || eligible[i];
                for (int b = 0; b < nb && keep; b++) {
                    double r = x2[b][i] - gains[b] * x1[b][i] - offsets[b] - centre[b];
                    keep = sigma[b] == 0 || Math.abs(r) <= CLIP_SIGMAS * sigma[b]; // exact fit: nothing to clip
                }
                if (keep != kept[i]) changed = true;
                kept[i] = keep;
                if (keep) newCount++;
            }
            keptCount = newCount;
            if (!changed || keptCount < 3) break;
        }
        return new Fit(gains, offsets, kept, keptCount, it);
    }

    /** {median, 1.4826 × median absolute deviation} of the residuals of the kept pixels. */
    static double[] robustSpread(float[] x, float[] y, boolean[] kept, double gain, double offset, float[] work) {
        int m = 0;
        for (int i = 0; i < x.length; i++) {
            if (kept[i]) work[m++] = (float) (y[i] - gain * x[i] - offset);
        }
        if (m == 0) return new double[] {0, 0};
        java.util.Arrays.sort(work, 0, m);
        double median = work[m / 2];
        for (int i = 0; i < m; i++) work[i] = (float) Math.abs(work[i] - median);
        java.util.Arrays.sort(work, 0, m);
        return new double[] {median, 1.4826 * work[m / 2]};
    }

    /** Least-squares {gain, offset, residual std} of y on x over the kept pixels (centred sums). */
    static double[] line(float[] x, float[] y, boolean[] kept) {
        long n = 0;
        double sx = 0, sy = 0;
        for (int i = 0; i < x.length; i++) {
            if (kept[i]) {
                n++;
                sx += x[i];
                sy += y[i];
            }
        }
        double mx = sx / n, my = sy / n, sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            if (kept[i]) {
                double dx = x[i] - mx, dy = y[i] - my;
                sxx += dx * dx;
                sxy += dx * dy;
                syy += dy * dy;
            }
        }
        double gain = sxx > 0 ? sxy / sxx : 1;
        double offset = my - gain * mx;
        double rss = Math.max(0, syy - gain * sxy);
        return new double[] {gain, offset, Math.sqrt(rss / Math.max(1, n - 2))};
    }

    /**
     * Per-band standard deviation of the normalised difference {@code (x2 − offset)/gain − x1}
     * over the kept pixels.
     */
    public static double[] differenceStd(float[][] x1, float[][] x2, Fit fit) {
        int nb = x1.length;
        double[] std = new double[nb];
        for (int b = 0; b < nb; b++) {
            double g = fit.gains()[b], o = fit.offsets()[b], s = 0, ss = 0;
            long n = 0;
            for (int i = 0; i < x1[b].length; i++) {
                if (!fit.kept()[i]) continue;
                double d = (x2[b][i] - o) / g - x1[b][i];
                s += d;
                ss += d * d;
                n++;
            }
            double mean = s / n;
            std[b] = Math.sqrt(Math.max(0, ss / n - mean * mean));
        }
        return std;
    }
}
