package eu.ai4c.kit.io.geotiff;

/**
 * The palette of a TIFF image (tag ColorMap, 320), as {@link GeoTiffReader} attaches it to a
 * product ({@code product.attachment(TiffColourMap.class)}): entry {@code v} is the colour of
 * sample value {@code v} of the first band, as opaque ARGB ({@code 0xFFRRGGBB}). The TIFF stores
 * 16-bit components (red table, then green, then blue); they are scaled to 8 bits by dividing by
 * 257, as GDAL does for the colour maps it writes (8-bit value × 257). Immutable (the array is
 * copied on the way in and out).
 */
public final class TiffColourMap {
    private final int[] argb;

    /** @param argb one opaque ARGB colour per sample value, from value 0 */
    public TiffColourMap(int[] argb) {
        this.argb = argb.clone();
    }

    /**
     * The colour map of a ColorMap tag's values.
     *
     * @param components 3·2^bits unsigned 16-bit values: all reds, then all greens, then all blues
     */
    public static TiffColourMap ofTiffComponents(long[] components) {
        int n = components.length / 3;
        int[] argb = new int[n];
        for (int i = 0; i < n; i++) {
            argb[i] = 0xFF000000 | to8(components[i]) << 16 | to8(components[n + i]) << 8 | to8(components[2 * n + i]);
        }
        return new TiffColourMap(argb);
    }

    private static int to8(long c16) {
        return (int) Math.max(0, Math.min(255, Math.round((c16 & 0xFFFF) / 257.0)));
    }

    /** Number of entries (2^BitsPerSample). */
    public int size() {
        return argb.length;
    }

    /** The colours as ARGB, index = sample value (a copy). */
    public int[] argb() {
        return argb.clone();
    }
}
