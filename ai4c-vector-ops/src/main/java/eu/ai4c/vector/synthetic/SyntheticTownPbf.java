package eu.ai4c.vector.synthetic;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Writes a synthetic OSM PBF file of any size for benchmarks: a C×C grid of town blocks
 * 0.001° (about 100 m) apart from (5°E, 45°N). Grid intersections (moved by up to ±0.1 block, pseudo-randomly,
 * so the data compresses like real data) are nodes joined by roads (ways
 * of 20 blocks, every 10th line primary, the rest residential); each block has a closed
 * {@code landuse=residential} way of 4 nodes of its own; every 97th intersection is tagged
 * {@code amenity=hospital} and every 31st {@code amenity=fuel}. About 5 nodes per block:
 * C = √(nodes/5). Sorted by type then id, dense nodes, zlib blobs of 8000 objects, as osmium writes.
 * Deterministic. Stateless.
 */
public final class SyntheticTownPbf {
    private static final int PER_BLOCK = 8000;
    private static final double STEP = 0.001;

    private SyntheticTownPbf() {
    }

    /** What was written. */
    public record Summary(long nodes, long ways, int grid) {
    }

    /**
     * Writes about {@code targetNodes} nodes to {@code file}.
     */
    public static Summary write(Path file, long targetNodes) throws IOException {
        int c = Math.max(2, (int) Math.sqrt(targetNodes / 5.0));
        long nodes = 0;
        long ways = 0;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
            ProtoOutput header = new ProtoOutput();
            header.stringField(4, "OsmSchema-V0.6");
            header.stringField(4, "DenseNodes");
            header.stringField(16, "ai4c synthetic town");
            blob(out, "OSMHeader", header);
            // nodes: intersections (C+1)^2 first, then 4 per block
            long inter = (long) (c + 1) * (c + 1);
            DenseBlock block = new DenseBlock();
            for (long i = 0; i < inter; i++) {
                int row = (int) (i / (c + 1));
                int col = (int) (i % (c + 1));
                String tag = i % 97 == 50 ? "hospital" : i % 31 == 7 ? "fuel" : null;
                block.add(i + 1, lonE7(col, jitter(i, 0)), latE7(row, jitter(i, 1)), tag);
                if (block.size == PER_BLOCK) block.flush(out);
            }
            for (long b = 0; b < (long) c * c; b++) {
                int row = (int) (b / c);
                int col = (int) (b % c);
                long id = inter + 1 + 4 * b;
                block.add(id, lonE7(col, 0.2 + jitter(id, 0) / 2), latE7(row, 0.2 + jitter(id, 1) / 2), null);
                block.add(id + 1, lonE7(col, 0.8 + jitter(id + 1, 0) / 2), latE7(row, 0.2 + jitter(id + 1, 1) / 2), null);
                block.add(id + 2, lonE7(col, 0.8 + jitter(id + 2, 0) / 2), latE7(row, 0.8 + jitter(id + 2, 1) / 2), null);
                block.add(id + 3, lonE7(col, 0.2 + jitter(id + 3, 0) / 2), latE7(row, 0.8 + jitter(id + 3, 1) / 2), null);
                if (block.size >= PER_BLOCK) block.flush(out);
            }
            block.flush(out);
            nodes = inter + 4L * c * c;
            // ways: horizontal and vertical roads of 20 blocks, then one landuse way per block
            WayBlock wb = new WayBlock();
            long wayId = 1;
            for (int dir = 0; dir < 2; dir++) {
                for (int line = 0; line <= c; line++) {
                    for (int start = 0; start < c; start += 20) {
                        int end = Math.min(c, start + 20);
                        long[] refs = new long[end - start + 1];
                        for (int k = start; k <= end; k++) {
                            refs[k - start] = dir == 0 ? (long) line * (c + 1) + k + 1 : (long) k * (c + 1) + line + 1;
                        }
                        wb.add(wayId, refs, "highway", line % 10 == 0 ? "primary" : "residential",
                                (dir == 0 ? "Street " : "Avenue ") + line + "-" + start);
                        wayId++;
                        if (wb.size == PER_BLOCK) wb.flush(out);
                    }
                }
            }
            for (long b = 0; b < (long) c * c; b++) {
                long id = inter + 1 + 4 * b;
                wb.add(wayId, new long[] {id, id + 1, id + 2, id + 3, id}, "landuse", "residential",
                        "Block " + Long.toString(wayId * 0x9E3779B97F4A7C15L >>> 40, 36));
                wayId++;
                if (wb.size == PER_BLOCK) wb.flush(out);
            }
            wb.flush(out);
            ways = wayId - 1;
        }
        return new Summary(nodes, ways, c);
    }

    /**
     * A deterministic offset of up to ±0.1 block for an intersection, so that coordinates are as
     * incompressible as surveyed ones (GDAL refuses blobs that compress too well).
     */
    private static double jitter(long id, int axis) {
        long h = (id * 0x9E3779B97F4A7C15L) ^ (axis == 0 ? 0x632BE59BD9B4E019L : 0x85157AF5L);
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return ((h >>> 11) * 0x1.0p-53 - 0.5) * 0.2;
    }

    private static int lonE7(int col, double frac) {
        return (int) Math.round((5 + (col + frac) * STEP) * 1e7);
    }

    private static int latE7(int row, double frac) {
        return (int) Math.round((45 + (row + frac) * STEP) * 1e7);
    }

    /** A string table that gives each string its index (index 0 is the empty string, as required). */
    private static final class StringTable {
        final Map<String, Integer> index = new LinkedHashMap<>();

        StringTable() {
            index.put("", 0);
        }

        int of(String s) {
            return index.computeIfAbsent(s, k -> index.size());
        }

        ProtoOutput encode() {
            ProtoOutput t = new ProtoOutput();
            for (String s : index.keySet()) t.stringField(1, s);
            return t;
        }
    }

    private static final class DenseBlock {
        final long[] ids = new long[PER_BLOCK + 8];
        final int[] lon = new int[PER_BLOCK + 8];
        final int[] lat = new int[PER_BLOCK + 8];
        final String[] amenity = new String[PER_BLOCK + 8];
        int size;

        void add(long id, int lonE7, int latE7, String tag) {
            ids[size] = id;
            lon[size] = lonE7;
            lat[size] = latE7;
            amenity[size] = tag;
            size++;
        }

        void flush(DataOutputStream out) throws IOException {
            if (size == 0) return;
            StringTable st = new StringTable();
            ProtoOutput pid = new ProtoOutput();
            ProtoOutput plat = new ProtoOutput();
            ProtoOutput plon = new ProtoOutput();
            ProtoOutput kv = new ProtoOutput();
            ProtoOutput versions = new ProtoOutput();
            long lastId = 0;
            long lastLat = 0;
            long lastLon = 0;
            for (int i = 0; i < size; i++) {
                pid.signed(ids[i] - lastId);
                lastId = ids[i];
                plat.signed(lat[i] - lastLat);
                lastLat = lat[i];
                plon.signed(lon[i] - lastLon);
                lastLon = lon[i];
                versions.varint(1);
                if (amenity[i] != null) {
                    kv.varint(st.of("amenity"));
                    kv.varint(st.of(amenity[i]));
                    kv.varint(st.of("name"));
                    kv.varint(st.of(amenity[i] + " " + ids[i]));
                }
                kv.varint(0);
            }
            ProtoOutput info = new ProtoOutput();
            info.bytesField(1, versions);
            ProtoOutput dense = new ProtoOutput();
            dense.bytesField(1, pid);
            dense.bytesField(5, info);
            dense.bytesField(8, plat);
            dense.bytesField(9, plon);
            dense.bytesField(10, kv);
            ProtoOutput group = new ProtoOutput();
            group.bytesField(2, dense);
            ProtoOutput pb = new ProtoOutput();
            pb.bytesField(1, st.encode());
            pb.bytesField(2, group);
            blob(out, "OSMData", pb);
            size = 0;
        }
    }

    private static final class WayBlock {
        final List<long[]> refs = new ArrayList<>();
        final List<Long> ids = new ArrayList<>();
        final List<String[]> tags = new ArrayList<>();
        int size;

        void add(long id, long[] r, String key, String value, String name) {
            ids.add(id);
            refs.add(r);
            tags.add(new String[] {key, value, name});
            size++;
        }

        void flush(DataOutputStream out) throws IOException {
            if (size == 0) return;
            StringTable st = new StringTable();
            ProtoOutput group = new ProtoOutput();
            for (int i = 0; i < size; i++) {
                ProtoOutput way = new ProtoOutput();
                way.varintField(1, ids.get(i));
                ProtoOutput keys = new ProtoOutput();
                keys.varint(st.of(tags.get(i)[0]));
                keys.varint(st.of("name"));
                ProtoOutput vals = new ProtoOutput();
                vals.varint(st.of(tags.get(i)[1]));
                vals.varint(st.of(tags.get(i)[2]));
                way.bytesField(2, keys);
                way.bytesField(3, vals);
                ProtoOutput info = new ProtoOutput();
                info.varintField(1, 1);
                way.bytesField(4, info);
                ProtoOutput pr = new ProtoOutput();
                long last = 0;
                for (long r : refs.get(i)) {
                    pr.signed(r - last);
                    last = r;
                }
                way.bytesField(8, pr);
                group.bytesField(3, way);
            }
            ProtoOutput pb = new ProtoOutput();
            pb.bytesField(1, st.encode());
            pb.bytesField(2, group);
            blob(out, "OSMData", pb);
            ids.clear();
            refs.clear();
            tags.clear();
            size = 0;
        }
    }

    /** Writes one length-prefixed BlobHeader + zlib Blob. */
    private static void blob(DataOutputStream out, String type, ProtoOutput content) throws IOException {
        byte[] raw = content.toByteArray();
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        d.setInput(raw);
        d.finish();
        ProtoOutput zipped = new ProtoOutput();
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) {
            int n = d.deflate(buf);
            zipped.write(buf, 0, n);
        }
        d.end();
        ProtoOutput blob = new ProtoOutput();
        blob.varintField(2, raw.length);
        blob.bytesField(3, zipped);
        ProtoOutput header = new ProtoOutput();
        header.stringField(1, type);
        header.varintField(3, blob.size());
        out.writeInt(header.size());
        header.writeTo(out);
        blob.writeTo(out);
    }
}
