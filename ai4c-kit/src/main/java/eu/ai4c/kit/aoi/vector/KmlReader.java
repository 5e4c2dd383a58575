package eu.ai4c.kit.aoi.vector;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.Projections;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the polygons of a KML file (OGC KML 2.2) or of all KML documents of a KMZ archive
 * (GDAL's LIBKML driver, for one, writes a {@code doc.kml} that links to {@code layers/*.kml}):
 * every {@code Polygon} element (also inside {@code MultiGeometry}), its
 * {@code outerBoundaryIs/LinearRing/coordinates} as the outer ring and each
 * {@code innerBoundaryIs/LinearRing/coordinates} as a hole. Coordinates are
 * {@code lon,lat[,alt]} tuples separated by white space, WGS84 as KML requires; altitude is
 * ignored. A {@code Point}, {@code LineString} or {@code LinearRing} outside a polygon is an
 * error (the area would silently differ from what the user sees). Elements are matched by
 * local name, whatever the namespace prefix. All polygons are unioned.
 *
 * <h2>Thread-safety</h2>
 * Stateless.
 */
public final class KmlReader {

    private KmlReader() {
    }

    /**
     * @param file a {@code .kml} file or a {@code .kmz} archive
     * @throws Ai4cException naming the file when it is not KML or holds no polygon
     */
    public static VectorGeometry read(Path file) {
        List<Document> docs = new ArrayList<>();
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".kmz")) {
                docs.addAll(readKmz(file));
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    docs.add(builder().parse(in));
                }
            }
        } catch (SAXException e) {
            throw Ai4cException.usage("The KML file " + file + " is not well-formed XML (" + e.getMessage()
                    + "). Fix the file or export it again.");
        } catch (IOException e) {
            throw new Ai4cException("Cannot read the KML file " + file + ": " + e.getMessage()
                    + ". Check that it exists and is readable.", e);
        }
        String where = "The KML file " + file;
        List<Polygon> polygons = new ArrayList<>();
        for (Document doc : docs) {
            for (String other : new String[] {"Point", "LineString", "Track", "Model"}) {
                if (doc.getElementsByTagNameNS("*", other).getLength() > 0) {
                    throw Ai4cException.usage(where + " holds a " + other + " geometry, but an area of interest needs "
                            + "polygons only. Remove the non-polygon placemarks, or give the polygon itself.");
                }
            }
            NodeList polys = doc.getElementsByTagNameNS("*", "Polygon");
            for (int i = 0; i < polys.getLength(); i++) {
                polygons.add(polygon((Element) polys.item(i), where + ", Polygon #" + (polygons.size() + 1)));
            }
        }
        return new VectorGeometry(Polygons.union(polygons, where), Projections.wgs84(), file.toString());
    }

    private static Polygon polygon(Element polygon, String where) {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (Node n = polygon.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) continue;
            String name = e.getLocalName();
            if ("outerBoundaryIs".equals(name)) {
                shell = Polygons.ring(coordinates(e, where), where);
            } else if ("innerBoundaryIs".equals(name)) {
                holes.add(Polygons.ring(coordinates(e, where), where));
            }
        }
        if (shell == null) {
            throw Ai4cException.usage(where + " has no outerBoundaryIs; fix the file or export it again.");
        }
        return Polygons.polygon(shell, holes);
    }

    private static Coordinate[] coordinates(Element boundary, String where) {
        NodeList list = boundary.getElementsByTagNameNS("*", "coordinates");
        if (list.getLength() != 1) {
            throw Ai4cException.usage(where + " has a boundary with " + list.getLength()
                    + " <coordinates> elements instead of one; fix the file or export it again.");
        }
        String[] tuples = list.item(0).getTextContent().trim().split("\\s+");
        List<Coordinate> out = new ArrayList<>(tuples.length);
        for (String t : tuples) {
            if (t.isEmpty()) continue;
            String[] v = t.split(",");
            try {
                out.add(new Coordinate(Double.parseDouble(v[0]), Double.parseDouble(v[1])));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw Ai4cException.usage(where + " has the coordinate tuple \"" + t
                        + "\", expected lon,lat[,alt]; fix the file or export it again.");
            }
        }
        return out.toArray(new Coordinate[0]);
    }

    /** Every {@code .kml} document of a KMZ archive. */
    private static List<Document> readKmz(Path file) throws IOException, SAXException {
        List<Document> docs = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.isDirectory() || !entry.getName().toLowerCase(Locale.ROOT).endsWith(".kml")) continue;
                try (InputStream in = zip.getInputStream(entry)) {
                    docs.add(builder().parse(in));
                }
            }
        }
        if (docs.isEmpty()) {
            throw Ai4cException.usage("The KMZ archive " + file + " holds no .kml document; give a KMZ with a doc.kml, "
                    + "or the KML itself.");
        }
        return docs;
    }

    /** A namespace-aware parser with DTDs and external entities off (untrusted input). */
    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser lacks secure-processing support", e);
        }
    }
}
