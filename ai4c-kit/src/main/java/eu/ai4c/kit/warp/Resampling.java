package eu.ai4c.kit.warp;

/**
 * Resampling methods of the warp, with the names used by the operator's {@code resampling}
 * parameter ({@link #toString()}) and the matching {@code gdalwarp -r} names.
 */
public enum Resampling {
    /** Value of the source pixel containing the point ({@code gdalwarp -r near}). */
    NEAREST("Nearest", "near", 0),
    /** 2×2 bilinear interpolation between source pixel centres ({@code -r bilinear}). */
    BILINEAR("Bilinear", "bilinear", 1),
    /** 4×4 cubic convolution, a = -0.5 ({@code -r cubic}). */
    BICUBIC("Bicubic", "cubic", 2);

    private final String label;
    private final String gdalName;
    private final int halo;

    Resampling(String label, String gdalName, int halo) {
        this.label = label;
        this.gdalName = gdalName;
        this.halo = halo;
    }

    /** The {@code gdalwarp -r} name of the same method. */
    public String gdalName() {
        return gdalName;
    }

    /** Source pixels the kernel needs beyond the pixel containing the point, on each side. */
    public int halo() {
        return halo;
    }

    /** The parameter value: {@code Nearest}, {@code Bilinear}, {@code Bicubic}. */
    @Override
    public String toString() {
        return label;
    }
}
