package eu.ai4c.kit.render;

/**
 * Pure kernels turning band samples into ARGB pixels ({@code 0xAARRGGBB}, as
 * {@link java.awt.image.BufferedImage#TYPE_INT_ARGB} stores them): arrays in, array out, no
 * allocation. No-data samples are NaN in the input and become {@link #NO_DATA} (fully
 * transparent; shown over the view's background). Stateless; thread-safe.
 */
public final class ArgbKernels {
    /** The pixel of a no-data sample: transparent black. */
    public static final int NO_DATA = 0x00000000;

    private ArgbKernels() {
    }

    /**
     * Single band through a colour ramp: {@code out[i] = table[round(255·clamp((v−low)/(high−low)))]}.
     *
     * @param values  samples, NaN for no-data
     * @param stretch the value range mapped onto the table
     * @param table   256 ARGB colours ({@link ColourRamp#table()})
     * @param out     receives {@code values.length} pixels
     */
    public static void ramp(float[] values, Stretch stretch, int[] table, int[] out) {
        double low = stretch.low(), scale = (table.length - 1) / (stretch.high() - stretch.low());
        int last = table.length - 1;
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (v != v) {
                out[i] = NO_DATA;
                continue;
            }
            double t = (v - low) * scale + 0.5;
            out[i] = table[t <= 0 ? 0 : t >= last ? last : (int) t];
        }
    }

    /**
     * Red, green and blue bands, each stretched linearly to 0…255; a pixel with no-data in any of
     * the three bands is {@link #NO_DATA}.
     */
    public static void rgb(float[] red, float[] green, float[] blue, Stretch sr, Stretch sg, Stretch sb, int[] out) {
        double rl = sr.low(), rs = 255 / (sr.high() - sr.low());
        double gl = sg.low(), gs = 255 / (sg.high() - sg.low());
        double bl = sb.low(), bs = 255 / (sb.high() - sb.low());
        for (int i = 0; i < out.length; i++) {
            float r = red[i], g = green[i], b = blue[i];
            if (r != r || g != g || b != b) {
                out[i] = NO_DATA;
                continue;
            }
            out[i] = 0xFF000000 | channel((r - rl) * rs) << 16 | channel((g - gl) * gs) << 8 | channel((b - bl) * bs);
        }
    }

    private static int channel(double v) {
        double t = v + 0.5;
        return t <= 0 ? 0 : t >= 255 ? 255 : (int) t;
    }

    /**
     * Class values through a colour table: {@code out[i] = palette[(int) v]}; values outside the
     * table get {@code unlisted}, NaN gets {@link #NO_DATA}.
     *
     * @param classes  integer class values stored as floats, NaN for no-data
     * @param palette  ARGB colour per class value (alpha honoured, e.g. transparent no-data classes)
     * @param unlisted colour of values the table does not cover
     */
    public static void palette(float[] classes, int[] palette, int unlisted, int[] out) {
        int n = palette.length;
        for (int i = 0; i < classes.length; i++) {
            float v = classes[i];
            if (v != v) {
                out[i] = NO_DATA;
                continue;
            }
            int c = (int) v;
            out[i] = c >= 0 && c < n && c == v ? palette[c] : unlisted;
        }
    }
}
