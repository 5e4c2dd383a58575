package eu.ai4c.s1.synthetic;

import eu.ai4c.s1.safe.Manifest;
import java.util.Locale;

/**
 * Writes a {@code manifest.safe} (XFDU) holding the metadata objects and data objects of a
 * Sentinel-1 Level-1 GRD product, from the reader's {@link Manifest} record. Checksums and sizes
 * are omitted (readers do not need them). Stateless.
 */
final class ManifestWriter {
    private ManifestWriter() {
    }

    /**
     * The XFDU content units: one Metadata Unit per XML file and one Measurement Data Unit per
     * TIFF whose {@code dmdID} names the metadata objects of its annotation, noise and calibration
     * files (the layout GDAL's SAFE driver follows). The files of one image share the measurement's
     * data object ID as a suffix.
     */
    private static void informationPackageMap(StringBuilder x, Manifest m) {
        x.append("  <informationPackageMap>\n    <xfdu:contentUnit unitType=\"SAFE Archive Information Package\">\n");
        for (Manifest.DataObject d : m.dataObjects()) {
            if (d.repId().equals("s1Level1MeasurementSchema")) continue;
            x.append("      <xfdu:contentUnit unitType=\"Metadata Unit\" repID=\"").append(d.repId())
                    .append("\"><dataObjectPointer dataObjectID=\"").append(d.id()).append("\"/></xfdu:contentUnit>\n");
        }
        for (Manifest.DataObject d : m.dataObjects("s1Level1MeasurementSchema")) {
            StringBuilder dmd = new StringBuilder();
            for (Manifest.DataObject o : m.dataObjects()) {
                if (!o.repId().equals("s1Level1MeasurementSchema") && o.id().endsWith(d.id())) {
                    dmd.append(o.id()).append("Annotation ");
                }
            }
            x.append("      <xfdu:contentUnit unitType=\"Measurement Data Unit\" repID=\"s1Level1MeasurementSchema\" dmdID=\"")
                    .append(dmd.toString().trim()).append("\"><dataObjectPointer dataObjectID=\"").append(d.id())
                    .append("\"/></xfdu:contentUnit>\n");
        }
        x.append("    </xfdu:contentUnit>\n  </informationPackageMap>\n");
    }

    static String manifest(Manifest m, String productTimeliness) {
        StringBuilder x = new StringBuilder(8192);
        x.append("""
                <?xml version="1.0" encoding="UTF-8"?>
                <xfdu:XFDU xmlns:xfdu="urn:ccsds:schema:xfdu:1" xmlns:gml="http://www.opengis.net/gml" \
                xmlns:safe="http://www.esa.int/safe/sentinel-1.0" xmlns:s1="http://www.esa.int/safe/sentinel-1.0/sentinel-1" \
                xmlns:s1sarl1="http://www.esa.int/safe/sentinel-1.0/sentinel-1/sar/level-1" \
                version="esa/safe/sentinel-1.0/sentinel-1/sar/level-1/grd/standard/iwdp">
                """);
        informationPackageMap(x, m);
        x.append("  <metadataSection>\n");
        for (Manifest.DataObject d : m.dataObjects()) {
            if (d.repId().equals("s1Level1MeasurementSchema")) continue;
            x.append("    <metadataObject ID=\"").append(d.id()).append("Annotation\" classification=\"DESCRIPTION\" category=\"DMD\">")
                    .append("<dataObjectPointer dataObjectID=\"").append(d.id()).append("\"/></metadataObject>\n");
        }
        x.append("    <metadataObject ID=\"processing\" classification=\"PROVENANCE\" category=\"PDI\"><metadataWrap><xmlData>\n")
                .append("      <safe:processing name=\"GRD Post Processing\"><safe:facility name=\"AI4C synthetic generator\">")
                .append("<safe:software name=\"Sentinel-1 IPF\" version=\"").append(m.ipfVersion()).append("\"/>")
                .append("</safe:facility></safe:processing>\n    </xmlData></metadataWrap></metadataObject>\n");
        x.append("    <metadataObject ID=\"platform\" classification=\"DESCRIPTION\" category=\"DMD\"><metadataWrap><xmlData>\n")
                .append("      <safe:platform><safe:familyName>SENTINEL-1</safe:familyName><safe:number>")
                .append(m.mission().substring(2)).append("</safe:number><safe:instrument>")
                .append("<safe:familyName abbreviation=\"SAR\">Synthetic Aperture Radar</safe:familyName><safe:extension>")
                .append("<s1sarl1:instrumentMode><s1sarl1:mode>").append(m.mode()).append("</s1sarl1:mode>");
        for (String s : m.swaths()) x.append("<s1sarl1:swath>").append(s).append("</s1sarl1:swath>");
        x.append("</s1sarl1:instrumentMode></safe:extension></safe:instrument></safe:platform>\n")
                .append("    </xmlData></metadataWrap></metadataObject>\n");
        x.append("    <metadataObject ID=\"measurementOrbitReference\" classification=\"DESCRIPTION\" category=\"DMD\"><metadataWrap><xmlData>\n")
                .append("      <safe:orbitReference><safe:orbitNumber type=\"start\">").append(m.absoluteOrbit())
                .append("</safe:orbitNumber><safe:orbitNumber type=\"stop\">").append(m.absoluteOrbit())
                .append("</safe:orbitNumber><safe:relativeOrbitNumber type=\"start\">").append(m.relativeOrbit())
                .append("</safe:relativeOrbitNumber><safe:relativeOrbitNumber type=\"stop\">").append(m.relativeOrbit())
                .append("</safe:relativeOrbitNumber><safe:extension><s1:orbitProperties><s1:pass>").append(m.pass())
                .append("</s1:pass></s1:orbitProperties></safe:extension></safe:orbitReference>\n")
                .append("    </xmlData></metadataWrap></metadataObject>\n");
        x.append("    <metadataObject ID=\"generalProductInformation\" classification=\"DESCRIPTION\" category=\"DMD\"><metadataWrap><xmlData>\n")
                .append("      <s1sarl1:standAloneProductInformation>");
        for (String p : m.polarisations()) {
            x.append("<s1sarl1:transmitterReceiverPolarisation>").append(p).append("</s1sarl1:transmitterReceiverPolarisation>");
        }
        x.append("<s1sarl1:productClass>S</s1sarl1:productClass><s1sarl1:productType>").append(m.productType())
                .append("</s1sarl1:productType><s1sarl1:productTimelinessCategory>").append(productTimeliness)
                .append("</s1sarl1:productTimelinessCategory></s1sarl1:standAloneProductInformation>\n")
                .append("    </xmlData></metadataWrap></metadataObject>\n");
        x.append("    <metadataObject ID=\"acquisitionPeriod\" classification=\"DESCRIPTION\" category=\"DMD\"><metadataWrap><xmlData>\n")
                .append("      <safe:acquisitionPeriod><safe:startTime>").append(SafeXmlWriter.time(m.startTime()))
                .append("</safe:startTime><safe:stopTime>").append(SafeXmlWriter.time(m.stopTime()))
                .append("</safe:stopTime></safe:acquisitionPeriod>\n    </xmlData></metadataWrap></metadataObject>\n");
        x.append("    <metadataObject ID=\"measurementFrameSet\" classification=\"DESCRIPTION\" category=\"DMD\"><metadataWrap><xmlData>\n")
                .append("      <safe:frameSet><safe:frame><safe:footPrint srsName=\"http://www.opengis.net/gml/srs/epsg.xml#4326\"><gml:coordinates>");
        for (int i = 0; i < m.footprint().size(); i++) {
            Manifest.LatLon p = m.footprint().get(i);
            x.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.6f,%.6f", p.latitude(), p.longitude()));
        }
        x.append("</gml:coordinates></safe:footPrint></safe:frame></safe:frameSet>\n")
                .append("    </xmlData></metadataWrap></metadataObject>\n  </metadataSection>\n  <dataObjectSection>\n");
        for (Manifest.DataObject d : m.dataObjects()) {
            x.append("    <dataObject ID=\"").append(d.id()).append("\" repID=\"").append(d.repId())
                    .append("\"><byteStream mimeType=\"").append(d.href().endsWith(".tiff") ? "application/octet-stream" : "text/xml")
                    .append("\"><fileLocation locatorType=\"URL\" href=\"./").append(d.href()).append("\"/>");
            if (!d.md5().isEmpty()) x.append("<checksum checksumName=\"MD5\">").append(d.md5()).append("</checksum>");
            x.append("</byteStream></dataObject>\n");
        }
        x.append("  </dataObjectSection>\n</xfdu:XFDU>\n");
        return x.toString();
    }

    /** A file of a product written in {@code safe}, with its MD5 as ESA's manifests give it. */
    static Manifest.DataObject dataObject(java.nio.file.Path safe, String id, String repId, String href)
            throws java.io.IOException {
        return new Manifest.DataObject(id, repId, href, eu.ai4c.s1.safe.Checksums.md5(safe.resolve(href)));
    }
}
