package eu.ai4c.vector.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.aoi.vector.GeoPackageGeometry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * A human-features store opened read-only for queries: the classes it holds and the features of
 * a class that intersect an area (R-tree candidates, then an exact intersection test with a
 * prepared geometry), optionally clipped to the area.
 *
 * <h2>Thread-safety</h2>
 * Thread-safe: each query borrows one of a bounded pool of read-only SQLite connections.
 */
public final class FeatureStore implements AutoCloseable {
    private final Path file;
    private final Map<String, StoreClass> classes;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();

    private final Envelope extent;

    private FeatureStore(Path file, Map<String, StoreClass> classes, Envelope extent, int connections)
            throws SQLException {
        this.file = file;
        this.classes = classes;
        this.extent = extent;
        this.idle = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            Connection c = GeoPackageFile.connect(file, true);
            all.add(c);
            idle.add(c);
        }
    }

    /**
     * Opens {@code file} read-only.
     *
     * @param connections the most queries served at once
     * @throws Ai4cException (usage) when the file is missing, not a GeoPackage or not a human-features store
     */
    public static FeatureStore open(Path file, int connections) {
        if (!Files.isRegularFile(file)) {
            throw Ai4cException.usage("The store " + file + " does not exist; make it with humanfeatures-load "
                    + "--input FILE.osm.pbf --store " + file.getFileName() + ".");
        }
        try (Connection c = GeoPackageFile.connect(file, true)) {
            GeoPackageFile.check(c, file);
            Map<String, StoreClass> classes = readClasses(c, file);
            Envelope extent = new Envelope();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT min_x, min_y, max_x, max_y "
                    + "FROM gpkg_contents WHERE data_type = 'features' AND min_x IS NOT NULL")) {
                while (rs.next()) {
                    extent.expandToInclude(new Envelope(rs.getDouble(1), rs.getDouble(3), rs.getDouble(2), rs.getDouble(4)));
                }
            }
            return new FeatureStore(file, classes, extent, Math.max(1, connections));
        } catch (SQLException e) {
            throw Ai4cException.usage("The store " + file + " cannot be read (" + e.getMessage()
                    + "). Give a .gpkg made by humanfeatures-load.");
        }
    }

    private static Map<String, StoreClass> readClasses(Connection c, Path file) throws SQLException {
        Map<String, StoreClass> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_master WHERE name = '"
                    + StoreLoader.CLASSES_TABLE + "'")) {
                if (!rs.next()) {
                    throw Ai4cException.usage("The GeoPackage " + file + " is not a human-features store (it has no "
                            + StoreLoader.CLASSES_TABLE + " table). Make one with humanfeatures-load.");
                }
            }
            ObjectMapper om = new ObjectMapper();
            try (ResultSet rs = s.executeQuery("SELECT name, title, geometry_type, rules, attributes FROM "
                    + StoreLoader.CLASSES_TABLE + " ORDER BY rowid")) {
                List<String[]> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)});
                }
                for (String[] r : rows) {
                    List<String> attrs;
                    try {
                        attrs = om.readValue(r[4], new TypeReference<List<String>>() { });
                    } catch (IOException e) {
                        throw Ai4cException.usage("The store " + file + " has a damaged class table (" + r[0] + ").");
                    }
                    out.put(r[0], new StoreClass(r[0], r[1], r[2], r[3], attrs, StoreLoader.count(c, r[0])));
                }
            }
        }
        return out;
    }

    /** The classes in the store, in load order. */
    public List<StoreClass> classes() {
        return List.copyOf(classes.values());
    }

    /** The bounds of all features (WGS84 lon/lat; null envelope when the store is empty); a copy. */
    public Envelope extent() {
        return new Envelope(extent);
    }

    public Path file() {
        return file;
    }

    /**
     * The classes named; all when {@code names} is empty.
     *
     * @throws Ai4cException (usage) naming an unknown class and listing those in the store
     */
    public List<StoreClass> select(List<String> names) {
        if (names == null || names.isEmpty()) return classes();
        List<StoreClass> out = new ArrayList<>();
        for (String n : names) {
            StoreClass c = classes.get(n.strip());
            if (c == null) {
                throw Ai4cException.usage("Unknown feature class \"" + n.strip() + "\"; the store " + file.getFileName()
                        + " holds " + String.join(", ", classes.keySet()) + ".");
            }
            if (!out.contains(c)) out.add(c);
        }
        return out;
    }

    /** Receives query results; returns false to stop. */
    @FunctionalInterface
    public interface Visitor {
        boolean visit(StoredFeature feature) throws IOException;
    }

    /**
     * Visits the features of {@code featureClass} intersecting {@code area} (WGS84 lon/lat; null:
     * all), in row order, clipped to the area when {@code clip}.
     *
     * @return false when the visitor stopped the query
     */
    public boolean query(String featureClass, Geometry area, boolean clip, Visitor visitor) throws IOException {
        if (!classes.containsKey(featureClass)) select(List.of(featureClass));
        Connection c = borrow();
        try {
            PreparedGeometry prepared = area == null ? null : PreparedGeometryFactory.prepare(area);
            Envelope env = area == null ? null : area.getEnvelopeInternal();
            String sql = "SELECT t.* FROM \"" + featureClass + "\" t"
                    + (env == null ? "" : " JOIN " + GeoPackageFile.rtreeName(featureClass) + " r ON r.id = t.fid "
                    + "WHERE r.maxx >= ? AND r.minx <= ? AND r.maxy >= ? AND r.miny <= ?") + " ORDER BY t.fid";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                if (env != null) {
                    p.setDouble(1, env.getMinX());
                    p.setDouble(2, env.getMaxX());
                    p.setDouble(3, env.getMinY());
                    p.setDouble(4, env.getMaxY());
                }
                WKBReader wkb = new WKBReader(new GeometryFactory());
                try (ResultSet rs = p.executeQuery()) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        long fid = rs.getLong("fid");
                        Geometry g = GeoPackageGeometry.decode(rs.getBytes("geom"), wkb, featureClass + " feature " + fid);
                        if (g == null) continue;
                        if (prepared != null) {
                            if (!prepared.intersects(g)) continue;
                            if (clip && !prepared.containsProperly(g)) {
                                g = clip(g, area);
                                if (g == null) continue;
                            }
                        }
                        Map<String, Object> props = new LinkedHashMap<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String col = md.getColumnName(i);
                            if (col.equals("fid") || col.equals("geom")) continue;
                            props.put(col, rs.getObject(i) instanceof Integer n ? Long.valueOf(n) : rs.getObject(i));
                        }
                        if (!visitor.visit(new StoredFeature(featureClass, fid, g, props))) return false;
                    }
                }
            }
            return true;
        } catch (SQLException e) {
            throw new IOException("Querying " + featureClass + " in " + file + " failed: " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new IOException("The store " + file + " holds a damaged geometry in " + featureClass + ": "
                    + e.getMessage(), e);
        } finally {
            idle.add(c);
        }
    }

    /** The part of {@code g} inside {@code area}, of g's own dimension (no stray points or lines), or null. */
    static Geometry clip(Geometry g, Geometry area) {
        Geometry cut = OverlayNGRobust.overlay(g, area, OverlayNG.INTERSECTION);
        int dim = g.getDimension();
        if (cut instanceof GeometryCollection gc && !(cut.getClass().getSimpleName().startsWith("Multi"))) {
            List<Geometry> keep = new ArrayList<>();
            for (int i = 0; i < gc.getNumGeometries(); i++) {
                if (gc.getGeometryN(i).getDimension() == dim) keep.add(gc.getGeometryN(i));
            }
            cut = g.getFactory().buildGeometry(keep);
        }
        if (cut.isEmpty() || cut.getDimension() != dim) return null;
        // a stored multipolygon stays a multipolygon when clipping leaves one part
        if (g instanceof org.locationtech.jts.geom.MultiPolygon && cut instanceof org.locationtech.jts.geom.Polygon p) {
            return g.getFactory().createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {p});
        }
        return cut;
    }

    private Connection borrow() throws IOException {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for the store");
        }
    }

    @Override
    public void close() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // read-only: nothing to lose
            }
        }
    }
}
