package eu.ai4c.s1.safe;

import eu.ai4c.kit.Ai4cException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code manifest.safe} of a Sentinel-1 Level-1 product: what was acquired (mission, mode,
 * product type, polarisations, orbit, times, footprint), which IPF version made it, and the files
 * it lists. Immutable.
 *
 * @param mission        {@code S1A}, {@code S1B}, {@code S1C} (from {@code platform/familyName} + {@code number})
 * @param mode           instrument mode: {@code SM}, {@code IW}, {@code EW} (or {@code WV})
 * @param productType    {@code GRD} or {@code SLC} ({@code standAloneProductInformation/productType})
 * @param polarisations  {@code transmitterReceiverPolarisation} values in manifest order, e.g. {@code [VV, VH]}
 * @param swaths         {@code instrumentMode/swath} values, e.g. {@code [IW]} for GRD, {@code [IW1, IW2, IW3]} for SLC
 * @param relativeOrbit  {@code relativeOrbitNumber type="start"}
 * @param absoluteOrbit  {@code orbitNumber type="start"}
 * @param pass           {@code ASCENDING} or {@code DESCENDING}
 * @param startTime      {@code acquisitionPeriod/startTime} (UTC)
 * @param stopTime       {@code acquisitionPeriod/stopTime} (UTC)
 * @param footprint      corners of {@code frameSet/frame/footPrint} (degrees)
 * @param ipfVersion     version of the {@code Sentinel-1 IPF} software that made the product, e.g. {@code 003.40}
 * @param dataObjects    every {@code dataObject} of the {@code dataObjectSection}
 */
public record Manifest(String mission, String mode, String productType, List<String> polarisations,
                       List<String> swaths, int relativeOrbit, int absoluteOrbit, String pass,
                       Instant startTime, Instant stopTime, List<LatLon> footprint, String ipfVersion,
                       List<DataObject> dataObjects) {

    /** The file name of a manifest, for messages. */
    public static final String FILE = "manifest.safe";

    /** A geographic position in degrees (WGS84). */
    public record LatLon(double latitude, double longitude) {
    }

    /**
     * One file of the product.
     *
     * @param id    the {@code ID} attribute
     * @param repId the schema it follows, e.g. {@code s1Level1CalibrationSchema}
     * @param href  path relative to the {@code .SAFE} folder, without a leading {@code ./}
     * @param md5   the {@code byteStream/checksum} with {@code checksumName="MD5"} in lower-case hex,
     *              or empty when the manifest gives none
     */
    public record DataObject(String id, String repId, String href, String md5) {
        /** A file without a checksum. */
        public DataObject(String id, String repId, String href) {
            this(id, repId, href, "");
        }
    }

    /** The MD5 the manifest gives for a file (lower-case hex), or empty. */
    public String md5(String href) {
        for (DataObject d : dataObjects) if (d.href().equals(href)) return d.md5();
        return "";
    }

    public Manifest {
        polarisations = List.copyOf(polarisations);
        swaths = List.copyOf(swaths);
        footprint = List.copyOf(footprint);
        dataObjects = List.copyOf(dataObjects);
    }

    /** The IPF version as a number (e.g. 3.40 for {@code 003.40}) for comparisons such as {@code < 2.9}. */
    public double ipfVersionNumber() {
        try {
            return Double.parseDouble(ipfVersion);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Data objects following a schema ({@code s1Level1ProductSchema}, …{@code NoiseSchema}, …{@code CalibrationSchema}, …{@code MeasurementSchema}). */
    public List<DataObject> dataObjects(String repId) {
        return dataObjects.stream().filter(d -> d.repId.equals(repId)).toList();
    }

    /** Reads the manifest of an archive. */
    public static Manifest read(SafeArchive archive) throws java.io.IOException {
        return parse(archive.readAll(FILE), archive.productName() + ".SAFE/" + FILE);
    }

    /** Parses manifest XML bytes; {@code fileName} is used in messages. */
    public static Manifest parse(byte[] xml, String fileName) {
        SafeXml root = SafeXml.parse(xml, fileName);
        if (!root.name().equals("XFDU")) throw root.error("is not an XFDU manifest (root element <" + root.name() + ">)");
        SafeXml meta = root.child("metadataSection");
        SafeXml platform = metadataObject(meta, "platform").descendants("platform").stream().findFirst()
                .orElseThrow(() -> meta.error("has no safe:platform"));
        String family = platform.text("familyName");
        String number = platform.optChild("number").map(SafeXml::text).orElse("");
        if (!family.equals("SENTINEL-1")) {
            throw new Ai4cException(fileName + " describes a " + family + " " + number
                    + " product, not Sentinel-1: give a Sentinel-1 .SAFE folder or zip.");
        }
        String mission = "S1" + number;
        SafeXml instrumentMode = first(platform, "instrumentMode");
        String mode = instrumentMode.text("mode");
        List<String> swaths = instrumentMode.children("swath").stream().map(SafeXml::text).toList();

        SafeXml info = first(metadataObject(meta, "generalProductInformation"), "standAloneProductInformation");
        String productType = info.text("productType");
        List<String> pols = info.children("transmitterReceiverPolarisation").stream().map(SafeXml::text).toList();
        if (pols.isEmpty()) throw info.error("lists no transmitterReceiverPolarisation");

        SafeXml orbitRef = first(metadataObject(meta, "measurementOrbitReference"), "orbitReference");
        int absolute = startValue(orbitRef, "orbitNumber");
        int relative = startValue(orbitRef, "relativeOrbitNumber");
        String pass = orbitRef.descendants("pass").stream().findFirst().map(SafeXml::text).orElse("")
                .toUpperCase(Locale.ROOT);

        SafeXml period = first(metadataObject(meta, "acquisitionPeriod"), "acquisitionPeriod");
        Instant start = period.instant("startTime"), stop = period.instant("stopTime");

        List<LatLon> footprint = new ArrayList<>();
        for (SafeXml c : metadataObject(meta, "measurementFrameSet").descendants("coordinates")) {
            for (String pair : c.text().split("\\s+")) {
                String[] ll = pair.split(",");
                try {
                    footprint.add(new LatLon(Double.parseDouble(ll[0]), Double.parseDouble(ll[1])));
                } catch (RuntimeException e) {
                    throw c.error("holds \"" + pair + "\", not a lat,lon pair");
                }
            }
        }

        String ipf = "";
        for (SafeXml sw : metadataObject(meta, "processing").descendants("software")) {
            if (sw.attribute("name").equals("Sentinel-1 IPF") && !sw.attribute("version").isBlank()) {
                ipf = sw.attribute("version");
                break;
            }
        }
        if (ipf.isEmpty()) throw meta.error("has no safe:software name=\"Sentinel-1 IPF\" version");

        List<DataObject> objects = new ArrayList<>();
        for (SafeXml d : root.child("dataObjectSection").children("dataObject")) {
            SafeXml stream = d.child("byteStream");
            String href = stream.child("fileLocation").attribute("href");
            if (href.startsWith("./")) href = href.substring(2);
            String md5 = "";
            for (SafeXml c : stream.children("checksum")) {
                if (c.attribute("checksumName").equalsIgnoreCase("MD5")) md5 = c.text().trim().toLowerCase(java.util.Locale.ROOT);
            }
            objects.add(new DataObject(d.attribute("ID"), d.attribute("repID"), href, md5));
        }
        return new Manifest(mission, mode, productType, pols, swaths, relative, absolute, pass, start, stop,
                footprint, ipf, objects);
    }

    private static SafeXml metadataObject(SafeXml meta, String id) {
        for (SafeXml o : meta.children("metadataObject")) {
            if (o.attribute("ID").equals(id)) return o;
        }
        throw meta.error("has no metadataObject ID=\"" + id + "\"");
    }

    private static SafeXml first(SafeXml scope, String name) {
        return scope.descendants(name).stream().findFirst().orElseThrow(() -> scope.error("has no <" + name + ">"));
    }

    private static int startValue(SafeXml orbitRef, String name) {
        for (SafeXml o : orbitRef.children(name)) {
            if (o.attribute("type").equals("start")) return o.intValue();
        }
        throw orbitRef.error("has no <" + name + " type=\"start\">");
    }

    /** Fails when the product is not of the expected type, e.g. an SLC given to the GRD chain. */
    public void requireProductType(String expected, String context) {
        if (!productType.equals(expected)) {
            throw new Ai4cException(context + ": the input is a Sentinel-1 " + productType + " product, but "
                    + expected + " is needed. Give a " + expected + " product.");
        }
    }
}
