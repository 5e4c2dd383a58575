package eu.ai4c.vector.energy;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.vector.io.GeoJsonFeatureReader;
import eu.ai4c.vector.io.ShapefileFeatureReader;
import eu.ai4c.vector.io.VectorRecord;
import eu.ai4c.vector.store.DatasetClass;
import eu.ai4c.vector.store.DatasetClass.Column;
import eu.ai4c.vector.store.DatasetFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EMODnet Human Activities offshore wind farms (specification table 11): the points
 * ({@code …WindFarms_pt_….shp}) and polygons ({@code …WindFarms_pg_….shp}) layers, as Shapefile or
 * GeoJSON (e.g. from EMODnet's WFS), read into the feature class {@code offshore_wind_farm}
 * (points and multipolygons) with EMODnet's field names: {@code COUNTRY}, {@code N_TURBINES},
 * {@code POWER_MW}, {@code STATUS} (Approved, Planned, Construction, Production, Dismantled, Test
 * site), {@code YEAR}, {@code COAST_DIST_M} (older releases: {@code DIST_COAST}), {@code AREA_SQKM},
 * {@code NOTES}; {@code NAME} goes into the store's {@code name} column. Field names are matched
 * without regard to case (WFS GeoJSON writes them in lower case).
 *
 * <p>Required fields: {@code STATUS} and {@code POWER_MW}. Key: {@code pt/} or {@code pg/} (by
 * geometry) plus {@code OBJECTID} (the record number when the file has none). Invalid polygons
 * are repaired with JTS {@code GeometryFixer} (logged); a record without geometry, with a line
 * geometry or with coordinates beyond ±180°/±90° is an error.</p>
 *
 * <p>Stateless.</p>
 */
public final class EmodnetWindFarms {
    private static final Logger LOG = LoggerFactory.getLogger(EmodnetWindFarms.class);

    public static final DatasetClass CLASS = new DatasetClass("offshore_wind_farm",
            "Offshore wind farms (EMODnet)", "GEOMETRY",
            "EMODnet Human Activities, Energy: wind farms (points and polygons)",
            List.of(Column.text("COUNTRY"), Column.integer("N_TURBINES"), Column.real("POWER_MW"),
                    Column.text("STATUS"), Column.integer("YEAR"), Column.real("COAST_DIST_M"),
                    Column.real("AREA_SQKM"), Column.text("NOTES")));

    /** Fields a file must have. */
    public static final List<String> REQUIRED = List.of("STATUS", "POWER_MW");

    /** Field names of other releases, mapped to this class's columns. */
    private static final Map<String, String> ALIASES = Map.of("DIST_COAST", "COAST_DIST_M");

    private EmodnetWindFarms() {
    }

    /**
     * Reads a Shapefile ({@code .shp}) or GeoJSON ({@code .geojson}/{@code .json}) layer.
     *
     * @throws Ai4cException (usage) naming the file and record for a missing field, a bad value or
     *                       geometry
     */
    public static List<DatasetFeature> read(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<VectorRecord> records;
        if (n.endsWith(".shp")) records = ShapefileFeatureReader.read(file);
        else if (n.endsWith(".geojson") || n.endsWith(".json")) records = GeoJsonFeatureReader.read(file);
        else {
            throw Ai4cException.usage("The file " + file + " is neither a Shapefile (.shp) nor GeoJSON (.geojson); "
                    + "download the EMODnet wind farms layer in one of these formats.");
        }
        Set<String> fields = new HashSet<>();
        for (VectorRecord r : records) for (String k : r.attributes().keySet()) fields.add(canonical(k));
        List<String> missing = new ArrayList<>();
        for (String req : REQUIRED) if (!fields.contains(req)) missing.add(req);
        if (!missing.isEmpty()) {
            throw Ai4cException.usage("The file " + file + " lacks the field(s) " + String.join(", ", missing)
                    + " of the EMODnet wind farms layer" + (records.isEmpty() ? " (it has no features)" : " (it has: "
                    + String.join(", ", new java.util.TreeSet<>(fields)) + ")") + ". Give EMODnet's wind farms "
                    + "points or polygons layer.");
        }
        List<DatasetFeature> out = new ArrayList<>(records.size());
        Set<String> keys = new HashSet<>();
        int repaired = 0;
        for (VectorRecord r : records) {
            String where = "record #" + r.number();
            Map<String, String> attrs = new LinkedHashMap<>();
            r.attributes().forEach((k, v) -> attrs.put(canonical(k), v));
            Geometry g = r.geometry();
            if (g == null || g.isEmpty()) {
                throw Ai4cException.usage("The file " + file + ", " + where + ", has no geometry. Every wind farm needs "
                        + "a point or polygon; fix or remove the record.");
            }
            boolean point = g instanceof Point || g instanceof MultiPoint;
            if (!point && !(g instanceof MultiPolygon) && !(g instanceof Polygon)) {
                throw Ai4cException.usage("The file " + file + ", " + where + ", is a " + g.getGeometryType()
                        + "; wind farms are points or polygons. Give the points or the polygons layer.");
            }
            for (Coordinate c : g.getCoordinates()) Cells.checkCoordinates(c.x, c.y, file, where);
            if (g instanceof MultiPoint mp) {
                if (mp.getNumGeometries() != 1) {
                    throw Ai4cException.usage("The file " + file + ", " + where + ", has " + mp.getNumGeometries()
                            + " points; a wind farm record has one.");
                }
                g = mp.getGeometryN(0);
            }
            if (!point && !g.isValid()) {
                g = GeometryFixer.fix(g);
                repaired++;
                if (g.isEmpty()) {
                    throw Ai4cException.usage("The file " + file + ", " + where + ", has a polygon with no area. Fix or "
                            + "remove the record.");
                }
            }
            if (g instanceof Polygon p) g = g.getFactory().createMultiPolygon(new Polygon[] {p});
            List<Column> cols = CLASS.columns();
            Object[] values = new Object[cols.size()];
            for (int i = 0; i < cols.size(); i++) values[i] = Cells.value(attrs.get(cols.get(i).name()), cols.get(i), file, where);
            String id = attrs.get("OBJECTID");
            String key = (point ? "pt/" : "pg/") + (id == null ? String.valueOf(r.number()) : id);
            if (!keys.add(key)) {
                throw Ai4cException.usage("The file " + file + ", " + where + ", repeats OBJECTID " + id
                        + ". Each record needs its own OBJECTID; export the layer again.");
            }
            out.add(new DatasetFeature(key, attrs.get("NAME"), g, values));
        }
        if (repaired > 0) LOG.info("{}: {} invalid polygon(s) repaired", file, repaired);
        return out;
    }

    private static String canonical(String field) {
        String u = field.strip().toUpperCase(Locale.ROOT);
        return ALIASES.getOrDefault(u, u);
    }
}
