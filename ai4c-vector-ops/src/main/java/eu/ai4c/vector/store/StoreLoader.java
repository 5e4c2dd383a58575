package eu.ai4c.vector.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.vector.etl.CleanseLog;
import eu.ai4c.vector.etl.FeatureExtractor;
import eu.ai4c.vector.etl.OsmFeature;
import eu.ai4c.vector.schema.AttributeMapping;
import eu.ai4c.vector.schema.FeatureClass;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code humanfeatures-load}: extracts an OSM file ({@link FeatureExtractor}) into a GeoPackage
 * feature store, one table per class named after the class, each with its R-tree spatial index
 * ({@code gpkg_rtree_index} extension) and a unique key on the OSM object (type, id).
 *
 * <p>Incremental: loading into an existing store appends; an object already in the store is
 * replaced only by a newer version, so loading the same file twice adds nothing and loading an
 * overlapping region adds only what is new. All or nothing: a new store is written under a
 * temporary name and moved into place; an existing one is changed in one transaction that is
 * rolled back on failure.</p>
 *
 * <h2>Thread-safety</h2>
 * Stateless; concurrent loads into the same store are serialised by SQLite's file lock.
 */
public final class StoreLoader {
    private static final Logger LOG = LoggerFactory.getLogger(StoreLoader.class);
    /** The table recording the classes and their rules. */
    static final String CLASSES_TABLE = "humanfeatures_classes";

    private StoreLoader() {
    }

    /**
     * What a load did.
     *
     * @param extracted features made per class from the file
     * @param inserted  features new or updated in the store per class (the rest were already there)
     * @param stored    features in the store per class after the load
     * @param cleanse   the cleansing counts
     */
    public record Result(Map<String, Long> extracted, Map<String, Long> inserted, Map<String, Long> stored,
                         CleanseLog cleanse) {
    }

    /**
     * Loads {@code osmFile} into {@code store} (created when missing).
     *
     * @throws Ai4cException (usage) when the store exists and is not a GeoPackage, or the input is not an OSM file
     */
    public static Result load(Path osmFile, Path store, List<FeatureClass> classes, ProcessingContext context)
            throws IOException {
        return StoreTransaction.run(store, c -> loadInto(c, osmFile, classes, context));
    }

    private static Result loadInto(Connection c, Path osmFile, List<FeatureClass> classes, ProcessingContext context)
            throws SQLException, IOException {
        ensureClassesTable(c);
        Map<String, TableWriter> writers = new HashMap<>();
        for (FeatureClass fc : classes) writers.put(fc.name(), new TableWriter(c, fc));
        FeatureExtractor extractor = new FeatureExtractor(classes);
        Map<String, Long> inserted = new LinkedHashMap<>();
        try {
            extractor.extract(osmFile, f -> {
                try {
                    if (writers.get(f.featureClass().name()).write(f)) {
                        inserted.merge(f.featureClass().name(), 1L, Long::sum);
                    }
                } catch (SQLException e) {
                    throw new IOException("cannot write a feature of class " + f.featureClass().name() + ": "
                            + e.getMessage(), e);
                }
            }, context);
            for (TableWriter w : writers.values()) w.finish();
        } finally {
            for (TableWriter w : writers.values()) w.close();
        }
        Map<String, Long> stored = new LinkedHashMap<>();
        Map<String, Long> extracted = new LinkedHashMap<>();
        for (FeatureClass fc : classes) {
            updateExtent(c, fc.name());
            stored.put(fc.name(), count(c, fc.name()));
            extracted.put(fc.name(), extractor.counts().getOrDefault(fc.name(), 0L));
            inserted.putIfAbsent(fc.name(), 0L);
            upsertClassRow(c, fc, stored.get(fc.name()));
        }
        CleanseLog log = extractor.cleanseLog();
        for (FeatureClass fc : classes) {
            LOG.info("humanfeatures-load: {} {} extracted, {} new or updated, {} in the store", fc.name(),
                    extracted.get(fc.name()), inserted.get(fc.name()), stored.get(fc.name()));
        }
        log.byClass().forEach((cls, reasons) -> reasons.forEach((reason, n) ->
                LOG.info("humanfeatures-load: cleanse {} {}: {}", cls, reason.description(), n)));
        return new Result(extracted, inserted, stored, log);
    }

    static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static void ensureClassesTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + CLASSES_TABLE + " (name TEXT PRIMARY KEY, title TEXT NOT NULL, "
                    + "geometry_type TEXT NOT NULL, rules TEXT NOT NULL, attributes TEXT NOT NULL)");
            s.execute("INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ('"
                    + CLASSES_TABLE + "', 'attributes', '" + CLASSES_TABLE + "', 'feature classes of the human-features "
                    + "store and their OpenStreetMap rules')");
        }
    }

    private static void upsertClassRow(Connection c, FeatureClass fc, long count) throws SQLException {
        List<String> attrs = new ArrayList<>();
        for (AttributeMapping a : fc.attributes()) attrs.add(a.column() + ":" + a.type().sqlType().toLowerCase(Locale.ROOT));
        upsertClassRow(c, fc.name(), fc.title(), fc.geometryTypeName(), fc.describeRules(), attrs);
    }

    /** Records a class (name, title, geometry type, rules or source, {@code column:type} attributes). */
    static void upsertClassRow(Connection c, String name, String title, String geometryType, String rules,
                               List<String> attrs) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO " + CLASSES_TABLE + " VALUES (?,?,?,?,?)")) {
            p.setString(1, name);
            p.setString(2, title);
            p.setString(3, geometryType);
            p.setString(4, rules);
            p.setString(5, new ObjectMapper().writeValueAsString(attrs));
            p.executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void updateExtent(Connection c, String table) throws SQLException {
        String rtree = GeoPackageFile.rtreeName(table);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now'), "
                    + "min_x = (SELECT min(minx) FROM " + rtree + "), max_x = (SELECT max(maxx) FROM " + rtree + "), "
                    + "min_y = (SELECT min(miny) FROM " + rtree + "), max_y = (SELECT max(maxy) FROM " + rtree + ") "
                    + "WHERE table_name = '" + table + "'");
        }
    }

    /** Inserts the features of one class: the table (created when missing), its R-tree. */
    private static final class TableWriter implements AutoCloseable {
        /** Rows per JDBC batch of a new table. */
        private static final int BATCH = 2000;
        private final PreparedStatement upsert;
        private final PreparedStatement rtree;
        private final GeoPackageBinary binary = new GeoPackageBinary();
        /** A table created by this load: no row can conflict, rows go in batches with ids counted here. */
        private final boolean fresh;
        private long nextFid = 1;
        private int pending;
        /** The R-tree of a new table, built in one go at the end. */
        private final RTreeBulkLoad bulk = new RTreeBulkLoad();
        private final Connection connection;
        private final String rtreeName;
        private final String table;

        TableWriter(Connection c, FeatureClass fc) throws SQLException {
            String t = fc.name();
            Set<String> existing = new HashSet<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(\"" + t + "\")")) {
                while (rs.next()) existing.add(rs.getString("name"));
            }
            fresh = existing.isEmpty();
            connection = c;
            rtreeName = GeoPackageFile.rtreeName(t);
            table = t;
            if (fresh) {
                create(c, fc);
            } else {
                String type = geometryType(c, t);
                if (type == null) {
                    throw Ai4cException.usage("The store has a table " + t + " that is not a feature table of this "
                            + "service. Use another store, or rename the class in the schema.");
                }
                if (!type.equalsIgnoreCase(fc.geometryTypeName())) {
                    throw Ai4cException.usage("The store's table " + t + " holds " + type + " geometries but the schema's "
                            + "class " + t + " makes " + fc.geometryTypeName() + ". Load into a new store, or keep the "
                            + "class's geometry as it was.");
                }
                for (AttributeMapping a : fc.attributes()) {
                    if (!existing.contains(a.column())) {
                        try (Statement s = c.createStatement()) {
                            s.execute("ALTER TABLE \"" + t + "\" ADD COLUMN \"" + a.column() + "\" " + a.type().sqlType());
                        }
                    }
                }
            }
            StringBuilder cols = new StringBuilder("geom, osm_type, osm_id, osm_version, name, name_en");
            StringBuilder marks = new StringBuilder("?,?,?,?,?,?");
            StringBuilder updates = new StringBuilder("geom = excluded.geom, osm_version = excluded.osm_version, "
                    + "name = excluded.name, name_en = excluded.name_en");
            for (AttributeMapping a : fc.attributes()) {
                cols.append(", \"").append(a.column()).append('"');
                marks.append(",?");
                updates.append(", \"").append(a.column()).append("\" = excluded.\"").append(a.column()).append('"');
            }
            if (fresh) {
                // one file holds each object once: plain inserts, batched
                upsert = c.prepareStatement("INSERT INTO \"" + t + "\" (fid, " + cols + ") VALUES (?," + marks + ")");
            } else
            // a newer version of an object replaces the older; the same or an older version is ignored
            upsert = c.prepareStatement("INSERT INTO \"" + t + "\" (" + cols + ") VALUES (" + marks + ") "
                    + "ON CONFLICT (osm_type, osm_id) DO UPDATE SET " + updates
                    + " WHERE excluded.osm_version > \"" + t + "\".osm_version RETURNING fid");
            rtree = c.prepareStatement("INSERT OR REPLACE INTO " + GeoPackageFile.rtreeName(t) + " VALUES (?,?,?,?,?)");
        }

        private static String geometryType(Connection c, String table) throws SQLException {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = ?")) {
                p.setString(1, table);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        }

        private static void create(Connection c, FeatureClass fc) throws SQLException {
            StringBuilder columns = new StringBuilder("osm_type TEXT NOT NULL, osm_id INTEGER NOT NULL, "
                    + "osm_version INTEGER, name TEXT, name_en TEXT");
            for (AttributeMapping a : fc.attributes()) {
                columns.append(", \"").append(a.column()).append("\" ").append(a.type().sqlType());
            }
            // the unique key (osm_type, osm_id) is indexed once filled: see finish()
            GeoPackageFile.createFeatureTable(c, fc.name(), "INTEGER PRIMARY KEY AUTOINCREMENT", fc.geometryTypeName(),
                    columns.toString(), fc.title() + " from OpenStreetMap: " + fc.describeRules());
        }

        /** Writes one feature; true when it was new or a newer version. */
        boolean write(OsmFeature f) throws SQLException {
            int o = fresh ? 1 : 0;
            if (fresh) upsert.setLong(1, nextFid);
            upsert.setBytes(o + 1, binary.encode(f.geometry(), 4326));
            upsert.setString(o + 2, f.osmType());
            upsert.setLong(o + 3, f.osmId());
            if (f.osmVersion() < 0) upsert.setNull(o + 4, java.sql.Types.INTEGER);
            else upsert.setInt(o + 4, f.osmVersion());
            Object[] a = f.attributes();
            for (int i = 0; i < a.length; i++) {
                Object v = a[i];
                int k = o + 5 + i;
                if (v == null) upsert.setNull(k, java.sql.Types.NULL);
                else if (v instanceof Long l) upsert.setLong(k, l);
                else if (v instanceof Double d) upsert.setDouble(k, d);
                else upsert.setString(k, v.toString());
            }
            long fid;
            if (fresh) {
                fid = nextFid++;
                upsert.addBatch();
            } else {
                try (ResultSet rs = upsert.executeQuery()) {
                    if (!rs.next()) return false;
                    fid = rs.getLong(1);
                }
            }
            Envelope e = f.geometry().getEnvelopeInternal();
            if (fresh) {
                bulk.add(fid, e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY());
                if (++pending == BATCH) flush();
                return true;
            }
            rtree.setLong(1, fid);
            rtree.setDouble(2, e.getMinX());
            rtree.setDouble(3, e.getMaxX());
            rtree.setDouble(4, e.getMinY());
            rtree.setDouble(5, e.getMaxY());
            rtree.executeUpdate();
            return true;
        }

        /** Sends the batched rows. */
        void flush() throws SQLException {
            if (pending == 0) return;
            upsert.executeBatch();
            pending = 0;
        }

        /** Sends the last rows; a new table gets its R-tree and its unique OSM key index, both built in one go. */
        void finish() throws SQLException {
            flush();
            if (!fresh) return;
            bulk.write(connection, rtreeName);
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE UNIQUE INDEX \"" + table + "_osm_key\" ON \"" + table + "\" (osm_type, osm_id)");
            } catch (SQLException e) {
                throw new Ai4cException("The OSM file holds an object twice in class " + table + " (" + e.getMessage()
                        + "); it is damaged. Export it again, e.g. with osmium cat.");
            }
        }

        @Override
        public void close() throws SQLException {
            upsert.close();
            rtree.close();
        }
    }
}
