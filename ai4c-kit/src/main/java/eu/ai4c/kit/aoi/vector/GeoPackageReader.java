package eu.ai4c.kit.aoi.vector;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.SqliteConnections;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * Reads the polygons of the feature table of an OGC GeoPackage (OGC 12-128r18) through
 * the SQLite JDBC driver (sqlite-jdbc), opened read-only. The table is the single {@code features} row of
 * {@code gpkg_contents}; its geometry column and SRS come from {@code gpkg_geometry_columns},
 * and the CRS from {@code gpkg_spatial_ref_sys} ({@code organization} EPSG with its
 * {@code organization_coordsys_id}, otherwise the WKT {@code definition}; SRS id 0, "undefined
 * geographic", is taken as WGS84). Geometry blobs are decoded by {@link GeoPackageGeometry}.
 * All features are unioned.
 *
 * <h2>Thread-safety</h2>
 * Stateless; one connection per call.
 */
public final class GeoPackageReader {

    private GeoPackageReader() {
    }

    /** Opens the file read-only through whichever SQLite JDBC driver is installed ({@link SqliteConnections}). */
    private static Connection open(Path file) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        try {
            return SqliteConnections.connect(file, properties);
        } catch (SqliteConnections.NoSqliteDriverException e) {
            throw Ai4cException.usage("The GeoPackage " + file + " cannot be read: no SQLite JDBC driver "
                    + "(org.xerial:sqlite-jdbc) is available here (inside SNAP, AI4C uses the one of SNAP's Optical "
                    + "Toolbox, which is not installed). Give the area of interest as GeoJSON, KML or a Shapefile "
                    + "instead (e.g. ogr2ogr -f GeoJSON aoi.geojson " + file.getFileName() + ").");
        }
    }

    /**
     * @throws Ai4cException naming the file when it is not a GeoPackage, has no or several
     *                       feature tables, or holds no polygon
     */
    public static VectorGeometry read(Path file) {
        String where = "The GeoPackage " + file;
        try (Connection db = open(file)) {
            String table = featureTable(db, file);
            String column;
            int srsId;
            try (PreparedStatement st = db.prepareStatement(
                    "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?")) {
                st.setString(1, table);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw Ai4cException.usage(where + " lists the feature table \"" + table
                                + "\" without a row in gpkg_geometry_columns; export the file again.");
                    }
                    column = rs.getString(1);
                    srsId = rs.getInt(2);
                }
            }
            CoordinateReferenceSystem crs = crs(db, srsId, file);
            List<Polygon> polygons = new ArrayList<>();
            WKBReader wkb = new WKBReader(Polygons.FACTORY);
            String sql = "SELECT " + quote(column) + " FROM " + quote(table);
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                int row = 0;
                while (rs.next()) {
                    row++;
                    byte[] blob = rs.getBytes(1);
                    if (blob == null) continue;
                    String feature = where + ", table \"" + table + "\", row #" + row;
                    Geometry g = GeoPackageGeometry.decode(blob, wkb, feature);
                    if (g != null) Polygons.collect(g, feature, polygons);
                }
            }
            return new VectorGeometry(Polygons.union(polygons, where), crs, file + " (table " + table + ")");
        } catch (SQLException e) {
            throw Ai4cException.usage(where + " cannot be read as a GeoPackage (" + e.getMessage()
                    + "). Check that it is a GeoPackage (SQLite) file, e.g. with ogrinfo.");
        } catch (ParseException e) {
            throw Ai4cException.usage(where + " has a geometry that is not valid WKB (" + e.getMessage()
                    + "). Export the file again.");
        }
    }

    private static String featureTable(Connection db, Path file) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")) {
            while (rs.next()) tables.add(rs.getString(1));
        }
        if (tables.size() != 1) {
            throw Ai4cException.usage("The GeoPackage " + file + " has " + (tables.isEmpty() ? "no feature table"
                    : tables.size() + " feature tables " + tables) + "; an area of interest needs exactly one. Extract the "
                    + "polygon layer, e.g. ogr2ogr aoi.gpkg " + file + " <layer>.");
        }
        return tables.get(0);
    }

    private static CoordinateReferenceSystem crs(Connection db, int srsId, Path file) throws SQLException {
        if (srsId == 0 || srsId == 4326) {
            return Projections.wgs84();
        }
        try (PreparedStatement st = db.prepareStatement("SELECT organization, organization_coordsys_id, definition "
                + "FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
            st.setInt(1, srsId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next() || srsId < 0) {
                    throw Ai4cException.usage("The GeoPackage " + file + " uses SRS id " + srsId
                            + (srsId < 0 ? " (undefined Cartesian)" : ", which is not in gpkg_spatial_ref_sys")
                            + ", so its coordinate reference system is unknown. Assign one, e.g. ogr2ogr -a_srs EPSG:<code>.");
                }
                String org = rs.getString(1);
                int code = rs.getInt(2);
                String definition = rs.getString(3);
                if (org != null && org.toUpperCase(Locale.ROOT).equals("EPSG") && code > 0) {
                    return Projections.parse("EPSG:" + code, 0, 0);
                }
                if (definition == null || definition.isBlank() || definition.equalsIgnoreCase("undefined")) {
                    throw Ai4cException.usage("The GeoPackage " + file + " has SRS id " + srsId
                            + " without EPSG code or WKT definition; assign a CRS, e.g. ogr2ogr -a_srs EPSG:<code>.");
                }
                return Projections.parse(definition, 0, 0);
            }
        }
    }

    /** An SQL identifier in double quotes, inner quotes doubled. */
    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
