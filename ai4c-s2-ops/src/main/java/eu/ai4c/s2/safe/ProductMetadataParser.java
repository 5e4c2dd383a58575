package eu.ai4c.s2.safe;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Parses the product metadata of a Sentinel-2 SAFE product: {@code MTD_MSIL1C.xml} /
 * {@code MTD_MSIL2A.xml} (compact naming, 2016 on, PSD 14) and the pre-2016 {@code S2A_OPER_MTD_SAFL1C_…xml}
 * (which use {@code IMAGE_ID} instead of {@code IMAGE_FILE}). Stateless.
 */
public final class ProductMetadataParser {

    private ProductMetadataParser() {
    }

    /**
     * @param in    the XML
     * @param where the file name, for messages
     * @throws Ai4cException when required elements are missing or malformed, naming file and element
     */
    public static ProductMetadata parse(InputStream in, String where) throws IOException {
        Element root = Xml.parse(in, where);
        S2Level level = level(root, where);
        ProcessingBaseline baseline = ProcessingBaseline.parse(Xml.required(root, "PROCESSING_BASELINE", where), where);
        String quantElement = level == S2Level.L2A ? "BOA_QUANTIFICATION_VALUE" : "QUANTIFICATION_VALUE";
        String q = Xml.text(root, quantElement)
                .or(() -> Xml.text(root, "L2A_BOA_QUANTIFICATION_VALUE"))
                .orElseThrow(() -> new Ai4cException(where + " has no " + quantElement
                        + " element: the reflectance scaling is unknown; the metadata is incomplete."));
        double quantification = Xml.number(q, quantElement, where);
        if (!(quantification > 0)) {
            throw new Ai4cException(where + ": " + quantElement + " is " + q + "; it must be positive.");
        }
        double[] offsets = new double[13];
        String offsetElement = level == S2Level.L2A ? "BOA_ADD_OFFSET" : "RADIO_ADD_OFFSET";
        List<Element> offsetElements = Xml.all(root, offsetElement);
        for (Element e : offsetElements) {
            int id = bandId(e.getAttribute("band_id"), offsetElement, where);
            offsets[id] = Xml.number(e.getTextContent(), offsetElement, where);
        }
        if (baseline.hasRadiometricOffset() && offsetElements.isEmpty()) {
            throw new Ai4cException(where + ": processing baseline " + baseline + " applies a radiometric offset but the "
                    + "metadata has no " + offsetElement + " elements; the metadata is incomplete.");
        }
        int noData = 0, saturated = 65535;
        for (Element sv : Xml.all(root, "Special_Values")) {
            String text = Xml.text(sv, "SPECIAL_VALUE_TEXT").orElse("");
            int index = (int) Xml.number(Xml.text(sv, "SPECIAL_VALUE_INDEX").orElse("NaN"), "SPECIAL_VALUE_INDEX", where);
            if (text.equals("NODATA")) noData = index;
            else if (text.equals("SATURATED")) saturated = index;
        }
        Map<S2Band, Integer> resolutions = new EnumMap<>(S2Band.class);
        for (Element si : Xml.all(root, "Spectral_Information")) {
            S2Band band = S2Band.parseOrNull(si.getAttribute("physicalBand"));
            if (band == null) band = S2Band.ofBandId(bandId(si.getAttribute("bandId"), "Spectral_Information", where));
            int res = Xml.text(si, "RESOLUTION").map(t -> (int) Xml.number(t, "RESOLUTION", where))
                    .orElse(band.nativeResolution());
            resolutions.put(band, res);
        }
        List<String> files = new ArrayList<>();
        String format = "JPEG2000";
        for (Element g : Xml.all(root, "Granule").isEmpty() ? Xml.all(root, "Granules") : Xml.all(root, "Granule")) {
            if (!g.getAttribute("imageFormat").isEmpty()) format = g.getAttribute("imageFormat");
            for (Element f : Xml.children(g, "IMAGE_FILE")) files.add(f.getTextContent().trim());
            for (Element f : Xml.children(g, "IMAGE_ID")) files.add(f.getTextContent().trim());
        }
        return new ProductMetadata(level, Xml.text(root, "PRODUCT_URI").orElse(""), baseline,
                Xml.text(root, "SPACECRAFT_NAME").orElse(""), Xml.text(root, "PRODUCT_START_TIME").orElse(""),
                quantification, offsets, noData, saturated, resolutions, files, format, footprint(root));
    }

    /**
     * The rings of {@code Global_Footprint/EXT_POS_LIST} ({@code lat lon lat lon …}, PSD 14), as
     * {@code lon, lat} pairs. The footprint only shows where the product lies (processing never uses
     * it), so a list that is not pairs of at least 3 points on the globe is left out rather than
     * making the product unreadable: the product then has no footprint and is shown by its tile grid.
     */
    private static List<double[]> footprint(Element root) {
        List<double[]> rings = new ArrayList<>();
        for (Element g : Xml.all(root, "Global_Footprint")) {
            for (Element list : Xml.children(g, "EXT_POS_LIST")) {
                String[] t = list.getTextContent().trim().split("\\s+");
                if (t.length % 2 != 0 || t.length < 6) continue;
                double[] ring = new double[t.length];
                boolean onTheGlobe = true;
                for (int i = 0; i < t.length && onTheGlobe; i += 2) {
                    try {
                        ring[i] = Double.parseDouble(t[i + 1]);
                        ring[i + 1] = Double.parseDouble(t[i]);
                    } catch (NumberFormatException e) {
                        onTheGlobe = false;
                    }
                    onTheGlobe &= Math.abs(ring[i]) <= 180 && Math.abs(ring[i + 1]) <= 90;
                }
                if (onTheGlobe) rings.add(ring);
            }
        }
        return rings;
    }

    private static S2Level level(Element root, String where) {
        String rootName = Xml.name(root);
        if (rootName.startsWith("Level-2A")) return S2Level.L2A;
        if (rootName.startsWith("Level-1C")) return S2Level.L1C;
        String type = Xml.text(root, "PRODUCT_TYPE").orElse("");
        if (type.contains("2A")) return S2Level.L2A;
        if (type.contains("1C")) return S2Level.L1C;
        throw new Ai4cException(where + " is neither Level-1C nor Level-2A product metadata (root element " + rootName
                + ", PRODUCT_TYPE \"" + type + "\"); AI4C reads Sentinel-2 L1C and L2A products.");
    }

    private static int bandId(String text, String element, String where) {
        int id = (int) Xml.number(text, element + " band id", where);
        if (id < 0 || id > 12) {
            throw new Ai4cException(where + ": " + element + " band id " + id + " is outside 0…12.");
        }
        return id;
    }
}
