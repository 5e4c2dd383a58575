package eu.ai4c.desktop.view;

/**
 * A subsampled view of one band of a raster: {@code width × height} samples, row-major, each the
 * source pixel nearest to the overview pixel's centre (see {@link #sourceColumn} /
 * {@link #sourceRow}), converted to float with no-data as NaN. Immutable after construction
 * (the sample array is shared, do not modify it); thread-safe.
 */
public final class Overview {
    private final int sourceWidth;
    private final int sourceHeight;
    private final int width;
    private final int height;
    private final float[] samples;

    /**
     * @param sourceWidth  width of the full-resolution band
     * @param sourceHeight height of the full-resolution band
     * @param width        overview width (≤ sourceWidth)
     * @param height       overview height (≤ sourceHeight)
     * @param samples      {@code width · height} samples, NaN for no-data
     */
    public Overview(int sourceWidth, int sourceHeight, int width, int height, float[] samples) {
        if (samples.length != width * height) {
            throw new IllegalArgumentException(samples.length + " samples for " + width + "x" + height);
        }
        this.sourceWidth = sourceWidth;
        this.sourceHeight = sourceHeight;
        this.width = width;
        this.height = height;
        this.samples = samples;
    }

    public int sourceWidth() {
        return sourceWidth;
    }

    public int sourceHeight() {
        return sourceHeight;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The samples, row-major, NaN for no-data (shared, not a copy). */
    public float[] samples() {
        return samples;
    }

    /** Sample at overview column {@code x}, row {@code y}. */
    public float sample(int x, int y) {
        return samples[y * width + x];
    }

    /** Full-resolution column sampled for overview column {@code x}: ⌊(x + ½) · sourceWidth / width⌋. */
    public int sourceColumn(int x) {
        return nearest(x, sourceWidth, width);
    }

    /** Full-resolution row sampled for overview row {@code y}: ⌊(y + ½) · sourceHeight / height⌋. */
    public int sourceRow(int y) {
        return nearest(y, sourceHeight, height);
    }

    /** Source index of the pixel whose area holds the centre of target pixel {@code i}. */
    static int nearest(int i, int sourceSize, int targetSize) {
        return (int) Math.min(sourceSize - 1, ((2L * i + 1) * sourceSize) / (2L * targetSize));
    }
}
