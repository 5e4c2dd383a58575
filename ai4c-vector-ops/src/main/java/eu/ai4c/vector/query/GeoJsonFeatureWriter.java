package eu.ai4c.vector.query;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import eu.ai4c.vector.store.StoredFeature;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Streams features as an RFC 7946 GeoJSON {@code FeatureCollection}: WGS84 longitude/latitude
 * (no {@code crs} member), polygon rings by the right-hand rule (exterior counter-clockwise,
 * holes clockwise, §3.1.6), coordinates rounded to 10⁻⁷ degree (about 1 cm, the precision of
 * OSM). Each feature has an {@code id} ({@code <class>/<osm_type>/<osm_id>}, or {@code
 * <class>/<source_id>} for the classes of other datasets) and properties
 * {@code class} plus the stored columns. Optional top-level members (e.g. paging links) go
 * before the features.
 *
 * <h2>Thread-safety</h2>
 * Not thread-safe; one per output.
 */
public final class GeoJsonFeatureWriter implements Closeable {
    private final JsonGenerator json;

    /** Starts the collection; {@code extra} members (may be empty) are written first. */
    public GeoJsonFeatureWriter(OutputStream out, Map<String, Object> extra) throws IOException {
        json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        json.writeStartObject();
        json.writeStringField("type", "FeatureCollection");
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            json.writeFieldName(e.getKey());
            writeValue(e.getValue());
        }
        json.writeArrayFieldStart("features");
    }

    public void write(StoredFeature f) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "Feature");
        json.writeStringField("id", f.properties().containsKey("osm_type")
                ? f.featureClass() + "/" + f.properties().get("osm_type") + "/" + f.properties().get("osm_id")
                : f.featureClass() + "/" + f.properties().get("source_id"));
        json.writeFieldName("geometry");
        geometry(f.geometry());
        json.writeObjectFieldStart("properties");
        json.writeStringField("class", f.featureClass());
        for (Map.Entry<String, Object> e : f.properties().entrySet()) {
            json.writeFieldName(e.getKey());
            writeValue(e.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private void writeValue(Object v) throws IOException {
        if (v == null) json.writeNull();
        else if (v instanceof Long l) json.writeNumber(l);
        else if (v instanceof Integer i) json.writeNumber(i);
        else if (v instanceof Double d) json.writeNumber(d);
        else if (v instanceof Boolean b) json.writeBoolean(b);
        else if (v instanceof Map<?, ?> m) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                json.writeFieldName(String.valueOf(e.getKey()));
                writeValue(e.getValue());
            }
            json.writeEndObject();
        } else if (v instanceof Iterable<?> it) {
            json.writeStartArray();
            for (Object o : it) writeValue(o);
            json.writeEndArray();
        } else json.writeString(v.toString());
    }

    private void geometry(Geometry g) throws IOException {
        json.writeStartObject();
        if (g instanceof Point p) {
            json.writeStringField("type", "Point");
            json.writeFieldName("coordinates");
            position(p.getCoordinate());
        } else if (g instanceof LineString l) {
            json.writeStringField("type", "LineString");
            json.writeFieldName("coordinates");
            sequence(l.getCoordinateSequence(), false);
        } else if (g instanceof Polygon p) {
            json.writeStringField("type", "Polygon");
            json.writeFieldName("coordinates");
            polygon(p);
        } else if (g instanceof MultiPoint mp) {
            json.writeStringField("type", "MultiPoint");
            json.writeArrayFieldStart("coordinates");
            for (int i = 0; i < mp.getNumGeometries(); i++) position(mp.getGeometryN(i).getCoordinate());
            json.writeEndArray();
        } else if (g instanceof MultiLineString ml) {
            json.writeStringField("type", "MultiLineString");
            json.writeArrayFieldStart("coordinates");
            for (int i = 0; i < ml.getNumGeometries(); i++) {
                sequence(((LineString) ml.getGeometryN(i)).getCoordinateSequence(), false);
            }
            json.writeEndArray();
        } else if (g instanceof MultiPolygon mp) {
            json.writeStringField("type", "MultiPolygon");
            json.writeArrayFieldStart("coordinates");
            for (int i = 0; i < mp.getNumGeometries(); i++) polygon((Polygon) mp.getGeometryN(i));
            json.writeEndArray();
        } else if (g instanceof GeometryCollection gc) {
            json.writeStringField("type", "GeometryCollection");
            json.writeArrayFieldStart("geometries");
            for (int i = 0; i < gc.getNumGeometries(); i++) geometry(gc.getGeometryN(i));
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    /** Rings by the right-hand rule: exterior counter-clockwise, holes clockwise. */
    private void polygon(Polygon p) throws IOException {
        json.writeStartArray();
        CoordinateSequence shell = p.getExteriorRing().getCoordinateSequence();
        sequence(shell, !Orientation.isCCW(shell));
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            CoordinateSequence hole = p.getInteriorRingN(i).getCoordinateSequence();
            sequence(hole, Orientation.isCCW(hole));
        }
        json.writeEndArray();
    }

    private void sequence(CoordinateSequence s, boolean reverse) throws IOException {
        json.writeStartArray();
        int n = s.size();
        for (int k = 0; k < n; k++) {
            int i = reverse ? n - 1 - k : k;
            json.writeStartArray();
            json.writeNumber(round(s.getX(i)));
            json.writeNumber(round(s.getY(i)));
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    private void position(Coordinate c) throws IOException {
        json.writeStartArray();
        json.writeNumber(round(c.x));
        json.writeNumber(round(c.y));
        json.writeEndArray();
    }

    private static double round(double v) {
        return Math.round(v * 1e7) / 1e7;
    }

    /** Ends the features array; {@code after} members (may be empty) follow it. */
    public void finish(Map<String, Object> after) throws IOException {
        json.writeEndArray();
        for (Map.Entry<String, Object> e : after.entrySet()) {
            json.writeFieldName(e.getKey());
            writeValue(e.getValue());
        }
        json.writeEndObject();
        json.flush();
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
