package eu.ai4c.cd.cva;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import java.io.IOException;

/**
 * The global pass of Change Vector Analysis over two co-registered reflectance rasters (same
 * grid, same bands, float, NaN = no-data, clouds already masked): collects a bounded systematic
 * sample of pixels valid in both (every s-th row and column, at most {@link #MAX_SAMPLE}
 * pixels), with the scene classes of both dates when given, fits the radiometric normalisation on it ({@link RadiometricNormalisation}), takes
 * the per-band difference std over the invariant pixels, the χ² threshold, and fits k-means on
 * the (magnitude, angle) of the changed sample pixels (at most {@link #MAX_KMEANS} of them).
 * Memory is bounded by the sample whatever the image size. Stateless.
 */
public final class CvaStatistics {
    /** Largest statistics sample (pixels). */
    public static final int MAX_SAMPLE = 1_000_000;
    /** Largest number of changed pixels given to k-means. */
    public static final int MAX_KMEANS = 200_000;
    /** Seed of the k-means++ seeding, fixed so runs repeat. */
    public static final long SEED = 20240611L;

    private CvaStatistics() {
    }

    /**
     * Runs the pass.
     *
     * @param image1     first date
     * @param image2     second date, same grid and bands
     * @param bandNames  band names (for the model)
     * @param reference  reference vector, one value per band
     * @param confidence confidence level in percent, in (0, 100)
     * @param classes    number of change classes
     */
    public static CvaModel compute(Raster image1, Raster image2, String[] bandNames, double[] reference,
                                   double confidence, int classes, ProcessingContext context) throws IOException {
        return compute(image1, image2, null, null, 0, bandNames, reference, confidence, classes, context);
    }

    /**
     * Runs the pass with the scene classifications of both dates on the same grid (both null, or
     * both given): only pixels of the same class in both, and not cloud, shadow, snow or water
     * ({@link SceneClassification#invariant}), may serve as invariant.
     *
     * @param step quantisation step of the reflectances (1/quantification of the products), 0 if continuous
     */
    static CvaModel compute(Raster image1, Raster image2, Raster scl1, Raster scl2, double step, String[] bandNames,
                            double[] reference, double confidence, int classes, ProcessingContext context)
            throws IOException {
        int nb = image1.bands().size(), w = image1.width(), h = image1.height();
        long area = (long) w * h;
        int stride = (int) Math.max(1, Math.ceil(Math.sqrt((double) area / MAX_SAMPLE)));
        int cols = (w + stride - 1) / stride, cap = cols * ((h + stride - 1) / stride);
        // sample slot = position on the sampling grid, so the sample order does not depend on tile order
        boolean withScl = scl1 != null;
        int extra = withScl ? 1 : 0;
        // band-major sample: image 1 bands, then (SCL 1), image 2 bands, then (SCL 2)
        float[][] x1 = new float[nb + extra][cap], x2 = new float[nb + extra][cap];
        for (float[] a : x1) java.util.Arrays.fill(a, Float.NaN);
        Raster stack = new StackRaster(withScl ? java.util.List.of(image1, scl1, image2, scl2)
                : java.util.List.of(image1, image2));
        int[] all = new int[2 * (nb + extra)];
        for (int i = 0; i < all.length; i++) all[i] = i;
        TileEngine.run("S2-CD statistics", stack, all, new TileGrid(w, h, 512, 512), context, (c, r, blocks) -> {
            sample(blocks, nb, extra, stride, cols, x1, x2);
        });
        int n = 0;
        for (int i = 0; i < cap; i++) {
            if (Float.isNaN(x1[0][i])) continue;
            for (int b = 0; b < nb + extra; b++) {
                x1[b][n] = x1[b][i];
                x2[b][n] = x2[b][i];
            }
            n++;
        }
        if (n < 3) {
            throw new Ai4cException("S2-CD: the two images share only " + n + " valid (cloud-free, data-covered) "
                    + "sample pixels, too few for the radiometric normalisation. Choose a pair with less cloud or a "
                    + "larger area of interest.");
        }
        float[][] s1 = new float[nb][], s2 = new float[nb][];
        for (int b = 0; b < nb; b++) {
            s1[b] = java.util.Arrays.copyOf(x1[b], n);
            s2[b] = java.util.Arrays.copyOf(x2[b], n);
        }
        boolean[] eligible = null;
        if (withScl) {
            eligible = new boolean[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                eligible[i] = SceneClassification.invariant(x1[nb][i], x2[nb][i]);
                if (eligible[i]) count++;
            }
            if (count < 3) {
                throw new Ai4cException("S2-CD: only " + count + " sample pixels have the same scene class in both "
                        + "images and are free of cloud, shadow, snow and water, too few for the radiometric "
                        + "normalisation. Choose a pair with less cloud or a larger area of interest.");
            }
        }
        RadiometricNormalisation.Fit fit = RadiometricNormalisation.fit(s1, s2, eligible, step);
        double[] std = RadiometricNormalisation.differenceStd(s1, s2, fit);
        double threshold = ChiSquare.quantile(confidence / 100, nb);
        ChangeVector cv = new ChangeVector(fit.gains(), fit.offsets(), std, reference);
        float[] mag = new float[n], ang = new float[n];
        cv.compute(s1, s2, n, mag, ang);
        int changed = 0;
        for (int i = 0; i < n; i++) {
            if ((double) mag[i] * mag[i] > threshold) changed++;
        }
        KMeans km = null;
        if (changed > 0) {
            int every = (changed + MAX_KMEANS - 1) / MAX_KMEANS, m = 0, seen = 0;
            float[] km1 = new float[(changed + every - 1) / every], km2 = new float[km1.length];
            for (int i = 0; i < n && m < km1.length; i++) {
                if ((double) mag[i] * mag[i] > threshold && seen++ % every == 0) {
                    km1[m] = mag[i];
                    km2[m++] = ang[i];
                }
            }
            km = KMeans.fit(km1, km2, m, classes, SEED);
        }
        return new CvaModel(bandNames.clone(), fit.gains(), fit.offsets(), std, reference.clone(), confidence,
                threshold, km, n, fit.keptCount());
    }

    private static void sample(Block[] blocks, int nb, int extra, int stride, int cols, float[][] x1, float[][] x2) {
        Region reg = blocks[0].region();
        int per = nb + extra;
        float[][] a = new float[2 * per][];
        for (int b = 0; b < 2 * per; b++) a[b] = blocks[b].toFloats();
        int y0 = ((reg.y() + stride - 1) / stride) * stride, x0 = ((reg.x() + stride - 1) / stride) * stride;
        for (int y = y0; y < reg.maxY(); y += stride) {
            for (int x = x0; x < reg.maxX(); x += stride) {
                int i = (y - reg.y()) * reg.width() + (x - reg.x());
                boolean valid = true;
                for (int b = 0; b < nb && valid; b++) valid = Float.isFinite(a[b][i]) && Float.isFinite(a[per + b][i]);
                if (!valid) continue;
                int k = (y / stride) * cols + x / stride; // each tile writes its own slots
                for (int b = 0; b < per; b++) {
                    x1[b][k] = a[b][i];
                    x2[b][k] = a[per + b][i];
                }
            }
        }
    }
}
