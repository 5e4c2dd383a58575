package eu.ai4c.vector.store;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Fills an empty SQLite R-tree ({@code CREATE VIRTUAL TABLE … USING rtree(id, minx, maxx, miny, maxy)})
 * in one go instead of row by row: the boxes are packed bottom-up by Sort-Tile-Recursive (sorted
 * by centre x into vertical slices, each sorted by centre y, cut into full nodes), and the nodes
 * are written straight into the R-tree's shadow tables {@code <name>_node}, {@code <name>_rowid} and
 * {@code <name>_parent} in SQLite's own node format (as GDAL does for GeoPackages): a node is a
 * blob of 4 + 51 × 24 bytes (the size SQLite gives a 2-D float R-tree on 4 KiB pages, read back
 * from the root node), holding the tree depth (root only) and the cell count as big-endian 16-bit
 * integers, then per cell a big-endian 64-bit id (row id in leaves, child node number above) and
 * minx, maxx, miny, maxy as big-endian float32 rounded outwards. The root is node 1.
 * {@code SELECT rtreecheck(name)} checks the result.
 *
 * <h2>Thread-safety</h2>
 * Not thread-safe; collect, then {@link #write} once.
 */
final class RTreeBulkLoad {
    /** Cells per node: SQLite's RTREE_MAXCELLS, reached on 4 KiB pages. */
    static final int MAX_CELLS = 51;
    private static final int CELL_BYTES = 8 + 4 * 4;
    static final int NODE_BYTES = 4 + MAX_CELLS * CELL_BYTES;

    private long[] ids = new long[1024];
    private float[] box = new float[4 * 1024];
    private int size;

    /** Adds one entry: the box rounded outwards to float32, as SQLite stores it. */
    void add(long id, double minX, double maxX, double minY, double maxY) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            box = Arrays.copyOf(box, 8 * size);
        }
        ids[size] = id;
        box[4 * size] = down(minX);
        box[4 * size + 1] = up(maxX);
        box[4 * size + 2] = down(minY);
        box[4 * size + 3] = up(maxY);
        size++;
    }

    int size() {
        return size;
    }

    static float down(double v) {
        float f = (float) v;
        return f > v ? Math.nextDown(f) : f;
    }

    static float up(double v) {
        float f = (float) v;
        return f < v ? Math.nextUp(f) : f;
    }

    /** Writes the tree into {@code rtree}'s shadow tables, replacing its (empty) content. */
    void write(Connection c, String rtree) throws SQLException {
        if (size == 0) return;
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM \"" + rtree + "_node\"");
            s.executeUpdate("DELETE FROM \"" + rtree + "_rowid\"");
            s.executeUpdate("DELETE FROM \"" + rtree + "_parent\"");
        }
        try (PreparedStatement node = c.prepareStatement("INSERT INTO \"" + rtree + "_node\" VALUES (?, ?)");
             PreparedStatement rowid = c.prepareStatement("INSERT INTO \"" + rtree + "_rowid\" VALUES (?, ?)");
             PreparedStatement parent = c.prepareStatement("INSERT INTO \"" + rtree + "_parent\" VALUES (?, ?)")) {
            long[] levelIds = Arrays.copyOf(ids, size);
            float[] levelBox = Arrays.copyOf(box, 4 * size);
            int n = size;
            int depth = 0;
            long nextNode = 2;
            while (true) {
                int[] order = strOrder(levelBox, n);
                int nodes = (n + MAX_CELLS - 1) / MAX_CELLS;
                boolean root = nodes == 1;
                long[] upIds = new long[nodes];
                float[] upBox = new float[4 * nodes];
                for (int k = 0; k < nodes; k++) {
                    long nodeNo = root ? 1 : nextNode++;
                    int from = k * MAX_CELLS;
                    int to = Math.min(n, from + MAX_CELLS);
                    ByteBuffer b = ByteBuffer.allocate(NODE_BYTES); // big-endian, zero-padded
                    b.putShort((short) (root ? depth : 0));
                    b.putShort((short) (to - from));
                    float x0 = Float.POSITIVE_INFINITY, x1 = Float.NEGATIVE_INFINITY;
                    float y0 = Float.POSITIVE_INFINITY, y1 = Float.NEGATIVE_INFINITY;
                    for (int i = from; i < to; i++) {
                        int e = order[i];
                        b.putLong(levelIds[e]);
                        b.putFloat(levelBox[4 * e]).putFloat(levelBox[4 * e + 1])
                                .putFloat(levelBox[4 * e + 2]).putFloat(levelBox[4 * e + 3]);
                        x0 = Math.min(x0, levelBox[4 * e]);
                        x1 = Math.max(x1, levelBox[4 * e + 1]);
                        y0 = Math.min(y0, levelBox[4 * e + 2]);
                        y1 = Math.max(y1, levelBox[4 * e + 3]);
                        if (depth == 0) {
                            rowid.setLong(1, levelIds[e]);
                            rowid.setLong(2, nodeNo);
                            rowid.addBatch();
                        } else {
                            parent.setLong(1, levelIds[e]);
                            parent.setLong(2, nodeNo);
                            parent.addBatch();
                        }
                    }
                    node.setLong(1, nodeNo);
                    node.setBytes(2, b.array());
                    node.addBatch();
                    upIds[k] = nodeNo;
                    upBox[4 * k] = x0;
                    upBox[4 * k + 1] = x1;
                    upBox[4 * k + 2] = y0;
                    upBox[4 * k + 3] = y1;
                }
                node.executeBatch();
                rowid.executeBatch();
                parent.executeBatch();
                if (root) break;
                levelIds = upIds;
                levelBox = upBox;
                n = nodes;
                depth++;
            }
        }
        ids = new long[0];
        box = new float[0];
        size = 0;
    }

    /**
     * Sort-Tile-Recursive order of {@code n} boxes: by centre x into ⌈√(n/M)⌉ slices of whole
     * nodes, each slice by centre y.
     */
    static int[] strOrder(float[] box, int n) {
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) keys[i] = sortKey(box[4 * i] + box[4 * i + 1], i);
        Arrays.sort(keys);
        int nodes = (n + MAX_CELLS - 1) / MAX_CELLS;
        int slices = (int) Math.ceil(Math.sqrt(nodes));
        int perSlice = slices == 0 ? n : ((nodes + slices - 1) / slices) * MAX_CELLS;
        int[] order = new int[n];
        for (int s = 0; s < n; s += perSlice) {
            int e = Math.min(n, s + perSlice);
            long[] slice = new long[e - s];
            for (int i = s; i < e; i++) {
                int idx = (int) keys[i];
                slice[i - s] = sortKey(box[4 * idx + 2] + box[4 * idx + 3], idx);
            }
            Arrays.sort(slice);
            for (int i = s; i < e; i++) order[i] = (int) slice[i - s];
        }
        return order;
    }

    /** A long ordering by {@code v} (the high 32 bits, order-preserving float bits) then index. */
    private static long sortKey(float v, int index) {
        int bits = Float.floatToIntBits(v);
        bits ^= (bits >> 31) & 0x7FFFFFFF; // negative floats: flip so that integer order is float order
        return ((long) bits << 32) | (index & 0xFFFFFFFFL);
    }
}
