package eu.ai4c.s2.synthetic;

import eu.ai4c.kit.io.FileDigests;
import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.safe.S2Level;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The metadata XML of a synthetic SAFE product, with the element names and nesting of the real
 * PSD 14 files ({@code MTD_MSIL1C.xml}/{@code MTD_MSIL2A.xml}, {@code MTD_TL.xml}), holding
 * only what readers use. Stateless.
 */
final class SafeXml {
    private static final String PSD = "https://psd-14.sentinel2.eo.esa.int/PSD/";

    private SafeXml() {
    }

    /** The product metadata. */
    static String product(SyntheticS2Product p, List<String> imageFiles) {
        boolean l2a = p.level() == S2Level.L2A;
        StringBuilder sb = new StringBuilder();
        String root = l2a ? "Level-2A_User_Product" : "Level-1C_User_Product";
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<n1:").append(root).append(" xmlns:n1=\"").append(PSD)
                .append(l2a ? "User_Product_Level-2A.xsd" : "User_Product_Level-1C.xsd").append("\">\n");
        sb.append("  <n1:General_Info>\n    <Product_Info>\n");
        el(sb, 6, "PRODUCT_START_TIME", p.sensingTimeIso());
        el(sb, 6, "PRODUCT_URI", p.safeName());
        el(sb, 6, "PROCESSING_LEVEL", l2a ? "Level-2A" : "Level-1C");
        el(sb, 6, "PRODUCT_TYPE", l2a ? "S2MSI2A" : "S2MSI1C");
        el(sb, 6, "PROCESSING_BASELINE", p.baseline().toString());
        sb.append("      <Datatake datatakeIdentifier=\"GS2A_").append(p.sensingTimeCompact()).append("_N")
                .append(p.baseline()).append("\">\n");
        el(sb, 8, "SPACECRAFT_NAME", "Sentinel-2A");
        sb.append("      </Datatake>\n      <Query_Options completeSingleTile=\"true\">\n");
        el(sb, 8, "PRODUCT_FORMAT", "SAFE_COMPACT");
        sb.append("      </Query_Options>\n      <Product_Organisation>\n        <Granule_List>\n")
                .append("          <Granule granuleIdentifier=\"").append(p.granuleName()).append("\" imageFormat=\"").append(p.imageFormat()).append("\">\n");
        for (String f : imageFiles) el(sb, 12, "IMAGE_FILE", f);
        sb.append("          </Granule>\n        </Granule_List>\n      </Product_Organisation>\n    </Product_Info>\n");
        sb.append("    <Product_Image_Characteristics>\n");
        special(sb, "NODATA", 0);
        special(sb, "SATURATED", 65535);
        if (l2a) {
            sb.append("      <QUANTIFICATION_VALUES_LIST>\n");
            sb.append("        <BOA_QUANTIFICATION_VALUE unit=\"none\">").append(fmt(p.quantification()))
                    .append("</BOA_QUANTIFICATION_VALUE>\n");
            sb.append("        <AOT_QUANTIFICATION_VALUE unit=\"none\">1000.0</AOT_QUANTIFICATION_VALUE>\n");
            sb.append("      </QUANTIFICATION_VALUES_LIST>\n");
        } else {
            sb.append("      <QUANTIFICATION_VALUE unit=\"none\">").append(fmt(p.quantification())).append("</QUANTIFICATION_VALUE>\n");
        }
        if (p.baseline().hasRadiometricOffset()) {
            String list = l2a ? "BOA_ADD_OFFSET_VALUES_LIST" : "Radiometric_Offset_List";
            String item = l2a ? "BOA_ADD_OFFSET" : "RADIO_ADD_OFFSET";
            sb.append("      <").append(list).append(">\n");
            for (S2Band b : S2Band.values()) {
                sb.append("        <").append(item).append(" band_id=\"").append(b.bandId()).append("\">")
                        .append(fmt(p.offset())).append("</").append(item).append(">\n");
            }
            sb.append("      </").append(list).append(">\n");
        }
        sb.append("      <Spectral_Information_List>\n");
        for (S2Band b : S2Band.values()) {
            sb.append("        <Spectral_Information bandId=\"").append(b.bandId()).append("\" physicalBand=\"")
                    .append(b.name()).append("\">\n");
            el(sb, 10, "RESOLUTION", String.valueOf(b.nativeResolution()));
            sb.append("        </Spectral_Information>\n");
        }
        sb.append("      </Spectral_Information_List>\n    </Product_Image_Characteristics>\n  </n1:General_Info>\n");
        double[] fp = p.footprint();
        if (fp != null) {
            // PSD 14: latitude before longitude, the ring closed by repeating its first point
            StringBuilder pos = new StringBuilder();
            for (int i = 0; i <= fp.length; i += 2) {
                int k = i % fp.length;
                pos.append(fp[k + 1]).append(' ').append(fp[k]).append(' ');
            }
            sb.append("  <n1:Geometric_Info>\n    <Product_Footprint>\n      <Product_Footprint>\n")
                    .append("        <Global_Footprint>\n");
            el(sb, 10, "EXT_POS_LIST", pos.toString());
            sb.append("        </Global_Footprint>\n      </Product_Footprint>\n    </Product_Footprint>\n")
                    .append("  </n1:Geometric_Info>\n");
        }
        sb.append("</n1:").append(root).append(">\n");
        return sb.toString();
    }

    /** The tile metadata; {@code masks} are (type, path) pairs. */
    static String tile(SyntheticS2Product p, List<String[]> masks) {
        boolean l2a = p.level() == S2Level.L2A;
        String root = l2a ? "Level-2A_Tile_ID" : "Level-1C_Tile_ID";
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<n1:").append(root).append(" xmlns:n1=\"").append(PSD)
                .append(l2a ? "S2_PDI_Level-2A_Tile_Metadata.xsd" : "S2_PDI_Level-1C_Tile_Metadata.xsd").append("\">\n");
        sb.append("  <n1:General_Info>\n");
        el(sb, 4, "TILE_ID", "S2A_OPER_MSI_" + (l2a ? "L2A" : "L1C") + "_TL_SYNT_" + p.sensingTimeCompact() + "_A000001_"
                + p.tile() + "_N" + p.baseline());
        el(sb, 4, "SENSING_TIME", p.sensingTimeIso());
        sb.append("  </n1:General_Info>\n  <n1:Geometric_Info>\n    <Tile_Geocoding>\n");
        el(sb, 6, "HORIZONTAL_CS_NAME", "WGS84 / UTM zone " + (p.epsg() % 100) + (p.epsg() / 100 == 326 ? "N" : "S"));
        el(sb, 6, "HORIZONTAL_CS_CODE", "EPSG:" + p.epsg());
        for (int res : new int[] {10, 20, 60}) {
            sb.append("      <Size resolution=\"").append(res).append("\">\n");
            el(sb, 8, "NROWS", String.valueOf(p.size(res)));
            el(sb, 8, "NCOLS", String.valueOf(p.size(res)));
            sb.append("      </Size>\n");
        }
        for (int res : new int[] {10, 20, 60}) {
            sb.append("      <Geoposition resolution=\"").append(res).append("\">\n");
            el(sb, 8, "ULX", fmt(p.ulx()));
            el(sb, 8, "ULY", fmt(p.uly()));
            el(sb, 8, "XDIM", String.valueOf(res));
            el(sb, 8, "YDIM", String.valueOf(-res));
            sb.append("      </Geoposition>\n");
        }
        sb.append("    </Tile_Geocoding>\n  </n1:Geometric_Info>\n  <n1:Quality_Indicators_Info>\n");
        sb.append("    <Image_Content_QI>\n");
        el(sb, 6, "CLOUDY_PIXEL_PERCENTAGE", "0.0");
        sb.append("    </Image_Content_QI>\n    <Pixel_Level_QI geometry=\"FULL_RESOLUTION\">\n");
        for (String[] m : masks) {
            sb.append("      <MASK_FILENAME type=\"").append(m[0]).append("\">").append(m[1]).append("</MASK_FILENAME>\n");
        }
        sb.append("    </Pixel_Level_QI>\n  </n1:Quality_Indicators_Info>\n</n1:").append(root).append(">\n");
        return sb.toString();
    }

    /** A GML cloud mask (pre-04.00 L1C) of axis-aligned rectangles {x0, y0, x1, y1} in metres. */
    static String gmlClouds(int epsg, List<double[]> opaque, List<double[]> cirrus) {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<eop:Mask xmlns:eop=\"http://www.opengis.net/eop/2.0\" ")
                .append("xmlns:gml=\"http://www.opengis.net/gml/3.2\" gml:id=\"MSK_CLOUDS\">\n  <eop:maskMembers>\n");
        int id = 0;
        for (int t = 0; t < 2; t++) {
            for (double[] r : t == 0 ? opaque : cirrus) {
                String type = t == 0 ? "OPAQUE" : "CIRRUS";
                sb.append("    <eop:MaskFeature gml:id=\"").append(type).append('.').append(id++).append("\">\n")
                        .append("      <eop:maskType codeSpace=\"urn:gs2:S2PDGS:maskType\">").append(type).append("</eop:maskType>\n")
                        .append("      <eop:extentOf><gml:Polygon srsName=\"urn:ogc:def:crs:EPSG::").append(epsg)
                        .append("\"><gml:exterior><gml:LinearRing><gml:posList srsDimension=\"2\">")
                        .append(String.format(Locale.ROOT, "%s %s %s %s %s %s %s %s %s %s", fmt(r[0]), fmt(r[3]),
                                fmt(r[2]), fmt(r[3]), fmt(r[2]), fmt(r[1]), fmt(r[0]), fmt(r[1]), fmt(r[0]), fmt(r[3])))
                        .append("</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></eop:extentOf>\n")
                        .append("    </eop:MaskFeature>\n");
            }
        }
        sb.append("  </eop:maskMembers>\n</eop:Mask>\n");
        return sb.toString();
    }

    private static void special(StringBuilder sb, String text, int index) {
        sb.append("      <Special_Values>\n");
        el(sb, 8, "SPECIAL_VALUE_TEXT", text);
        el(sb, 8, "SPECIAL_VALUE_INDEX", String.valueOf(index));
        sb.append("      </Special_Values>\n");
    }

    /**
     * {@code manifest.safe} with a {@code dataObject} for every file already in {@code safe}: its
     * {@code ./}-relative location and its checksum ({@code MD5} or {@code SHA3-256}), as ESA's.
     */
    static String manifest(Path safe, String algorithm) throws IOException {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<xfdu:XFDU xmlns:xfdu=\"urn:ccsds:schema:xfdu:1\" version=\"esa/safe/sentinel/1.1/sentinel-2/msi\">\n");
        sb.append("  <dataObjectSection>\n");
        List<Path> files;
        try (java.util.stream.Stream<Path> s = Files.walk(safe)) {
            files = s.filter(Files::isRegularFile).filter(f -> !f.equals(safe.resolve("manifest.safe"))).sorted().toList();
        }
        int id = 0;
        for (Path f : files) {
            String rel = safe.relativize(f).toString().replace('\\', '/');
            String hex;
            try (InputStream in = Files.newInputStream(f)) {
                hex = FileDigests.hex(algorithm, in);
            }
            sb.append("    <dataObject ID=\"Object_").append(id++).append("\">\n");
            sb.append("      <byteStream mimeType=\"application/octet-stream\" size=\"").append(Files.size(f))
                    .append("\">\n");
            sb.append("        <fileLocation locatorType=\"URL\" href=\"./").append(rel).append("\"/>\n");
            sb.append("        <checksum checksumName=\"").append(algorithm).append("\">").append(hex)
                    .append("</checksum>\n");
            sb.append("      </byteStream>\n    </dataObject>\n");
        }
        sb.append("  </dataObjectSection>\n</xfdu:XFDU>\n");
        return sb.toString();
    }

    private static void el(StringBuilder sb, int indent, String name, String value) {
        sb.append(" ".repeat(indent)).append('<').append(name).append('>').append(value).append("</").append(name).append(">\n");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
