package eu.ai4c.agri.cropmap;

import java.util.Locale;

/**
 * Names and display colours of the crop-type map classes: the 16 classes of the TimeSen2Crop
 * classification scheme (specification section 3.2.2, table 8) with their ids 0–15, and
 * {@link #NO_DATA} 255 for pixels not classified (masked out, or no-data in a month). Class ids a
 * model has beyond 15 are named {@code class <id>}. Colours are {@code 0xRRGGBB}. Stateless.
 */
public final class CropTypeLegend {
    /** Crop-map value of pixels that were not classified. */
    public static final int NO_DATA = 255;

    private static final String[] NAMES = {"Legumes", "Grassland", "Maize", "Potato", "Sunflower", "Soy",
        "Winter Barley", "Winter Caraway", "Rye", "Rapeseed", "Beet", "Spring Cereals", "Winter Wheat",
        "Winter Triticale", "Permanent Plantations", "Other Crops"};
    // hues chosen to be told apart on a map: grassland green, maize yellow, rapeseed bright yellow, …
    private static final int[] COLOURS = {0x8C510A, 0x4DAF4A, 0xFFD92F, 0xA6761D, 0xFF7F00, 0xB3DE69,
        0x80B1D3, 0xBC80BD, 0x984EA3, 0xFFFF33, 0xE7298A, 0xFDB462, 0xE41A1C, 0x377EB8, 0x1B7837, 0x999999};
    private static final int EXTRA_COLOUR = 0x666666;

    private CropTypeLegend() {
    }

    /** Number of TimeSen2Crop classes (16). */
    public static int timeSen2CropClasses() {
        return NAMES.length;
    }

    /** Name of class {@code id}: the TimeSen2Crop name, {@code no data} for 255, else {@code class <id>}. */
    public static String name(int id) {
        if (id >= 0 && id < NAMES.length) return NAMES[id];
        return id == NO_DATA ? "no data" : "class " + id;
    }

    /** Display colour {@code 0xRRGGBB} of class {@code id} (0 for no-data, which is transparent). */
    public static int colour(int id) {
        if (id >= 0 && id < COLOURS.length) return COLOURS[id];
        return id == NO_DATA ? 0 : EXTRA_COLOUR;
    }

    /** {@code #RRGGBB} of {@link #colour}. */
    public static String hex(int id) {
        return String.format(Locale.ROOT, "#%06X", colour(id));
    }

    /** The 256-entry palette {@code 0xAARRGGBB} of a map with {@code classes} classes; unused ids and no-data transparent. */
    public static int[] palette(int classes) {
        int[] argb = new int[256];
        for (int v = 0; v < Math.min(classes, NO_DATA); v++) argb[v] = 0xFF000000 | colour(v);
        return argb;
    }
}
