package eu.ai4c.kit.render;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Parses the colour tables and legends written beside class maps: a GDAL PAM sidecar
 * ({@code <file>.aux.xml}: {@code PAMRasterBand/ColorTable/Entry c1..c4} — red, green, blue,
 * alpha, in value order — and {@code CategoryNames/Category}), as S2-CD writes it, and a legend
 * CSV ({@code <name>_legend.csv}: value, name, colour, count; header optional, columns found by
 * header name, comma/semicolon/tab separated, colours as {@code #RRGGBB}, {@code #RRGGBBAA},
 * {@code 0xRRGGBB} or {@code "r,g,b[,a]"}). Pure text in, {@link ClassLegend} out. Stateless.
 */
public final class ColourTables {
    private ColourTables() {
    }

    /**
     * The colour table and category names of band {@code band} (1-based) of a PAM document.
     *
     * @param source names the file in error messages
     * @return the legend, or null when the band has no colour table
     * @throws Ai4cException when the XML cannot be parsed
     */
    public static ClassLegend parsePam(String xml, int band, Path source) {
        Document doc = parseXml(xml, source);
        NodeList bands = doc.getElementsByTagName("PAMRasterBand");
        for (int i = 0; i < bands.getLength(); i++) {
            Element b = (Element) bands.item(i);
            String number = b.getAttribute("band");
            if (!(number.isEmpty() ? "1" : number.trim()).equals(String.valueOf(band))) continue;
            NodeList tables = b.getElementsByTagName("ColorTable");
            if (tables.getLength() == 0) return null;
            NodeList entries = ((Element) tables.item(0)).getElementsByTagName("Entry");
            int n = Math.min(entries.getLength(), ClassLegend.MAX_CLASSES);
            int[] palette = new int[n];
            for (int v = 0; v < n; v++) {
                Element e = (Element) entries.item(v);
                palette[v] = component(e, "c4", 255, source) << 24 | component(e, "c1", 0, source) << 16
                        | component(e, "c2", 0, source) << 8 | component(e, "c3", 0, source);
            }
            String[] names = new String[n];
            NodeList cats = b.getElementsByTagName("Category");
            for (int v = 0; v < Math.min(n, cats.getLength()); v++) {
                String t = cats.item(v).getTextContent().trim();
                names[v] = t.isEmpty() ? null : t;
            }
            return new ClassLegend(palette, names, new long[0]);
        }
        return null;
    }

    private static int component(Element e, String name, int fallback, Path source) {
        String s = e.getAttribute(name).trim();
        if (s.isEmpty()) return fallback;
        try {
            return Math.max(0, Math.min(255, Integer.parseInt(s)));
        } catch (NumberFormatException ex) {
            throw new Ai4cException("Colour table " + source + ": entry attribute " + name + "=\"" + s
                    + "\" is not an integer 0…255; fix or delete the file.");
        }
    }

    private static Document parseXml(String xml, Path source) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new Ai4cException("Colour table " + source + " is not readable XML (" + e.getMessage()
                    + "); fix or delete the file.");
        }
    }

    /**
     * A legend CSV. Rows whose value is not an integer 0…65535 are skipped (a header, comments);
     * a row without a colour gets a colour of a fixed palette so that it stays visible.
     *
     * @param source names the file in error messages
     * @throws Ai4cException when no row has a class value
     */
    public static ClassLegend parseLegendCsv(List<String> lines, Path source) {
        int iValue = 0, iName = 1, iColour = 2, iCount = 3;
        List<String[]> rows = new ArrayList<>();
        boolean first = true;
        for (String line : lines) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") && !t.matches("#[0-9a-fA-F]{6}.*")) continue;
            String[] f = split(t);
            if (first && parseValue(f[0]) < 0) {
                int[] cols = headerColumns(f);
                if (cols != null) {
                    iValue = cols[0];
                    iName = cols[1];
                    iColour = cols[2];
                    iCount = cols[3];
                }
                first = false;
                continue;
            }
            first = false;
            rows.add(f);
        }
        int max = -1;
        for (String[] r : rows) max = Math.max(max, parseValue(field(r, iValue)));
        if (max < 0) {
            throw new Ai4cException("Legend " + source + " has no row with a class value (an integer 0…65535 in the "
                    + "first column, or a column named id/value/class); fix the file or delete it.");
        }
        int[] palette = new int[max + 1];
        String[] names = new String[max + 1];
        long[] counts = new long[max + 1];
        Arrays.fill(counts, -1);
        for (String[] r : rows) {
            int v = parseValue(field(r, iValue));
            if (v < 0) continue;
            String name = field(r, iName);
            names[v] = name == null || name.isBlank() ? "class " + v : name.strip();
            Integer c = parseColour(field(r, iColour));
            palette[v] = c != null ? c : DistinctColours.argb(v);
            counts[v] = parseCount(field(r, iCount));
        }
        return new ClassLegend(palette, names, counts);
    }


    /** {value, name, colour, count} column indexes from a header row, or null if it names no value column. */
    private static int[] headerColumns(String[] header) {
        int[] cols = {-1, -1, -1, -1};
        for (int i = 0; i < header.length; i++) {
            String h = header[i].strip().toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
            if (cols[0] < 0 && (h.equals("id") || h.equals("value") || h.equals("class") || h.equals("classid")
                    || h.equals("code"))) cols[0] = i;
            else if (cols[1] < 0 && (h.equals("name") || h.equals("classname") || h.equals("label")
                    || h.equals("description") || h.equals("crop"))) cols[1] = i;
            else if (cols[2] < 0 && (h.startsWith("colo") || h.equals("rgb") || h.equals("hex"))) cols[2] = i;
            else if (cols[3] < 0 && (h.equals("count") || h.equals("pixels") || h.equals("n") || h.equals("area"))) cols[3] = i;
        }
        return cols[0] < 0 ? null : cols;
    }

    private static String field(String[] row, int i) {
        return i >= 0 && i < row.length ? row[i] : null;
    }

    private static int parseValue(String s) {
        if (s == null) return -1;
        try {
            int v = Integer.parseInt(s.strip());
            return v >= 0 && v < ClassLegend.MAX_CLASSES ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long parseCount(String s) {
        if (s == null || s.isBlank()) return -1;
        try {
            return Math.max(-1, Math.round(Double.parseDouble(s.strip())));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** ARGB of a colour text, or null when it is not one of the accepted forms. */
    static Integer parseColour(String s) {
        if (s == null) return null;
        String t = s.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) return null;
        try {
            String hex = t.startsWith("#") ? t.substring(1) : t.startsWith("0x") ? t.substring(2) : null;
            if (hex != null && hex.length() == 6) return 0xFF000000 | Integer.parseInt(hex, 16);
            if (hex != null && hex.length() == 8) {
                long v = Long.parseLong(hex, 16); // #RRGGBBAA, as in CSS
                return (int) ((v & 0xFF) << 24 | v >>> 8);
            }
            String[] p = t.replaceAll("^rgba?\\(|\\)$", "").split("[\\s,;/:]+");
            if (p.length == 3 || p.length == 4) {
                int a = p.length == 4 ? comp(p[3]) : 255;
                return a << 24 | comp(p[0]) << 16 | comp(p[1]) << 8 | comp(p[2]);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static int comp(String s) {
        int v = Integer.parseInt(s);
        if (v < 0 || v > 255) throw new NumberFormatException(s);
        return v;
    }

    /** Splits a CSV line on the first of , ; tab found outside quotes; quotes removed. */
    static String[] split(String line) {
        char sep = ',';
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == ',' || c == ';' || c == '\t')) {
                sep = c;
                break;
            }
        }
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == sep && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out.toArray(String[]::new);
    }
}
