package eu.ai4c.s1.speckle;

/**
 * A speckle filter kernel for one band of SAR intensity (linear power, not dB, not amplitude).
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>{@code src} holds a source window of {@code srcW × srcH} samples, row-major. Output pixel
 *       {@code (i, j)} of {@code dst} ({@code dstW × dstH}, row-major) is the filtered value of source
 *       pixel {@code (offX + i, offY + j)}.</li>
 *   <li>The source window should reach {@link #halo()} pixels beyond the output window on every side.
 *       Where it does not (at image edges), filter windows are clipped to the source window: they
 *       shrink instead of padding or mirroring.</li>
 *   <li>No-data is NaN: NaN samples are left out of every statistic, and a NaN pixel stays NaN.</li>
 *   <li>The value of an output pixel depends only on the source samples inside its (clipped) window,
 *       in a fixed order of summation, so filtering a scene in tiles gives bit-identical results to
 *       filtering it in one piece.</li>
 * </ul>
 *
 * <h2>Thread-safety</h2>
 * Implementations are immutable; scratch buffers are allocated per call (once per tile), so one
 * instance may filter many tiles on many threads at once.
 */
public interface SpeckleFilter {

    /** Pixels of source context needed on each side of the output window. */
    int halo();

    /**
     * Filters {@code dstW × dstH} pixels.
     *
     * @param src  source intensities (NaN = no-data), {@code srcW × srcH}, row-major; not modified
     * @param srcW source window width in pixels
     * @param srcH source window height in pixels
     * @param offX column of the first output pixel in the source window
     * @param offY row of the first output pixel in the source window
     * @param dst  receives the filtered intensities, {@code dstW × dstH}, row-major
     * @param dstW output width in pixels ({@code offX + dstW <= srcW})
     * @param dstH output height in pixels ({@code offY + dstH <= srcH})
     */
    void filter(float[] src, int srcW, int srcH, int offX, int offY, float[] dst, int dstW, int dstH);

    /** Checks the window arguments shared by all kernels. */
    static void checkWindow(float[] src, int srcW, int srcH, int offX, int offY, float[] dst, int dstW, int dstH) {
        if (srcW < 0 || srcH < 0 || dstW < 0 || dstH < 0 || offX < 0 || offY < 0
                || offX + dstW > srcW || offY + dstH > srcH) {
            throw new IllegalArgumentException("Output window " + dstW + "x" + dstH + " at (" + offX + "," + offY
                    + ") does not fit in source window " + srcW + "x" + srcH);
        }
        if (src.length < srcW * srcH || dst.length < dstW * dstH) {
            throw new IllegalArgumentException("Arrays of " + src.length + " and " + dst.length
                    + " samples are too short for " + srcW + "x" + srcH + " and " + dstW + "x" + dstH);
        }
    }
}
