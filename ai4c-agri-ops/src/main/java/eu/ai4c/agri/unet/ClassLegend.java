package eu.ai4c.agri.unet;

/**
 * Colours and names of the class maps: id 0 "background" (grey), ids 1–254 "class N" in a
 * fixed, distinguishable palette (repeating after 12), 255 "no data" (transparent). Pure functions.
 */
public final class ClassLegend {
    private static final int[] PALETTE = {
            0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b,
            0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf, 0xaec7e8, 0xffbb78};

    private ClassLegend() {
    }

    public static String name(int id) {
        return id == 0 ? "background" : id == ClassMapRaster.NO_DATA ? "no data" : "class " + id;
    }

    /** ARGB colour of {@code id}. */
    public static int argb(int id) {
        if (id == ClassMapRaster.NO_DATA) return 0;
        if (id == 0) return 0xFFD9D9D9;
        return 0xFF000000 | PALETTE[(id - 1) % PALETTE.length];
    }

    /** The 256-entry colour table. */
    public static int[] palette() {
        int[] p = new int[256];
        for (int i = 0; i < 256; i++) p[i] = argb(i);
        return p;
    }

    public static String hex(int id) {
        return String.format("#%06x", argb(id) & 0xFFFFFF);
    }

    /** A name as a CSV cell (RFC 4180: quoted when it holds a comma or a quote). */
    public static String csvCell(String name) {
        if (name.indexOf(',') < 0 && name.indexOf('"') < 0) return name;
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
