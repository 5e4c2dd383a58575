package eu.ai4c.kit.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The colours and names of the classes of a class map (crop types, change classes): an ARGB
 * colour, an optional name and an optional pixel count per class value {@code 0 … size−1}.
 * Built by {@link ColourTables}; the palette feeds {@link ArgbKernels#palette}. Immutable;
 * thread-safe.
 */
public final class ClassLegend {
    /** Largest class value a legend holds (uint16 class maps). */
    public static final int MAX_CLASSES = 65536;

    private final int[] palette;
    private final String[] names;
    private final long[] counts;

    /**
     * @param palette ARGB colour per class value
     * @param names   name per class value, null entries for unnamed values (same length or shorter)
     * @param counts  pixel count per class value, −1 when unknown (same length or shorter)
     */
    public ClassLegend(int[] palette, String[] names, long[] counts) {
        int n = palette.length;
        this.palette = palette.clone();
        this.names = Arrays.copyOf(names, n);
        this.counts = Arrays.copyOf(counts, n);
        for (int i = counts.length; i < n; i++) this.counts[i] = -1;
    }

    /** One legend line. {@code count} is −1 when unknown. */
    public record Entry(int value, String name, int argb, long count) {
    }

    /** Number of class values covered (palette length). */
    public int size() {
        return palette.length;
    }

    /** ARGB colour per class value (a copy). */
    public int[] palette() {
        return palette.clone();
    }

    /** ARGB colour of a class value; transparent for values outside the table. */
    public int colour(int value) {
        return value >= 0 && value < palette.length ? palette[value] : 0;
    }

    /** The name of a class value, or null. */
    public String name(int value) {
        return value >= 0 && value < names.length ? names[value] : null;
    }

    /** The pixel count of a class value, −1 when unknown. */
    public long count(int value) {
        return value >= 0 && value < counts.length ? counts[value] : -1;
    }

    /**
     * The legend lines: every named class value and every value with a positive count, in
     * value order; an unnamed value is called "class v".
     */
    public List<Entry> entries() {
        List<Entry> list = new ArrayList<>();
        for (int v = 0; v < palette.length; v++) {
            if (names[v] != null || counts[v] > 0) {
                list.add(new Entry(v, names[v] != null ? names[v] : "class " + v, palette[v], counts[v]));
            }
        }
        return list;
    }

    /** A copy with the names given (non-null entries replace, null entries keep the current name). */
    public ClassLegend withNames(String[] newNames) {
        String[] n = names.clone();
        for (int i = 0; i < Math.min(n.length, newNames.length); i++) if (newNames[i] != null) n[i] = newNames[i];
        return new ClassLegend(palette, n, counts);
    }

    /** A copy with the counts of the given values replaced (entries < 0 keep the current count). */
    public ClassLegend withCounts(long[] newCounts) {
        long[] c = counts.clone();
        for (int i = 0; i < Math.min(c.length, newCounts.length); i++) if (newCounts[i] >= 0) c[i] = newCounts[i];
        return new ClassLegend(palette, names, c);
    }

    /** A copy where {@code value} is transparent (the band's no-data value). */
    public ClassLegend withTransparent(int value) {
        if (value < 0 || value >= palette.length) return this;
        int[] p = palette.clone();
        p[value] &= 0x00FFFFFF;
        return new ClassLegend(p, names, counts);
    }

    /**
     * Pixel count per class value among overview samples (NaN and values outside the table
     * ignored): the shares of the classes in the quick-look, for legends without counts.
     */
    public static long[] countValues(float[] samples, int size) {
        long[] c = new long[size];
        for (float v : samples) {
            int k = (int) v;
            if (k >= 0 && k < size && k == v) c[k]++;
        }
        return c;
    }
}
