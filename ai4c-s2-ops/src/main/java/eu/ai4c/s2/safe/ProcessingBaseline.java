package eu.ai4c.s2.safe;

import eu.ai4c.kit.Ai4cException;
import java.util.Locale;

/**
 * The processing baseline of a Sentinel-2 product ({@code PROCESSING_BASELINE}, e.g. {@code 02.14},
 * {@code 04.00}, {@code 05.09}). From baseline 04.00 on (products from 25 January 2022), the
 * digital numbers carry a radiometric offset ({@code RADIO_ADD_OFFSET} for L1C,
 * {@code BOA_ADD_OFFSET} for L2A) so that reflectance = (DN + offset) / quantification; older
 * baselines have no offset. The decision is made on this value, never on dates. Immutable.
 *
 * @param major the part before the dot
 * @param minor the part after the dot
 */
public record ProcessingBaseline(int major, int minor) implements Comparable<ProcessingBaseline> {

    /** The first baseline with radiometric offsets. */
    public static final ProcessingBaseline OFFSET_INTRODUCED = new ProcessingBaseline(4, 0);

    /**
     * Parses {@code 04.00}, {@code 4.0}, {@code N0400} or {@code 0400}.
     *
     * @param where the file the text comes from, for the message
     * @throws Ai4cException when the text is not a baseline
     */
    public static ProcessingBaseline parse(String text, String where) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.startsWith("N")) t = t.substring(1);
        try {
            if (t.contains(".")) {
                String[] p = t.split("\\.");
                return new ProcessingBaseline(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
            }
            if (t.matches("\\d{4}")) {
                return new ProcessingBaseline(Integer.parseInt(t.substring(0, 2)), Integer.parseInt(t.substring(2)));
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // reported below
        }
        throw new Ai4cException(where + ": PROCESSING_BASELINE \"" + text + "\" is not of the form NN.NN; the product"
                + " metadata is damaged.");
    }

    /** True from baseline 04.00 on: the DNs carry the additive offset of the metadata. */
    public boolean hasRadiometricOffset() {
        return compareTo(OFFSET_INTRODUCED) >= 0;
    }

    @Override
    public int compareTo(ProcessingBaseline o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%02d.%02d", major, minor);
    }
}
