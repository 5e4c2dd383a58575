package eu.ai4c.kit.io.geotiff.write;

import eu.ai4c.kit.io.geotiff.TiffTags;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Metadata;
import java.util.List;
import java.util.Map;

/**
 * GDAL's private tags: GDAL_NODATA (42113, the no-data value as ASCII text) and GDAL_METADATA
 * (42112, an XML list of {@code <Item>}s: band descriptions with role "description", units with
 * role "unittype", band and dataset metadata items). Stateless.
 */
public final class GdalTags {

    private GdalTags() {
    }

    /** The GDAL_NODATA field for a no-data value of the file's sample type. */
    public static TiffField noData(double value, DataType type) {
        return TiffField.ascii(TiffTags.GDAL_NODATA, noDataText(value, type));
    }

    /** The text GDAL parses back to {@code value}: "nan", an integer, or the shortest decimal form. */
    static String noDataText(double value, DataType type) {
        if (Double.isNaN(value)) return "nan";
        if (Double.isInfinite(value)) return value > 0 ? "inf" : "-inf";
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return Long.toString((long) value);
        if (type == DataType.FLOAT32 || type == DataType.CFLOAT32) return Float.toString((float) value);
        return Double.toString(value);
    }

    /**
     * The GDAL_METADATA field: per band (sample index from 0) its name as description, its unit and
     * its free-text description as item {@code long_name}; the product name and the root
     * attributes of its metadata tree as dataset items.
     */
    public static TiffField metadata(String productName, Metadata metadata, List<Band> bands) {
        StringBuilder xml = new StringBuilder("<GDALMetadata>\n");
        if (productName != null && !productName.isEmpty()) item(xml, "PRODUCT_NAME", -1, null, productName);
        if (metadata != null) {
            for (Map.Entry<String, String> e : metadata.attributes().entrySet()) {
                if (e.getKey().matches("[A-Za-z_][A-Za-z0-9_.-]*")) item(xml, e.getKey(), -1, null, e.getValue());
            }
        }
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            item(xml, "DESCRIPTION", i, "description", b.name());
            if (!b.unit().isEmpty()) item(xml, "UNITTYPE", i, "unittype", b.unit());
            if (!b.description().isEmpty()) item(xml, "long_name", i, null, b.description());
        }
        xml.append("</GDALMetadata>");
        return TiffField.ascii(TiffTags.GDAL_METADATA, xml.toString());
    }

    private static void item(StringBuilder xml, String name, int sample, String role, String value) {
        xml.append("  <Item name=\"").append(escape(name)).append('"');
        if (sample >= 0) xml.append(" sample=\"").append(sample).append('"');
        if (role != null) xml.append(" role=\"").append(role).append('"');
        xml.append('>').append(escape(value)).append("</Item>\n");
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
