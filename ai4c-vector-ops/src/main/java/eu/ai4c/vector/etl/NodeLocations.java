package eu.ai4c.vector.etl;

import java.util.Arrays;

/**
 * The locations of all nodes of a file, for building way geometries: ids in a {@code long[]} and
 * coordinates (10⁻⁷ degree, longitude then latitude) in an {@code int[]}, 16 bytes per node with
 * no per-node object. Nodes arrive sorted by id in PBF and XML files from osmium, Geofabrik or
 * the OSM API; unsorted input is sorted once by {@link #seal()}. Lookups are binary searches.
 *
 * <h2>Thread-safety</h2>
 * Not thread-safe while filling; read-only after {@link #seal()}.
 */
final class NodeLocations {
    private long[] ids = new long[1 << 16];
    private int[] lonLat = new int[2 << 16];
    private int size;
    private boolean sorted = true;
    private boolean sealed;

    void add(long id, int lonE7, int latE7) {
        if (size == ids.length) {
            int n = (int) Math.min(Integer.MAX_VALUE - 8L, ids.length + (long) (ids.length >> 1));
            ids = Arrays.copyOf(ids, n);
            lonLat = Arrays.copyOf(lonLat, 2 * n);
        }
        if (size > 0 && id <= ids[size - 1]) sorted = false;
        ids[size] = id;
        lonLat[2 * size] = lonE7;
        lonLat[2 * size + 1] = latE7;
        size++;
    }

    /** Ends filling: sorts when the input was not sorted. */
    void seal() {
        if (sealed) return;
        sealed = true;
        if (sorted) return;
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) order[i] = i;
        long[] keys = ids;
        Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        long[] sortedIds = new long[size];
        int[] sortedLonLat = new int[2 * size];
        for (int i = 0; i < size; i++) {
            int j = order[i];
            sortedIds[i] = ids[j];
            sortedLonLat[2 * i] = lonLat[2 * j];
            sortedLonLat[2 * i + 1] = lonLat[2 * j + 1];
        }
        ids = sortedIds;
        lonLat = sortedLonLat;
    }

    /** The index of node {@code id}, or -1 when the file does not hold it. */
    int indexOf(long id) {
        int i = Arrays.binarySearch(ids, 0, size, id);
        return i < 0 ? -1 : i;
    }

    int lonE7(int index) {
        return lonLat[2 * index];
    }

    int latE7(int index) {
        return lonLat[2 * index + 1];
    }

    int size() {
        return size;
    }
}
