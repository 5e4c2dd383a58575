package eu.ai4c.agri.unet;

import java.util.SplittableRandom;

/**
 * The random views of a normalised multispectral patch for contrastive pre-training. Colour
 * jitter made for RGB photographs (hue, saturation, grey scale) has no meaning for Sentinel-2
 * bands, whose relations between bands are the signal; so the views change geometry and, per
 * band, only by the few percent that illumination, haze and calibration do. In order:
 * <ol>
 * <li>Random resized crop: a box of {@value #MIN_AREA}–1 of the patch area and aspect ratio
 * 3/4–4/3 (log-uniform), at a uniform position, resampled bilinearly to the patch size.</li>
 * <li>One of the 8 symmetries of the square: horizontal flip (p = 0.5) and 0/90/180/270°
 * rotation (a satellite image has no "up").</li>
 * <li>Brightness: the reflectance of each band times {@code g ~ U(1 ± }{@value #BRIGHTNESS}{@code )};
 * on normalised values {@code x' = g·x + (g - 1)·mean/std}.</li>
 * <li>Contrast: the deviations from the view's band mean times {@code c ~ U(1 ± }{@value #CONTRAST}{@code )}.</li>
 * <li>Gaussian noise of {@value #NOISE} standard deviations of each band, per pixel.</li>
 * <li>Band dropout: with probability {@value #BAND_DROPOUT} one band (drawn uniformly, when there
 * are at least two) is set to 0, its mean, so that no single band is relied on.</li>
 * </ol>
 * A view has the shape of its patch. Every random number comes from the caller's generator, in a
 * fixed order: the same generator state gives the same view. Pure functions; no allocation per
 * pixel (one scratch band per call).
 */
public final class SpectralAugmentation {
    /** Smallest crop, as a share of the patch area. */
    public static final double MIN_AREA = 0.2;
    public static final double MIN_ASPECT = 3.0 / 4;
    public static final double MAX_ASPECT = 4.0 / 3;
    public static final float BRIGHTNESS = 0.05f;
    public static final float CONTRAST = 0.05f;
    public static final float NOISE = 0.02f;
    public static final double BAND_DROPOUT = 0.2;

    private SpectralAugmentation() {
    }

    /**
     * Writes one view of patch {@code p} of {@code x} ({@code [count, bands, size, size]},
     * normalised) into slot {@code slot} of {@code out} (same layout).
     *
     * @param meanOverStd per band {@code mean/std} of the normalisation (for the brightness gain)
     */
    public static void view(float[] x, int p, int bands, int size, float[] meanOverStd, float[] out, int slot,
                            SplittableRandom rng) {
        int px = size * size;
        // crop box in source pixels
        double area = size * (double) size * rng.nextDouble(MIN_AREA, 1.0);
        double aspect = Math.exp(rng.nextDouble(Math.log(MIN_ASPECT), Math.log(MAX_ASPECT)));
        double w = Math.min(size, Math.sqrt(area * aspect));
        double h = Math.min(size, Math.sqrt(area / aspect));
        double x0 = rng.nextDouble() * (size - w);
        double y0 = rng.nextDouble() * (size - h);
        boolean flip = rng.nextBoolean();
        int rot = rng.nextInt(4);
        // separable bilinear sampling at the centres of the output pixels, clamped to the patch
        int[] c0 = new int[size];
        float[] cw = new float[size];
        int[] r0 = new int[size];
        float[] rw = new float[size];
        sampling(x0, w, size, c0, cw);
        sampling(y0, h, size, r0, rw);
        float[] crop = new float[px];
        for (int b = 0; b < bands; b++) {
            int src = (p * bands + b) * px;
            for (int r = 0; r < size; r++) {
                int ra = src + r0[r] * size;
                int rb = src + Math.min(size - 1, r0[r] + 1) * size;
                float fy = rw[r];
                for (int c = 0; c < size; c++) {
                    int ca = c0[c];
                    int cb = Math.min(size - 1, ca + 1);
                    float fx = cw[c];
                    float top = x[ra + ca] + fx * (x[ra + cb] - x[ra + ca]);
                    float bottom = x[rb + ca] + fx * (x[rb + cb] - x[rb + ca]);
                    crop[r * size + c] = top + fy * (bottom - top);
                }
            }
            float g = 1 + (float) rng.nextDouble(-BRIGHTNESS, BRIGHTNESS);
            float k = 1 + (float) rng.nextDouble(-CONTRAST, CONTRAST);
            float shift = (g - 1) * meanOverStd[b];
            double sum = 0;
            for (int i = 0; i < px; i++) sum += crop[i];
            float mean = (float) (sum / px) * g + shift;
            int dst = (slot * bands + b) * px;
            for (int r = 0; r < size; r++) {
                for (int c = 0; c < size; c++) {
                    float v = crop[Augmentation.source(r, c, size, flip, rot)] * g + shift;
                    out[dst + r * size + c] = mean + k * (v - mean) + NOISE * (float) rng.nextGaussian();
                }
            }
        }
        if (bands >= 2 && rng.nextDouble() < BAND_DROPOUT) {
            int b = rng.nextInt(bands);
            java.util.Arrays.fill(out, (slot * bands + b) * px, (slot * bands + b + 1) * px, 0f);
        }
    }

    /**
     * For output pixel {@code i} of {@code n}: the source pixel {@code start[i]} left of (above)
     * the sample point {@code origin + (i + 0.5)·length/n - 0.5} and the weight {@code frac[i]} of
     * the next one.
     */
    static void sampling(double origin, double length, int n, int[] start, float[] frac) {
        for (int i = 0; i < n; i++) {
            double s = origin + (i + 0.5) * length / n - 0.5;
            s = Math.max(0, Math.min(n - 1, s));
            int a = (int) Math.floor(s);
            start[i] = a;
            frac[i] = (float) (s - a);
        }
    }
}
