package eu.ai4c.kit.io;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A delimited text table read whole (RFC 4180: fields in double quotes may hold the delimiter,
 * line breaks and doubled quotes): a header row of column names, then records. The delimiter is
 * the one of {@code , ; TAB} that occurs most often in the header line outside quotes (the JRC
 * releases have used both comma and semicolon). UTF-8, a leading byte-order mark ignored.
 * Immutable.
 *
 * @param file    the file read (for messages)
 * @param header  the column names, trimmed
 * @param rows    the records, each with as many fields as the header
 * @param lines   the line number where each record starts (1-based, the header is line 1)
 */
public record CsvTable(Path file, List<String> header, List<String[]> rows, int[] lines) {

    /**
     * Reads {@code file}.
     *
     * @throws Ai4cException naming the file and the line when it is empty, not UTF-8, has an
     *                       unclosed quote or a record with another number of fields than the header
     */
    public static CsvTable read(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw Ai4cException.usage("The CSV file " + file + " is not UTF-8 text (is it a spreadsheet or a zip?). "
                    + "Give the CSV file itself, saved as UTF-8.");
        } catch (IOException e) {
            throw Ai4cException.usage("Cannot read the CSV file " + file + ": " + e.getMessage()
                    + ". Check that it exists and is readable.");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        int eol = text.indexOf('\n');
        String first = eol < 0 ? text : text.substring(0, eol);
        char delimiter = sniff(first);
        List<String[]> records = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        parse(text, delimiter, file, records, starts);
        if (records.isEmpty() || records.get(0).length == 0 || (records.get(0).length == 1 && records.get(0)[0].isBlank())) {
            throw Ai4cException.usage("The CSV file " + file + " is empty; it needs a header row of column names.");
        }
        List<String> header = new ArrayList<>();
        for (String h : records.get(0)) header.add(h.strip());
        List<String[]> rows = new ArrayList<>();
        int[] lines = new int[records.size() - 1];
        for (int i = 1; i < records.size(); i++) {
            String[] r = records.get(i);
            if (r.length == 1 && r[0].isBlank()) continue; // blank line
            if (r.length != header.size()) {
                throw Ai4cException.usage("The CSV file " + file + ", line " + starts.get(i) + ", has " + r.length
                        + " fields but the header has " + header.size() + " (delimiter '" + delimiter + "'). Fix the line "
                        + "or quote fields that contain the delimiter.");
            }
            lines[rows.size()] = starts.get(i);
            rows.add(r);
        }
        return new CsvTable(file, List.copyOf(header), List.copyOf(rows), java.util.Arrays.copyOf(lines, rows.size()));
    }

    private static char sniff(String headerLine) {
        char best = ',';
        int bestCount = -1;
        for (char d : new char[] {',', ';', '\t'}) {
            int n = 0;
            boolean quoted = false;
            for (int i = 0; i < headerLine.length(); i++) {
                char ch = headerLine.charAt(i);
                if (ch == '"') quoted = !quoted;
                else if (ch == d && !quoted) n++;
            }
            if (n > bestCount) {
                best = d;
                bestCount = n;
            }
        }
        return best;
    }

    private static void parse(String text, char delimiter, Path file, List<String[]> out, List<Integer> starts) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') line++;
                    field.append(ch);
                }
            } else if (ch == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (ch == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                fields.add(field.toString());
                field.setLength(0);
                out.add(fields.toArray(String[]::new));
                starts.add(recordLine);
                fields.clear();
                line++;
                recordLine = line;
            } else {
                field.append(ch);
            }
            i++;
        }
        if (quoted) {
            throw Ai4cException.usage("The CSV file " + file + " has a quote opened on line " + recordLine
                    + " that is never closed. Fix the quoting of that record.");
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            out.add(fields.toArray(String[]::new));
            starts.add(recordLine);
        }
    }

    /** The index of the first of {@code names} present in the header (case-insensitive), or -1. */
    public int column(String... names) {
        for (String name : names) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) return i;
            }
        }
        return -1;
    }

    /** The names of {@code required} missing from the header (case-insensitive), in order. */
    public List<String> missing(List<String> required) {
        List<String> out = new ArrayList<>();
        for (String r : required) if (column(r) < 0) out.add(r);
        return out;
    }
}
