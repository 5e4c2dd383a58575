package eu.ai4c.agri.composite;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The acquisition date and Sentinel-2 tile read from an input file name of {@code monthlycomposite}.
 *
 * <h2>Naming rule</h2>
 * <ul>
 * <li><b>Date</b>: the first calendar date in the name, written {@code YYYYMMDD} (also as the
 * start of a Sentinel-2 time stamp {@code YYYYMMDDThhmmss}) or {@code YYYY-MM-DD}, not part of a
 * longer run of digits. In a Sentinel-2 product name such as
 * {@code S2A_MSIL2A_20180105T102421_N0206_R065_T32TQR_20180105T123456_S2-preprocess.tif} (what
 * {@code S2-preprocess} writes) the first date is the sensing date, as wanted.</li>
 * <li><b>Tile</b>: an MGRS tile id {@code T} + 2 digits + 3 letters (e.g. {@code T32TQR}), or
 * the bare 5-character id ({@code 32TQR}) between separators; optional.</li>
 * </ul>
 * Examples: {@code T32TQR_20180105_REFBOA.tif}, {@code LAI_2018-01-05.tif},
 * {@code 20180105T102421_B.tif}. Immutable value.
 *
 * @param date the acquisition date (UTC calendar day)
 * @param tile the tile id without the leading {@code T} (e.g. {@code 32TQR}), or empty when the name has none
 */
public record AcquisitionName(LocalDate date, String tile) {
    private static final Pattern DATE = Pattern.compile("(?<![0-9])(\\d{4})-?(\\d{2})-?(\\d{2})(?![0-9])|"
            + "(?<![0-9])(\\d{4})(\\d{2})(\\d{2})(?=T\\d{6})");
    private static final Pattern TILE = Pattern.compile("(?<![A-Za-z0-9])T?(\\d{2}[A-Za-z]{3})(?![A-Za-z0-9])");

    /**
     * Parses a file name (or any text such as a product name).
     *
     * @return the date and tile, or empty when the name holds no valid date
     */
    public static Optional<AcquisitionName> parse(String name) {
        Matcher m = DATE.matcher(name);
        LocalDate date = null;
        while (m.find() && date == null) {
            int g = m.group(1) != null ? 1 : 4;
            try {
                date = LocalDate.of(Integer.parseInt(m.group(g)), Integer.parseInt(m.group(g + 1)),
                        Integer.parseInt(m.group(g + 2)));
            } catch (DateTimeException e) {
                // digits that are not a calendar date (e.g. an orbit number): keep looking
            }
        }
        if (date == null) return Optional.empty();
        Matcher t = TILE.matcher(name.replace('.', '_'));
        String tile = t.find() ? t.group(1).toUpperCase(Locale.ROOT) : "";
        return Optional.of(new AcquisitionName(date, tile));
    }

    /** A tile id as given by the user ({@code T32TQR} or {@code 32TQR}) in the form of {@link #tile()}. */
    public static String normaliseTile(String tile) {
        String t = tile.trim().toUpperCase(Locale.ROOT);
        return t.length() == 6 && t.charAt(0) == 'T' ? t.substring(1) : t;
    }
}
