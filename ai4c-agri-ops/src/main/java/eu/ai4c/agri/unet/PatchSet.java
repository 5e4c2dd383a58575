package eu.ai4c.agri.unet;

/**
 * Normalised image patches with their class-index labels, in memory. Patch {@code i}, band
 * {@code b}, row {@code r}, column {@code c} is {@code x[((i·bands + b)·size + r)·size + c]}
 * (channels first, as PyTorch takes them); its label {@code y[(i·size + r)·size + c]} is a class
 * index {@code 0 … classes-1} (index 0 the background; see {@link UnetModel#classIds()}).
 * Arrays are shared, not copied.
 *
 * @param x     normalised values
 * @param y     class indices
 * @param count number of patches
 * @param bands bands per patch
 * @param size  patch side (px)
 */
public record PatchSet(float[] x, byte[] y, int count, int bands, int size) {

    public PatchSet {
        if ((long) count * bands * size * size != x.length || (long) count * size * size != y.length) {
            throw new IllegalArgumentException("patch arrays of " + x.length + "/" + y.length + " values for " + count
                    + " patches of " + bands + "×" + size + "²");
        }
    }

    public int patchValues() {
        return bands * size * size;
    }

    public int patchPixels() {
        return size * size;
    }
}
