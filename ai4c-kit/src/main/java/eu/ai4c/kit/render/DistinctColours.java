package eu.ai4c.kit.render;

/**
 * Twenty colours that stay apart on screen and in print, for the classes of class maps that
 * bring no colours of their own (S2-CD change classes, legends without colours): the S2-CD
 * colour table, its polar plot and the desktop's scatter of the same classes all use them, so a
 * class has one colour everywhere. Stateless.
 */
public final class DistinctColours {
    private static final int[] RGB = {0xE6194B, 0x3CB44B, 0x4363D8, 0xF58231, 0x911EB4, 0x42D4F4, 0xF032E6,
        0xBFEF45, 0x469990, 0x9A6324, 0x800000, 0x808000, 0x000075, 0xA9A9A9, 0xFFE119, 0xDCBEFF, 0xAAFFC3,
        0xFFD8B1, 0xFABED4, 0x000000};

    private DistinctColours() {
    }

    /** The {@code i}-th colour (0-based, repeating after twenty) as opaque ARGB. */
    public static int argb(int i) {
        return 0xFF000000 | RGB[Math.floorMod(i, RGB.length)];
    }

    /** The {@code i}-th colour as {@code 0xRRGGBB}. */
    public static int rgb(int i) {
        return RGB[Math.floorMod(i, RGB.length)];
    }
}
