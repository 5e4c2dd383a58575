package eu.ai4c.cd.cva;

import eu.ai4c.kit.io.geotiff.GdalColourTable;

/**
 * The colours of S2-CD's change classes, shared by the class map's colour table and the polar
 * plot: 0 (no change) light grey, classes 1…N in distinct colours, 255 (no-data) transparent.
 */
final class ClassPalette {
    private static final int NO_CHANGE = 0xD9D9D9;
    private static final int[] CLASSES = {0xE6194B, 0x3CB44B, 0x4363D8, 0xF58231, 0x911EB4, 0x42D4F4, 0xF032E6,
        0xBFEF45, 0x469990, 0x9A6324, 0x800000, 0x808000, 0x000075, 0xA9A9A9, 0xFFE119, 0xDCBEFF, 0xAAFFC3,
        0xFFD8B1, 0xFABED4, 0x000000};

    private ClassPalette() {
    }

    /** RGB of class value {@code v} (0 no change, 1…N classes). */
    static int rgb(int v) {
        return v == 0 ? NO_CHANGE : CLASSES[(v - 1) % CLASSES.length];
    }

    /** GDAL PAM document ({@code .aux.xml}) with the palette of a class band of {@code classes} classes (256 entries). */
    static String colourTable(int classes) {
        int[] argb = new int[256];
        for (int v = 0; v < 256; v++) {
            int rgb = v <= classes ? rgb(v) : 0;
            argb[v] = (v == CvaRaster.NO_DATA ? 0 : 0xFF000000) | rgb;
        }
        return GdalColourTable.pamDocument(argb);
    }
}
