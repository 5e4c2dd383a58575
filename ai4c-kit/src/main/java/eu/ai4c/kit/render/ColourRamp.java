package eu.ai4c.kit.render;

/**
 * Colour ramps of single-band quick-looks: 256 opaque ARGB colours from the low to the high end
 * of a {@link Stretch}. {@link #GREY} runs black to white; {@link #VIRIDIS} is a perceptually
 * ordered dark-violet → blue → green → yellow ramp, interpolated linearly in RGB between ten
 * anchor colours at equal steps (the published viridis colours at 0, 1/9, …, 1). Immutable.
 */
public enum ColourRamp {
    GREY("Grey", new int[] {0x000000, 0xFFFFFF}),
    VIRIDIS("Viridis", new int[] {0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779,
        0x6DCD59, 0xB4DE2C, 0xFDE725});

    /** Entries of every ramp table. */
    public static final int SIZE = 256;

    private final String label;
    private final int[] table;

    ColourRamp(String label, int[] anchors) {
        this.label = label;
        this.table = interpolate(anchors);
    }

    private static int[] interpolate(int[] anchors) {
        int[] t = new int[SIZE];
        int segments = anchors.length - 1;
        for (int i = 0; i < SIZE; i++) {
            double pos = i * (double) segments / (SIZE - 1);
            int s = Math.min(segments - 1, (int) pos);
            double f = pos - s;
            int a = anchors[s], b = anchors[s + 1];
            t[i] = 0xFF000000 | mix(a >> 16, b >> 16, f) << 16 | mix(a >> 8, b >> 8, f) << 8 | mix(a, b, f);
        }
        return t;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
    }

    /** The 256 ARGB colours (a copy). */
    public int[] table() {
        return table.clone();
    }

    /** The colour at position {@code t} (0 … 1, clamped) of the ramp. */
    public int colour(double t) {
        double c = t < 0 ? 0 : t > 1 ? 1 : t;
        return table[(int) Math.round(c * (SIZE - 1))];
    }

    @Override
    public String toString() {
        return label;
    }
}
