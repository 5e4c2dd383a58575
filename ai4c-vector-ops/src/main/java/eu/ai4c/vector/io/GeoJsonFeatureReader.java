package eu.ai4c.vector.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads the features of a GeoJSON {@code FeatureCollection} (RFC 7946; WGS84 longitude/latitude)
 * with their properties: Point, MultiPoint, LineString, MultiLineString, Polygon and
 * MultiPolygon geometries (polygons come out as multipolygons; null geometries as null);
 * property values as text (numbers as written, null for JSON null). A {@code crs} member naming
 * another CRS than WGS84 (GeoJSON 2008) is refused. Stateless.
 */
public final class GeoJsonFeatureReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private GeoJsonFeatureReader() {
    }

    /** @throws Ai4cException (usage) naming the file and feature when it is not GeoJSON features */
    public static List<VectorRecord> read(Path file) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw Ai4cException.usage("The GeoJSON file " + file + " is not valid JSON (" + e.getOriginalMessage()
                    + "). Fix the file or export it again.");
        } catch (IOException e) {
            throw Ai4cException.usage("Cannot read the GeoJSON file " + file + ": " + e.getMessage() + ".");
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText()) || !root.path("features").isArray()) {
            throw Ai4cException.usage("The file " + file + " is not a GeoJSON FeatureCollection (no \"type\": "
                    + "\"FeatureCollection\" with a \"features\" array). Export the layer as GeoJSON features.");
        }
        String crs = root.path("crs").path("properties").path("name").asText("");
        if (!crs.isEmpty() && !crs.matches("(?i).*(CRS84|EPSG:+4326)$")) {
            throw Ai4cException.usage("The GeoJSON file " + file + " declares the CRS " + crs + "; AI4C reads WGS84 "
                    + "longitude/latitude (RFC 7946). Convert it: ogr2ogr -t_srs EPSG:4326 out.geojson " + file.getFileName());
        }
        List<VectorRecord> out = new ArrayList<>();
        JsonNode features = root.path("features");
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            String where = "The GeoJSON file " + file + ", feature #" + (i + 1);
            Map<String, String> props = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = f.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                props.put(e.getKey(), v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString());
            }
            JsonNode g = f.get("geometry");
            out.add(new VectorRecord(i + 1, g == null || g.isNull() ? null : geometry(g, where), props));
        }
        return out;
    }

    private static Geometry geometry(JsonNode g, String where) {
        JsonNode c = g.path("coordinates");
        try {
            return switch (g.path("type").asText()) {
                case "Point" -> GEOMETRY.createPoint(position(c, where));
                case "MultiPoint" -> {
                    Point[] p = new Point[c.size()];
                    for (int i = 0; i < p.length; i++) p[i] = GEOMETRY.createPoint(position(c.get(i), where));
                    yield GEOMETRY.createMultiPoint(p);
                }
                case "LineString" -> GEOMETRY.createLineString(positions(c, where));
                case "MultiLineString" -> {
                    LineString[] l = new LineString[c.size()];
                    for (int i = 0; i < l.length; i++) l[i] = GEOMETRY.createLineString(positions(c.get(i), where));
                    yield GEOMETRY.createMultiLineString(l);
                }
                case "Polygon" -> GEOMETRY.createMultiPolygon(new Polygon[] {polygon(c, where)});
                case "MultiPolygon" -> {
                    Polygon[] p = new Polygon[c.size()];
                    for (int i = 0; i < p.length; i++) p[i] = polygon(c.get(i), where);
                    yield GEOMETRY.createMultiPolygon(p);
                }
                default -> throw Ai4cException.usage(where + " has the geometry type \"" + g.path("type").asText()
                        + "\"; AI4C reads points, lines and polygons.");
            };
        } catch (IllegalArgumentException e) {
            throw Ai4cException.usage(where + " has an invalid geometry (" + e.getMessage() + "). Fix or remove it.");
        }
    }

    private static Polygon polygon(JsonNode rings, String where) {
        if (!rings.isArray() || rings.isEmpty()) throw Ai4cException.usage(where + " has a polygon without rings.");
        LinearRing shell = GEOMETRY.createLinearRing(positions(rings.get(0), where));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) holes[i - 1] = GEOMETRY.createLinearRing(positions(rings.get(i), where));
        return GEOMETRY.createPolygon(shell, holes);
    }

    private static Coordinate[] positions(JsonNode a, String where) {
        if (!a.isArray()) throw Ai4cException.usage(where + " has coordinates that are not an array of positions.");
        Coordinate[] out = new Coordinate[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = position(a.get(i), where);
        return out;
    }

    private static Coordinate position(JsonNode p, String where) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw Ai4cException.usage(where + " has a position that is not [longitude, latitude] numbers.");
        }
        return new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
    }
}
