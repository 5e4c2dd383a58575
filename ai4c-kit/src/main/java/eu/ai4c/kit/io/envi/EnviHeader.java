package eu.ai4c.kit.io.envi;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * An ENVI header ({@code .hdr}) for a band-sequential raw image: size, sample type, byte order,
 * band names, no-data ("data ignore value") and map grid ("map info" plus "coordinate system
 * string" holding the CRS WKT). Immutable; {@link #format()} writes it, {@link #parse} reads the
 * fields AI4C and GDAL use.
 *
 * <p>ENVI conventions: data type codes 1 = uint8, 2 = int16, 3 = int32, 4 = float32, 5 = float64,
 * 6 = complex float32, 12 = uint16; {@code byte order} 0 = little endian, 1 = big endian. In
 * "map info" the reference pixel (1, 1) is the upper-left <em>corner</em> of the upper-left pixel.</p>
 *
 * @param samples      columns
 * @param lines        rows
 * @param bands        bands in the file (band-sequential)
 * @param type         sample type
 * @param bigEndian    byte order of the samples
 * @param bandNames    one name per band (may be empty)
 * @param geoTransform GDAL-style north-up geotransform, or null
 * @param mapInfoName  first field of "map info" ({@code UTM}, {@code Geographic Lat/Lon}, {@code Arbitrary})
 * @param utmZone      UTM zone number (positive north, negative south) when mapInfoName is UTM, else 0
 * @param units        units field of "map info" ({@code Meters}, {@code Degrees})
 * @param crsWkt       WKT of the CRS for "coordinate system string", or null
 * @param noData       no-data value ("data ignore value"), or null
 * @param description  free text, or empty
 */
public record EnviHeader(int samples, int lines, int bands, DataType type, boolean bigEndian, List<String> bandNames,
                         double[] geoTransform, String mapInfoName, int utmZone, String units, String crsWkt,
                         Double noData, String description) {

    public EnviHeader {
        bandNames = List.copyOf(bandNames);
        description = description == null ? "" : description;
    }

    /**
     * The header of a single-band file holding {@code band}, with the map grid of {@code gc}
     * when it is a north-up {@link MapGeoCoding} ("map info" {@code UTM} for WGS 84 / UTM zones,
     * {@code Geographic Lat/Lon} for geographic CRSs, {@code Arbitrary} otherwise, plus the CRS as
     * WKT 1 in "coordinate system string").
     */
    public static EnviHeader forBand(Band band, int width, int height, GeoCoding gc, boolean bigEndian, String description) {
        double[] gt = null;
        String name = null, units = null, wkt = null;
        int zone = 0;
        if (gc instanceof MapGeoCoding map && map.isNorthUp()) {
            gt = map.geoTransform();
            wkt = wkt1(map.crs());
            if (Projections.isGeographic(map.crs())) {
                name = "Geographic Lat/Lon";
                units = "Degrees";
            } else {
                int code = Projections.epsgCode(map.crs()).orElse(0);
                if (code > 32600 && code <= 32660) zone = code - 32600;
                if (code > 32700 && code <= 32760) zone = -(code - 32700);
                name = zone != 0 ? "UTM" : "Arbitrary";
                units = "Meters";
            }
        }
        Double nd = band.hasNoData() ? band.noData() : null;
        return new EnviHeader(width, height, 1, band.type(), bigEndian, List.of(band.name()), gt, name, zone, units,
                wkt, nd, description);
    }

    /** WKT 1 of a CRS (the flavour GDAL's ENVI driver and SNAP read), see {@link eu.ai4c.kit.geo.Projections#wkt1}. */
    public static String wkt1(CoordinateReferenceSystem crs) {
        return eu.ai4c.kit.geo.Projections.wkt1(crs);
    }

    /** ENVI data type code of a sample type. */
    public static int typeCode(DataType t) {
        return switch (t) {
            case BYTE -> 1;
            case INT16 -> 2;
            case INT32 -> 3;
            case FLOAT32 -> 4;
            case FLOAT64 -> 5;
            case CFLOAT32 -> 6;
            case UINT16 -> 12;
        };
    }

    /** Sample type of an ENVI data type code. */
    public static DataType typeOf(int code) {
        return switch (code) {
            case 1 -> DataType.BYTE;
            case 2 -> DataType.INT16;
            case 3 -> DataType.INT32;
            case 4 -> DataType.FLOAT32;
            case 5 -> DataType.FLOAT64;
            case 6 -> DataType.CFLOAT32;
            case 12 -> DataType.UINT16;
            default -> throw new IllegalArgumentException("ENVI data type " + code + " is not supported "
                    + "(supported: 1, 2, 3, 4, 5, 6, 12)");
        };
    }

    /** The header text. */
    public String format() {
        StringBuilder sb = new StringBuilder("ENVI\n");
        sb.append("description = {").append(description.replace('}', ')')).append("}\n");
        sb.append("samples = ").append(samples).append('\n');
        sb.append("lines = ").append(lines).append('\n');
        sb.append("bands = ").append(bands).append('\n');
        sb.append("header offset = 0\n");
        sb.append("file type = ENVI Standard\n");
        sb.append("data type = ").append(typeCode(type)).append('\n');
        sb.append("interleave = bsq\n");
        sb.append("byte order = ").append(bigEndian ? 1 : 0).append('\n');
        if (!bandNames.isEmpty()) {
            sb.append("band names = { ").append(String.join(", ", bandNames)).append(" }\n");
        }
        if (geoTransform != null) {
            double[] g = geoTransform;
            sb.append("map info = {").append(mapInfoName).append(", 1.0, 1.0, ").append(num(g[0])).append(", ")
                    .append(num(g[3])).append(", ").append(num(g[1])).append(", ").append(num(-g[5]));
            if ("UTM".equals(mapInfoName)) {
                sb.append(", ").append(Math.abs(utmZone)).append(", ").append(utmZone >= 0 ? "North" : "South");
            }
            if (!"Arbitrary".equals(mapInfoName)) sb.append(", WGS-84");
            sb.append(", units=").append(units).append("}\n");
        }
        if (crsWkt != null) {
            sb.append("coordinate system string = {").append(crsWkt.replace('\n', ' ').replaceAll(" +", " ")).append("}\n");
        }
        if (noData != null) {
            sb.append("data ignore value = ").append(num(noData)).append('\n');
        }
        return sb.toString();
    }

    private static String num(double v) {
        if (Double.isNaN(v)) return "NaN";
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.1f", v) : Double.toString(v);
    }

    /**
     * Parses a header. Unknown keys are ignored; "map info" yields a north-up geotransform
     * (rotation is not supported), "coordinate system string" the WKT.
     *
     * @param text   the header text
     * @param source file name for messages
     * @throws Ai4cException when the text is not an ENVI header or misses samples/lines/data type
     */
    public static EnviHeader parse(String text, String source) {
        if (!text.startsWith("ENVI")) {
            throw new Ai4cException(source + " is not an ENVI header (it does not start with \"ENVI\").");
        }
        Map<String, String> kv = fields(text);
        try {
            int samples = Integer.parseInt(req(kv, "samples", source));
            int lines = Integer.parseInt(req(kv, "lines", source));
            int bands = Integer.parseInt(kv.getOrDefault("bands", "1"));
            DataType type = typeOf(Integer.parseInt(req(kv, "data type", source)));
            boolean big = "1".equals(kv.getOrDefault("byte order", "0"));
            String il = kv.getOrDefault("interleave", "bsq").toLowerCase(Locale.ROOT);
            if (!il.equals("bsq") && bands > 1) {
                throw new Ai4cException(source + ": interleave " + il + " is not supported; only bsq.");
            }
            int offset = Integer.parseInt(kv.getOrDefault("header offset", "0"));
            if (offset != 0) throw new Ai4cException(source + ": header offset " + offset + " is not supported.");
            List<String> names = new ArrayList<>();
            String bn = kv.get("band names");
            if (bn != null) for (String s : strip(bn).split(",")) if (!s.isBlank()) names.add(s.trim());
            double[] gt = null;
            String mapName = null, units = null;
            int zone = 0;
            String mi = kv.get("map info");
            if (mi != null) {
                String[] f = strip(mi).split(",");
                mapName = f[0].trim();
                double refX = Double.parseDouble(f[1].trim()), refY = Double.parseDouble(f[2].trim());
                double e = Double.parseDouble(f[3].trim()), n = Double.parseDouble(f[4].trim());
                double dx = Double.parseDouble(f[5].trim()), dy = Double.parseDouble(f[6].trim());
                gt = new double[] {e - (refX - 1) * dx, dx, 0, n + (refY - 1) * dy, 0, -dy};
                if (mapName.equalsIgnoreCase("UTM") && f.length > 8) {
                    zone = Integer.parseInt(f[7].trim()) * (f[8].trim().equalsIgnoreCase("South") ? -1 : 1);
                }
                for (String s : f) if (s.trim().startsWith("units=")) units = s.trim().substring(6);
            }
            String css = kv.get("coordinate system string");
            Double nd = kv.containsKey("data ignore value") ? Double.valueOf(kv.get("data ignore value").trim()) : null;
            String desc = kv.containsKey("description") ? strip(kv.get("description")) : "";
            return new EnviHeader(samples, lines, bands, type, big, names, gt, mapName, zone, units,
                    css == null ? null : strip(css), nd, desc);
        } catch (NumberFormatException e) {
            throw new Ai4cException(source + ": malformed number in ENVI header (" + e.getMessage() + ").", e);
        }
    }

    /** key = value pairs; values in braces may span lines. Keys are lower-cased. */
    private static Map<String, String> fields(String text) {
        Map<String, String> kv = new LinkedHashMap<>();
        int i = text.indexOf('\n') + 1;
        while (i > 0 && i < text.length()) {
            int eq = text.indexOf('=', i), nl = text.indexOf('\n', i);
            if (nl < 0) nl = text.length();
            if (eq < 0 || eq > nl) {
                i = nl + 1;
                continue;
            }
            String key = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            int v = eq + 1;
            while (v < text.length() && text.charAt(v) == ' ') v++;
            int end = nl;
            if (v < text.length() && text.charAt(v) == '{') {
                int depth = 0;
                for (end = v; end < text.length(); end++) {
                    char c = text.charAt(end);
                    if (c == '{') depth++;
                    else if (c == '}' && --depth == 0) break;
                }
                end = Math.min(end + 1, text.length());
            }
            kv.put(key, text.substring(v, end).trim());
            int next = text.indexOf('\n', end);
            i = next < 0 ? text.length() : next + 1;
        }
        return kv;
    }

    private static String strip(String braced) {
        String s = braced.trim();
        if (s.startsWith("{")) s = s.substring(1);
        if (s.endsWith("}")) s = s.substring(0, s.length() - 1);
        return s.trim();
    }

    private static String req(Map<String, String> kv, String key, String source) {
        String v = kv.get(key);
        if (v == null) throw new Ai4cException(source + ": the ENVI header has no \"" + key + "\" field.");
        return v.trim();
    }
}
