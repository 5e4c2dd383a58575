package eu.ai4c.vector.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk-loaded R-tree against SQLite's own: rtreecheck() finds it consistent, and window
 * queries give the same ids as a tree filled by inserts, at sizes from one node to three levels.
 */
class RTreeBulkLoadTest {
    @TempDir
    Path dir;

    @Test
    void sameAnswersAsSqlitesOwnInsertsAndConsistent() throws Exception {
        for (int n : new int[] {1, 51, 52, 3000, 140_000}) {
            try (Connection c = GeoPackageFile.connect(dir.resolve("r" + n + ".db"), false)) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE VIRTUAL TABLE bulk USING rtree(id, minx, maxx, miny, maxy)");
                    s.execute("CREATE VIRTUAL TABLE own USING rtree(id, minx, maxx, miny, maxy)");
                }
                Random rnd = new Random(n);
                RTreeBulkLoad bulk = new RTreeBulkLoad();
                try (PreparedStatement p = c.prepareStatement("INSERT INTO own VALUES (?,?,?,?,?)")) {
                    for (int i = 1; i <= n; i++) {
                        double x = -10 + 20 * rnd.nextDouble();
                        double y = -5 + 10 * rnd.nextDouble();
                        double w = rnd.nextDouble() * 0.01;
                        bulk.add(i * 3L, x, x + w, y, y + w);
                        p.setLong(1, i * 3L);
                        p.setDouble(2, x);
                        p.setDouble(3, x + w);
                        p.setDouble(4, y);
                        p.setDouble(5, y + w);
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                bulk.write(c, "bulk");
                c.commit();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT rtreecheck('bulk')")) {
                    rs.next();
                    assertEquals("ok", rs.getString(1), n + " boxes");
                }
                for (int q = 0; q < 20; q++) {
                    double x = -10 + 20 * rnd.nextDouble();
                    double y = -5 + 10 * rnd.nextDouble();
                    double w = rnd.nextDouble() * (q < 10 ? 0.05 : 5);
                    assertEquals(window(c, "own", x, y, w), window(c, "bulk", x, y, w), n + " boxes, window " + q);
                }
                assertEquals(window(c, "own", -180, -90, 360).size(), n);
            }
        }
    }

    private static List<Long> window(Connection c, String table, double x, double y, double w) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM " + table
                + " WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ? ORDER BY id")) {
            p.setDouble(1, x);
            p.setDouble(2, x + w);
            p.setDouble(3, y);
            p.setDouble(4, y + w);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
