package eu.ai4c.kit.aoi.vector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.Projections;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * Reads the polygons of a GeoJSON file (RFC 7946): a {@code FeatureCollection}, a
 * {@code Feature} or a bare geometry; {@code Polygon}, {@code MultiPolygon} and
 * {@code GeometryCollection}s of them. Features with a null geometry are skipped; any other
 * geometry type is an error. Coordinates are WGS84 longitude/latitude as RFC 7946 §4 requires,
 * except that the GeoJSON 2008 {@code "crs"} member naming an EPSG code (as written by GDAL for
 * projected data) is honoured. Polygons of all features are unioned.
 *
 * <h2>Thread-safety</h2>
 * Stateless.
 */
public final class GeoJsonReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EPSG_URN = Pattern.compile("(?i).*EPSG:{1,2}(\\d+)$");

    private GeoJsonReader() {
    }

    /**
     * @throws Ai4cException naming the file when it cannot be read, is not JSON, or holds no polygon
     */
    public static VectorGeometry read(Path file) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw Ai4cException.usage("The GeoJSON file " + file + " is not valid JSON (" + e.getOriginalMessage()
                    + at + "). Fix the file or export it again as GeoJSON.");
        } catch (IOException e) {
            throw new Ai4cException("Cannot read the GeoJSON file " + file + ": " + e.getMessage()
                    + ". Check that it exists and is readable.", e);
        }
        if (root == null || !root.isObject()) {
            throw Ai4cException.usage("The GeoJSON file " + file + " does not hold a JSON object; "
                    + "expected a FeatureCollection, Feature or geometry.");
        }
        List<Polygon> polygons = new ArrayList<>();
        String where = "The GeoJSON file " + file;
        String type = root.path("type").asText("");
        switch (type) {
            case "FeatureCollection" -> {
                JsonNode features = root.path("features");
                if (!features.isArray()) {
                    throw malformed(where, "the FeatureCollection has no \"features\" array");
                }
                for (int i = 0; i < features.size(); i++) {
                    feature(features.get(i), where + ", feature #" + (i + 1), polygons);
                }
            }
            case "Feature" -> feature(root, where, polygons);
            default -> geometry(root, where, polygons);
        }
        return new VectorGeometry(Polygons.union(polygons, where), crs(root, file), file.toString());
    }

    private static void feature(JsonNode feature, String where, List<Polygon> out) {
        if (!"Feature".equals(feature.path("type").asText())) {
            throw malformed(where, "it is not of type \"Feature\"");
        }
        JsonNode geometry = feature.get("geometry");
        if (geometry != null && !geometry.isNull()) {
            geometry(geometry, where, out);
        }
    }

    private static void geometry(JsonNode g, String where, List<Polygon> out) {
        String type = g.path("type").asText("");
        switch (type) {
            case "Polygon" -> out.add(polygon(g.path("coordinates"), where));
            case "MultiPolygon" -> {
                JsonNode polys = array(g.path("coordinates"), where);
                for (JsonNode p : polys) out.add(polygon(p, where));
            }
            case "GeometryCollection" -> {
                for (JsonNode child : array(g.path("geometries"), where)) geometry(child, where, out);
            }
            case "Point", "MultiPoint", "LineString", "MultiLineString" -> throw Polygons.notPolygon(where, type);
            default -> throw malformed(where, type.isEmpty() ? "a geometry without \"type\""
                    : "unknown geometry type \"" + type + "\"");
        }
    }

    private static Polygon polygon(JsonNode rings, String where) {
        array(rings, where);
        if (rings.isEmpty()) {
            throw malformed(where, "a Polygon without rings");
        }
        LinearRing shell = Polygons.ring(positions(rings.get(0), where), where);
        List<LinearRing> holes = new ArrayList<>();
        for (int i = 1; i < rings.size(); i++) {
            holes.add(Polygons.ring(positions(rings.get(i), where), where));
        }
        return Polygons.polygon(shell, holes);
    }

    private static Coordinate[] positions(JsonNode ring, String where) {
        array(ring, where);
        Coordinate[] c = new Coordinate[ring.size()];
        for (int i = 0; i < c.length; i++) {
            JsonNode p = ring.get(i);
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw malformed(where, "a position that is not [x, y]: " + p);
            }
            c[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
        }
        return c;
    }

    private static JsonNode array(JsonNode n, String where) {
        if (!n.isArray()) {
            throw malformed(where, "coordinates that are not an array");
        }
        return n;
    }

    /** WGS84 unless a legacy "crs" member names an EPSG code (e.g. urn:ogc:def:crs:EPSG::32633). */
    private static CoordinateReferenceSystem crs(JsonNode root, Path file) {
        String name = root.path("crs").path("properties").path("name").asText("");
        if (name.isEmpty() || name.toUpperCase(Locale.ROOT).endsWith("CRS84")) {
            return Projections.wgs84();
        }
        Matcher m = EPSG_URN.matcher(name);
        if (!m.matches()) {
            throw malformed("The GeoJSON file " + file, "its \"crs\" member \"" + name + "\" is not understood "
                    + "(RFC 7946 GeoJSON is always WGS84 longitude/latitude: remove the member and reproject the file to WGS84)");
        }
        return Projections.parse("EPSG:" + m.group(1), 0, 0);
    }

    private static Ai4cException malformed(String where, String problem) {
        return Ai4cException.usage(where + " is not valid GeoJSON: " + problem
                + ". Fix the file or export it again as GeoJSON.");
    }
}
