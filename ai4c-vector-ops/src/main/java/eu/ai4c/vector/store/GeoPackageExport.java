package eu.ai4c.vector.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * Writes query results into a new GeoPackage laid out like the store: one feature table per class
 * (GEOMETRY type, as clipping may turn a polygon into a multipolygon), columns as queried, an
 * R-tree per table. The caller gives a temporary path and moves it into place.
 *
 * <h2>Thread-safety</h2>
 * Not thread-safe.
 */
public final class GeoPackageExport implements Closeable {
    private final Connection c;
    private final Map<String, PreparedStatement[]> tables = new HashMap<>();
    private final Map<String, List<String>> columns = new HashMap<>();
    private final GeoPackageBinary binary = new GeoPackageBinary();

    public GeoPackageExport(Path file) throws IOException {
        try {
            c = GeoPackageFile.connect(file, false);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = OFF");
                s.execute("PRAGMA synchronous = OFF");
            }
            c.setAutoCommit(false);
            GeoPackageFile.initialise(c);
        } catch (SQLException e) {
            throw new IOException("Cannot create the GeoPackage " + file + ": " + e.getMessage(), e);
        }
    }

    public void write(StoreClass cls, StoredFeature f) throws IOException {
        try {
            PreparedStatement[] st = tables.get(cls.name());
            if (st == null) st = create(cls, f);
            List<String> cols = columns.get(cls.name());
            long fid = f.fid();
            st[0].setLong(1, fid);
            st[0].setBytes(2, binary.encode(f.geometry(), 4326));
            for (int i = 0; i < cols.size(); i++) st[0].setObject(3 + i, f.properties().get(cols.get(i)));
            st[0].executeUpdate();
            Envelope e = f.geometry().getEnvelopeInternal();
            st[1].setLong(1, fid);
            st[1].setDouble(2, e.getMinX());
            st[1].setDouble(3, e.getMaxX());
            st[1].setDouble(4, e.getMinY());
            st[1].setDouble(5, e.getMaxY());
            st[1].executeUpdate();
        } catch (SQLException e) {
            throw new IOException("Cannot write a " + cls.name() + " feature to the GeoPackage: " + e.getMessage(), e);
        }
    }

    private PreparedStatement[] create(StoreClass cls, StoredFeature sample) throws SQLException {
        String t = cls.name();
        List<String> cols = new ArrayList<>(sample.properties().keySet());
        Map<String, String> types = new HashMap<>(Map.of("osm_type", "TEXT", "osm_id", "INTEGER", "osm_version",
                "INTEGER", "name", "TEXT", "name_en", "TEXT"));
        for (String a : cls.attributes()) {
            int colon = a.lastIndexOf(':');
            types.put(a.substring(0, colon), a.substring(colon + 1).toUpperCase(java.util.Locale.ROOT));
        }
        StringBuilder columnDefs = new StringBuilder();
        StringBuilder ins = new StringBuilder("INSERT INTO \"" + t + "\" VALUES (?,?");
        for (String col : cols) {
            if (columnDefs.length() > 0) columnDefs.append(", ");
            columnDefs.append('"').append(col).append("\" ").append(types.getOrDefault(col, "TEXT"));
            ins.append(",?");
        }
        ins.append(')');
        GeoPackageFile.createFeatureTable(c, t, "INTEGER PRIMARY KEY", "GEOMETRY", columnDefs.toString(), cls.title());
        PreparedStatement[] st = {c.prepareStatement(ins.toString()),
                c.prepareStatement("INSERT INTO " + GeoPackageFile.rtreeName(t) + " VALUES (?,?,?,?,?)")};
        tables.put(t, st);
        columns.put(t, cols);
        return st;
    }

    /** Sets the extents and commits. */
    public void finish() throws IOException {
        try (Statement s = c.createStatement()) {
            for (String t : tables.keySet()) {
                String r = GeoPackageFile.rtreeName(t);
                s.executeUpdate("UPDATE gpkg_contents SET min_x = (SELECT min(minx) FROM " + r + "), max_x = (SELECT "
                        + "max(maxx) FROM " + r + "), min_y = (SELECT min(miny) FROM " + r + "), max_y = (SELECT "
                        + "max(maxy) FROM " + r + ") WHERE table_name = '" + t + "'");
            }
            c.commit();
        } catch (SQLException e) {
            throw new IOException("Cannot finish the GeoPackage: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            for (PreparedStatement[] st : tables.values()) {
                st[0].close();
                st[1].close();
            }
            c.close();
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
