package eu.ai4c.s2.safe;

import eu.ai4c.kit.Ai4cException;
import java.util.Locale;

/**
 * The thirteen spectral bands of the Sentinel-2 MSI, with the {@code bandId} index used by the
 * SAFE metadata ({@code band_id}, {@code bandId}: 0 for B1 … 12 for B12, B8A at 8) and the native
 * ground sampling distance in metres. User-facing names are {@code B1 … B12, B8A} (table 4 of the
 * specification); file names use two digits ({@code B01}, {@code B8A}).
 */
public enum S2Band {
    B1(0, 60), B2(1, 10), B3(2, 10), B4(3, 10), B5(4, 20), B6(5, 20), B7(6, 20), B8(7, 10), B8A(8, 20),
    B9(9, 60), B10(10, 60), B11(11, 20), B12(12, 20);

    /** All names accepted, for messages. */
    public static final String NAMES = "B1, B2, B3, B4, B5, B6, B7, B8, B8A, B9, B10, B11, B12";

    private final int bandId;
    private final int resolution;

    S2Band(int bandId, int resolution) {
        this.bandId = bandId;
        this.resolution = resolution;
    }

    /** Index of the band in the SAFE metadata lists (0 … 12). */
    public int bandId() {
        return bandId;
    }

    /** Native resolution in metres (10, 20 or 60). */
    public int nativeResolution() {
        return resolution;
    }

    /** The token in SAFE file names: {@code B01} … {@code B12}, {@code B8A}. */
    public String fileToken() {
        return this == B8A ? "B8A" : String.format(Locale.ROOT, "B%02d", bandId < 8 ? bandId + 1 : bandId);
    }

    /** The band of a {@code bandId} index. */
    public static S2Band ofBandId(int id) {
        for (S2Band b : values()) {
            if (b.bandId == id) return b;
        }
        throw new IllegalArgumentException("No Sentinel-2 band has bandId " + id);
    }

    /**
     * Parses {@code B2}, {@code B02}, {@code b8a}, {@code B8A}; returns null when the text is not a band name.
     */
    public static S2Band parseOrNull(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.equals("B8A")) return B8A;
        if (!t.matches("B\\d{1,2}")) return null;
        int n = Integer.parseInt(t.substring(1));
        if (n < 1 || n > 12) return null;
        return ofBandId(n <= 8 ? n - 1 : n);
    }

    /**
     * Parses a band name as {@link #parseOrNull}.
     *
     * @throws Ai4cException (usage error) naming the accepted names
     */
    public static S2Band parse(String text) {
        S2Band b = parseOrNull(text);
        if (b == null) {
            throw Ai4cException.usage("\"" + text + "\" is not a Sentinel-2 band; accepted: " + NAMES + ".");
        }
        return b;
    }
}
