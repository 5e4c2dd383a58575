package eu.ai4c.cd.cva;

import eu.ai4c.kit.io.geotiff.GdalColourTable;
import eu.ai4c.kit.render.DistinctColours;

/**
 * The colours of S2-CD's change classes, shared by the class map's colour table and the polar
 * plot: 0 (no change) light grey, classes 1…N in distinct colours, 255 (no-data) transparent.
 */
final class ClassPalette {
    private static final int NO_CHANGE = 0xD9D9D9;

    private ClassPalette() {
    }

    /** RGB of class value {@code v} (0 no change, 1…N classes). */
    static int rgb(int v) {
        return v == 0 ? NO_CHANGE : DistinctColours.rgb(v - 1);
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
