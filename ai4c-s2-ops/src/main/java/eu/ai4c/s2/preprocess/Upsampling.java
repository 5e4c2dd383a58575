package eu.ai4c.s2.preprocess;

import eu.ai4c.kit.warp.Resampling;

/**
 * How a band is brought to a finer grid (table 4, "Upsampling method"): the kit's resampling
 * kernels ({@link eu.ai4c.kit.warp.ResampleKernels}) evaluated at the target pixel centres.
 */
public enum Upsampling {
    Nearest(Resampling.NEAREST), Bilinear(Resampling.BILINEAR), Bicubic(Resampling.BICUBIC);

    private final Resampling kernel;

    Upsampling(Resampling kernel) {
        this.kernel = kernel;
    }

    /** The kit kernel. */
    public Resampling kernel() {
        return kernel;
    }
}
