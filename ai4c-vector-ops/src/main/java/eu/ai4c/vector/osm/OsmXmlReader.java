package eu.ai4c.vector.osm;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Streams an OSM XML file (API 0.6 {@code <osm>} documents: {@code .osm}, gzip-compressed
 * {@code .osm.gz}, bzip2-compressed {@code .osm.bz2}) to an {@link OsmHandler} with a StAX
 * parser, in document order. Objects marked {@code action="delete"} (JOSM files) or
 * {@code visible="false"} are skipped. Coordinates are rounded to 10⁻⁷ degree.
 *
 * <h2>Thread-safety</h2>
 * Stateless.
 */
public final class OsmXmlReader {

    private OsmXmlReader() {
    }

    /** Reads {@code file} (compression by extension). */
    public static void read(Path file, OsmHandler handler) throws IOException {
        try (InputStream in = open(file)) {
            read(in, file.toString(), handler);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        try {
            if (name.endsWith(".gz")) return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
            if (name.endsWith(".bz2")) return new BufferedInputStream(new BZip2CompressorInputStream(raw, true), 1 << 16);
        } catch (IOException e) {
            raw.close();
            throw new OsmFormatException(file + " is not " + (name.endsWith(".gz") ? "gzip" : "bzip2")
                    + "-compressed data (" + e.getMessage() + "). Give a .osm, .osm.gz or .osm.bz2 file.", e);
        }
        return raw;
    }

    static void read(InputStream in, String where, OsmHandler handler) throws IOException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        OsmTags tags = new OsmTags();
        long[] refs = new long[256];
        long[] memberIds = new long[64];
        byte[] memberTypes = new byte[64];
        String[] roles = new String[64];
        int count = 0;
        int kind = -1; // 0 node, 1 way, 2 relation
        long id = 0;
        int version = -1;
        int lon = 0;
        int lat = 0;
        boolean skip = false;
        boolean rootSeen = false;
        try {
            XMLStreamReader r = f.createXMLStreamReader(in);
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (!rootSeen) {
                        if (!name.equals("osm") && !name.equals("osmChange")) {
                            throw new OsmFormatException(where + " is not an OSM XML file: its root element is <" + name
                                    + ">, not <osm>. Give a .osm, .osm.gz, .osm.bz2 or .osm.pbf file.");
                        }
                        if (name.equals("osmChange")) {
                            throw new OsmFormatException(where + " is an OSM change file (<osmChange>); give a full "
                                    + "extract (.osm or .osm.pbf).");
                        }
                        rootSeen = true;
                        continue;
                    }
                    switch (name) {
                        case "node", "way", "relation" -> {
                            kind = name.equals("node") ? 0 : name.equals("way") ? 1 : 2;
                            id = Long.parseLong(attribute(r, "id", where));
                            String v = r.getAttributeValue(null, "version");
                            version = v == null ? -1 : Integer.parseInt(v);
                            skip = "delete".equals(r.getAttributeValue(null, "action"))
                                    || "false".equals(r.getAttributeValue(null, "visible"));
                            tags.clear();
                            count = 0;
                            if (kind == 0) {
                                lat = (int) Math.round(Double.parseDouble(attribute(r, "lat", where)) * 1e7);
                                lon = (int) Math.round(Double.parseDouble(attribute(r, "lon", where)) * 1e7);
                            }
                        }
                        case "tag" -> tags.add(attribute(r, "k", where), attribute(r, "v", where));
                        case "nd" -> {
                            if (count == refs.length) refs = Arrays.copyOf(refs, count * 2);
                            refs[count++] = Long.parseLong(attribute(r, "ref", where));
                        }
                        case "member" -> {
                            if (count == memberIds.length) {
                                memberIds = Arrays.copyOf(memberIds, count * 2);
                                memberTypes = Arrays.copyOf(memberTypes, count * 2);
                                roles = Arrays.copyOf(roles, count * 2);
                            }
                            String type = attribute(r, "type", where);
                            memberTypes[count] = switch (type) {
                                case "node" -> OsmHandler.NODE;
                                case "way" -> OsmHandler.WAY;
                                case "relation" -> OsmHandler.RELATION;
                                default -> throw new OsmFormatException(where + ": relation " + id
                                        + " has a member of unknown type \"" + type + "\" (line "
                                        + r.getLocation().getLineNumber() + ").");
                            };
                            memberIds[count] = Long.parseLong(attribute(r, "ref", where));
                            String role = r.getAttributeValue(null, "role");
                            roles[count] = role == null ? "" : role;
                            count++;
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && !skip) {
                    switch (r.getLocalName()) {
                        case "node" -> {
                            if (handler.wantsNodes()) handler.node(id, version, lon, lat, tags);
                        }
                        case "way" -> {
                            if (handler.wantsWays()) handler.way(id, version, refs, count, tags);
                        }
                        case "relation" -> handler.relation(id, version, memberTypes, memberIds, roles, count, tags);
                        default -> { }
                    }
                }
            }
            if (!rootSeen) throw new OsmFormatException(where + " holds no <osm> element. Give an OSM XML file.");
        } catch (XMLStreamException e) {
            throw new OsmFormatException(where + " is not well-formed OSM XML (" + e.getMessage()
                    + "). The file is damaged or truncated; export it again.", e);
        } catch (NumberFormatException e) {
            throw new OsmFormatException(where + " has a malformed number (" + e.getMessage()
                    + ") in an id, coordinate or version. Export the file again.", e);
        }
    }

    private static String attribute(XMLStreamReader r, String name, String where) {
        String v = r.getAttributeValue(null, name);
        if (v == null) {
            throw new OsmFormatException(where + ": <" + r.getLocalName() + "> at line " + r.getLocation().getLineNumber()
                    + " has no " + name + " attribute. Export the file again.");
        }
        return v;
    }
}
