package eu.ai4c.cli.demo;

/**
 * Colour ramps for quick-looks, as 256-entry opaque ARGB tables interpolated linearly between
 * stops. {@code VIRIDIS} uses five stops of the viridis map; {@code DIVERGING} runs blue–white–red
 * for signed values such as change.
 */
public enum ColourRamp {
    GREY(0x000000, 0xFFFFFF),
    VIRIDIS(0x440154, 0x3B528B, 0x21918C, 0x5EC962, 0xFDE725),
    DIVERGING(0x2166AC, 0xF7F7F7, 0xB2182B);

    private final int[] table = new int[256];

    ColourRamp(int... stops) {
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0 * (stops.length - 1);
            int k = Math.min((int) t, stops.length - 2);
            double f = t - k;
            table[i] = 0xFF000000 | mix(stops[k], stops[k + 1], f);
        }
    }

    /** A copy of the 256-entry ARGB table; entry 0 is the low end. */
    public int[] table() {
        return table.clone();
    }

    private static int mix(int a, int b, double f) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
        int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
        return (r << 16) | (g << 8) | bl;
    }
}
