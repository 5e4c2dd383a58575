package eu.ai4c.agri.unet;

import java.util.SplittableRandom;

/**
 * Training-time augmentation of one patch ({@code -data_aug True}): one of the 8 symmetries of
 * the square (horizontal flip × 0/90/180/270° rotation), applied alike to the bands and the
 * labels, and a small radiometric jitter of each band of the normalised values (gain
 * 1 ± {@value #GAIN}, offset ± {@value #OFFSET} standard deviations, uniform). Pure functions.
 */
final class Augmentation {
    static final float GAIN = 0.05f;
    static final float OFFSET = 0.05f;

    private Augmentation() {
    }

    /**
     * Copies patch {@code p} of {@code set} into slot {@code slot} of the batch arrays, augmented
     * when {@code rng} is not null.
     */
    static void copy(PatchSet set, int p, float[] bx, long[] by, int slot, SplittableRandom rng) {
        int s = set.size();
        int px = s * s;
        int bands = set.bands();
        float[] x = set.x();
        byte[] y = set.y();
        int srcX = p * set.patchValues();
        int dstX = slot * set.patchValues();
        if (rng == null) {
            System.arraycopy(x, srcX, bx, dstX, set.patchValues());
            for (int i = 0; i < px; i++) by[slot * px + i] = y[p * px + i];
            return;
        }
        boolean flip = rng.nextBoolean();
        int rot = rng.nextInt(4);
        for (int r = 0; r < s; r++) {
            for (int c = 0; c < s; c++) {
                int src = source(r, c, s, flip, rot);
                by[slot * px + r * s + c] = y[p * px + src];
            }
        }
        for (int b = 0; b < bands; b++) {
            float gain = 1 + (float) rng.nextDouble(-GAIN, GAIN);
            float offset = (float) rng.nextDouble(-OFFSET, OFFSET);
            int sb = srcX + b * px;
            int db = dstX + b * px;
            for (int r = 0; r < s; r++) {
                for (int c = 0; c < s; c++) bx[db + r * s + c] = x[sb + source(r, c, s, flip, rot)] * gain + offset;
            }
        }
    }

    /** Index in the source patch of target pixel (r, c) after {@code rot} quarter turns and an optional flip. */
    static int source(int r, int c, int s, boolean flip, int rot) {
        int rr = r;
        int cc = flip ? s - 1 - c : c;
        for (int i = 0; i < rot; i++) {
            int t = rr;
            rr = cc;
            cc = s - 1 - t;
        }
        return rr * s + cc;
    }
}
