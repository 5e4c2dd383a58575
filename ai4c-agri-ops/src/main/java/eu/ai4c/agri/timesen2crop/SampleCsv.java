package eu.ai4c.agri.timesen2crop;

import eu.ai4c.kit.Ai4cException;
import java.nio.file.Path;

/**
 * Parses one TimeSen2Crop sample file (bytes of ASCII text) into its rows of 9 band values and a
 * pixel condition, without a String per value: the dataset has over a million such files.
 * Fields are separated by commas, semicolons or whitespace, with spaces around them; an optional
 * header row (first non-empty line whose first field is not a number) is skipped. Integers take a
 * fast path; other numbers go through {@link Float#parseFloat}. Errors name the file, the line,
 * the problem and the fix. Stateless and thread-safe.
 */
final class SampleCsv {
    private static final int COLUMNS = TimeSen2CropReader.COLUMNS;

    private SampleCsv() {
    }

    /**
     * Parses {@code text} (of {@code file}) into sample {@code i} of {@code values}/{@code conditions},
     * expecting exactly {@code ts} data rows.
     */
    static void parse(byte[] text, Path file, int ts, float[] values, byte[] conditions, int i) {
        int bands = COLUMNS - 1;
        int vBase = i * ts * bands;
        int[] start = new int[COLUMNS + 1], end = new int[COLUMNS + 1];
        int row = 0, lineNo = 0, pos = 0, n = text.length;
        boolean first = true;
        while (pos < n) {
            int eol = pos;
            while (eol < n && text[eol] != '\n') eol++;
            lineNo++;
            int fields = fields(text, pos, eol, start, end);
            int next = eol + 1;
            if (fields == 0) {
                pos = next;
                continue;
            }
            if (first) {
                first = false;
                if (Float.isNaN(number(text, start[0], end[0]))) { // header row, e.g. B2,B3,…,B12,condition
                    pos = next;
                    continue;
                }
            }
            if (fields != COLUMNS) {
                throw new Ai4cException(file + ", line " + lineNo + ": " + (fields > COLUMNS ? "more than " + COLUMNS
                        : String.valueOf(fields)) + " columns, expected " + COLUMNS
                        + " (B2, B3, B4, B5, B6, B7, B8A, B11, B12, pixel condition). Fix the row.");
            }
            if (row >= ts) {
                throw new Ai4cException(file + ": more rows than the " + ts + " dates of "
                        + TimeSen2CropReader.DATES_FILE + " (line " + lineNo
                        + "). Each sample needs exactly one row per acquisition date.");
            }
            int o = vBase + row * bands;
            for (int c = 0; c < bands; c++) values[o + c] = checked(text, start[c], end[c], file, lineNo, c);
            float cond = checked(text, start[bands], end[bands], file, lineNo, bands);
            if (cond != 0 && cond != 1 && cond != 2 && cond != 3) {
                throw new Ai4cException(file + ", line " + lineNo + ": pixel condition \""
                        + new String(text, start[bands], end[bands] - start[bands])
                        + "\" is not one of 0 (clear), 1 (cloud), 2 (shadow), 3 (snow). Fix the last column.");
            }
            conditions[i * ts + row] = (byte) cond;
            row++;
            pos = next;
        }
        if (row != ts) {
            throw new Ai4cException(file + ": " + row + " data rows but " + TimeSen2CropReader.DATES_FILE
                    + " of the tile lists " + ts + " dates. Each sample needs exactly one row per acquisition date;"
                    + " check that the sample belongs to this tile.");
        }
    }

    /** Splits text[from, to) into at most COLUMNS + 1 fields; returns their count (COLUMNS + 1 = too many). */
    private static int fields(byte[] text, int from, int to, int[] start, int[] end) {
        int count = 0, p = from;
        while (p < to && isSpace(text[p])) p++;
        if (p >= to) return 0;
        while (true) {
            int s = p;
            while (p < to && !isSpace(text[p]) && text[p] != ',' && text[p] != ';') p++;
            if (count == start.length) return count;
            start[count] = s;
            end[count] = p;
            count++;
            while (p < to && isSpace(text[p])) p++;
            if (p >= to) return count;
            if (text[p] == ',' || text[p] == ';') {
                p++;
                while (p < to && isSpace(text[p])) p++;
                if (p >= to) { // trailing separator: an empty last field
                    if (count == start.length) return count;
                    start[count] = p;
                    end[count] = p;
                    return count + 1;
                }
            }
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    private static float checked(byte[] text, int s, int e, Path file, int lineNo, int column) {
        float v = number(text, s, e);
        if (Float.isNaN(v)) {
            String col = column < TimeSen2CropReader.BANDS.size() ? TimeSen2CropReader.BANDS.get(column) : "pixel condition";
            throw new Ai4cException(file + ", line " + lineNo + ": " + col + " value \"" + new String(text, s, e - s)
                    + "\" is not a number. Fix the value (reflectance × 10000, or condition 0-3).");
        }
        return v;
    }

    /** The number in text[s, e), or NaN when it is not one. */
    private static float number(byte[] text, int s, int e) {
        if (s >= e) return Float.NaN;
        int p = s;
        boolean negative = text[p] == '-';
        if (negative || text[p] == '+') p++;
        if (p < e && e - p <= 9) {
            int v = 0;
            int q = p;
            while (q < e && text[q] >= '0' && text[q] <= '9') v = v * 10 + (text[q++] - '0');
            if (q == e) return negative ? -v : v; // the usual case: an integer
        }
        String token = new String(text, s, e - s);
        if (token.equalsIgnoreCase("nan") || token.toLowerCase(java.util.Locale.ROOT).contains("infinity")) return Float.NaN;
        try {
            return Float.parseFloat(token);
        } catch (NumberFormatException x) {
            return Float.NaN;
        }
    }
}
