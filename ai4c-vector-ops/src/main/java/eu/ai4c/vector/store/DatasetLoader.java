package eu.ai4c.vector.store;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the records of a dataset ({@link DatasetClass}) into the human-features store, beside the
 * OSM classes: a table named after the class with its R-tree and a unique key on {@code
 * source_id}. A record already in the store (same key) is replaced, so loading a newer release
 * updates it and loading the same file twice adds nothing. All or nothing, as
 * {@link StoreLoader}.
 *
 * <h2>Thread-safety</h2>
 * Stateless.
 */
public final class DatasetLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetLoader.class);

    private DatasetLoader() {
    }

    /**
     * What a load did.
     *
     * @param read   records read from the file
     * @param added  records new to the store (the others replaced records with the same key)
     * @param stored records of the class in the store after the load
     */
    public record Result(long read, long added, long stored) {
    }

    /**
     * Loads {@code features} of {@code cls} into {@code store} (created when missing).
     *
     * @throws Ai4cException (usage) when the store is not a GeoPackage, or holds a table of that name
     *                       that is not this class's
     */
    public static Result load(Path store, DatasetClass cls, List<DatasetFeature> features) throws IOException {
        return StoreTransaction.run(store, c -> {
            StoreLoader.ensureClassesTable(c);
            long before = prepareTable(c, cls);
            write(c, cls, features);
            StoreLoader.updateExtent(c, cls.name());
            long after = StoreLoader.count(c, cls.name());
            StoreLoader.upsertClassRow(c, cls.name(), cls.title(), cls.geometry(), cls.source(), cls.describeColumns());
            Result r = new Result(features.size(), after - before, after);
            LOG.info("{}: {} records read, {} new, {} in the store {}", cls.name(), r.read(), r.added(), r.stored(), store);
            return r;
        });
    }

    /** Creates the table or checks and extends an existing one; returns its row count. */
    private static long prepareTable(Connection c, DatasetClass cls) throws SQLException {
        String t = cls.name();
        Set<String> existing = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(\"" + t + "\")")) {
            while (rs.next()) existing.add(rs.getString("name"));
        }
        if (existing.isEmpty()) {
            create(c, cls);
            return 0;
        }
        String type = null;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = ?")) {
            p.setString(1, t);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) type = rs.getString(1);
            }
        }
        if (type == null || !existing.contains("source_id")) {
            throw Ai4cException.usage("The store has a table " + t + " that is not the " + cls.title() + " class. "
                    + "Load into another store, or remove that table first.");
        }
        if (!type.equalsIgnoreCase(cls.geometry())) {
            throw Ai4cException.usage("The store's table " + t + " holds " + type + " geometries but " + cls.title()
                    + " are " + cls.geometry() + ". Load into a new store.");
        }
        for (DatasetClass.Column col : cls.columns()) {
            if (!existing.contains(col.name())) {
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE \"" + t + "\" ADD COLUMN \"" + col.name() + "\" " + col.sqlType());
                }
            }
        }
        return StoreLoader.count(c, t);
    }

    private static void create(Connection c, DatasetClass cls) throws SQLException {
        StringBuilder columns = new StringBuilder("source_id TEXT NOT NULL UNIQUE, name TEXT");
        for (DatasetClass.Column col : cls.columns()) {
            columns.append(", \"").append(col.name()).append("\" ").append(col.sqlType());
        }
        GeoPackageFile.createFeatureTable(c, cls.name(), "INTEGER PRIMARY KEY AUTOINCREMENT", cls.geometry(),
                columns.toString(), cls.title() + ": " + cls.source());
    }

    private static void write(Connection c, DatasetClass cls, List<DatasetFeature> features) throws SQLException {
        String t = cls.name();
        StringBuilder cols = new StringBuilder("geom, source_id, name");
        StringBuilder marks = new StringBuilder("?,?,?");
        StringBuilder updates = new StringBuilder("geom = excluded.geom, name = excluded.name");
        for (DatasetClass.Column col : cls.columns()) {
            cols.append(", \"").append(col.name()).append('"');
            marks.append(",?");
            updates.append(", \"").append(col.name()).append("\" = excluded.\"").append(col.name()).append('"');
        }
        GeoPackageBinary binary = new GeoPackageBinary();
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO \"" + t + "\" (" + cols + ") VALUES (" + marks
                + ") ON CONFLICT (source_id) DO UPDATE SET " + updates + " RETURNING fid");
             PreparedStatement rtree = c.prepareStatement("INSERT OR REPLACE INTO " + GeoPackageFile.rtreeName(t)
                     + " VALUES (?,?,?,?,?)")) {
            for (DatasetFeature f : features) {
                upsert.setBytes(1, binary.encode(f.geometry(), 4326));
                upsert.setString(2, f.sourceId());
                upsert.setString(3, f.name());
                Object[] v = f.values();
                for (int i = 0; i < v.length; i++) {
                    int k = 4 + i;
                    if (v[i] == null) upsert.setNull(k, Types.NULL);
                    else if (v[i] instanceof Long l) upsert.setLong(k, l);
                    else if (v[i] instanceof Double d) upsert.setDouble(k, d);
                    else upsert.setString(k, v[i].toString());
                }
                long fid;
                try (ResultSet rs = upsert.executeQuery()) {
                    rs.next();
                    fid = rs.getLong(1);
                }
                Envelope e = f.geometry().getEnvelopeInternal();
                rtree.setLong(1, fid);
                rtree.setDouble(2, e.getMinX());
                rtree.setDouble(3, e.getMaxX());
                rtree.setDouble(4, e.getMinY());
                rtree.setDouble(5, e.getMaxY());
                rtree.executeUpdate();
            }
        }
    }
}
