package eu.ai4c.vector.io;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.vector.store.StoreClass;
import eu.ai4c.vector.store.StoredFeature;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes query results as ESRI Shapefiles (ESRI Shapefile Technical Description, 1998): {@code
 * .shp} and {@code .shx} (big-endian file code and lengths in 16-bit words, little-endian shape
 * type, bounding box and coordinates), {@code .dbf} (dBASE III attributes, UTF-8 text), {@code
 * .prj} (WGS84, ESRI WKT) and {@code .cpg} ({@code UTF-8}).
 *
 * <p>A Shapefile holds one shape type, so features are split by geometry: points (type 1),
 * multipoints (8), lines (3, PolyLine) and polygons (5, outer rings clockwise, holes
 * counter-clockwise). When the result has one kind, it is written as {@code <name>.shp}; when it
 * has several, as {@code <name>_point.shp}, {@code <name>_multipoint.shp}, {@code
 * <name>_line.shp}, {@code <name>_polygon.shp} (only those present). An empty result is one
 * {@code <name>.shp} of null shapes. Each file's attributes are {@code class} then the columns of
 * the classes it holds, in order of appearance, with names cut to 10 characters uniquely
 * ({@link DbfFieldNames}); numbers are {@code N} fields (with decimals for reals), null numbers
 * asterisks, text {@code C} fields of up to 254 bytes (longer text is cut at a character).</p>
 *
 * <p>Streaming: shapes go to their files as they come, attribute rows to a scratch file; the
 * {@code .dbf} is written at {@link #finish} once field widths are known. All files appear on
 * the caller's {@link AtomicOutput} commit, or none. Not thread-safe.</p>
 */
public final class ShapefileExport implements Closeable {
    /** ESRI WKT of WGS84 longitude/latitude, as ESRI tools write it. */
    static final String WGS84_PRJ = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,"
            + "298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
    private static final int HEADER = 100;
    /** The .shp and .shx lengths are counted in 16-bit words in a signed 32-bit integer. */
    private static final long MAX_BYTES = 2L * Integer.MAX_VALUE;

    /** The geometry kinds a Shapefile can hold, with their shape types and file suffixes. */
    enum Kind {
        POINT(1, "point"), MULTIPOINT(8, "multipoint"), LINE(3, "line"), POLYGON(5, "polygon");

        final int shapeType;
        final String suffix;

        Kind(int shapeType, String suffix) {
            this.shapeType = shapeType;
            this.suffix = suffix;
        }

        static Kind of(Geometry g) {
            if (g instanceof Point) return POINT;
            if (g instanceof MultiPoint) return MULTIPOINT;
            if (g instanceof LineString || g instanceof MultiLineString) return LINE;
            if (g instanceof Polygon || g instanceof MultiPolygon) return POLYGON;
            throw new IllegalArgumentException("a Shapefile cannot hold a " + g.getGeometryType());
        }
    }

    private final Path target;
    private final AtomicOutput out;
    private final AtomicOutput scratch = AtomicOutput.create();
    private final Map<Kind, KindWriter> writers = new EnumMap<>(Kind.class);

    /**
     * @param target the {@code .shp} path asked for
     * @param out    the caller's atomic output: the files are registered on it by {@link #finish}
     */
    public ShapefileExport(Path target, AtomicOutput out) {
        String n = target.getFileName().toString();
        if (!n.toLowerCase(Locale.ROOT).endsWith(".shp")) throw new IllegalArgumentException(target + " is not a .shp");
        this.target = target;
        this.out = out;
    }

    /**
     * Writes one feature (its class, geometry and properties); the class's declared attribute
     * types give the field types (a text attribute stays text even when all its values are null).
     */
    public void write(StoreClass cls, StoredFeature f) throws IOException {
        Kind kind = Kind.of(f.geometry());
        KindWriter w = writers.get(kind);
        if (w == null) {
            w = new KindWriter(kind, scratch.temporaryFor(sibling("_" + kind.suffix + ".shp.work")),
                    scratch.temporaryFor(sibling("_" + kind.suffix + ".shx.work")),
                    scratch.temporaryFor(sibling("_" + kind.suffix + ".rows.work")));
            writers.put(kind, w);
        }
        w.write(cls, f);
    }

    /**
     * Completes the files and registers them on the atomic output (commit moves them in place).
     *
     * @return the {@code .shp} files, one per geometry kind present
     */
    public List<Path> finish() throws IOException {
        List<Path> shps = new ArrayList<>();
        if (writers.isEmpty()) {
            KindWriter empty = new KindWriter(null, scratch.temporaryFor(sibling(".shp.work")),
                    scratch.temporaryFor(sibling(".shx.work")), scratch.temporaryFor(sibling(".rows.work")));
            writers.put(Kind.POINT, empty);
        }
        boolean single = writers.size() == 1;
        for (KindWriter w : writers.values()) {
            String stem = single ? "" : "_" + w.kind.suffix;
            Path shp = sibling(stem + ".shp");
            w.finish(shp, sibling(stem + ".shx"), sibling(stem + ".dbf"), sibling(stem + ".prj"), sibling(stem + ".cpg"));
            shps.add(shp);
        }
        return shps;
    }

    /** {@code target} with its {@code .shp} replaced by {@code tail}. */
    private Path sibling(String tail) {
        String n = target.getFileName().toString();
        return target.resolveSibling(n.substring(0, n.length() - 4) + tail);
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (KindWriter w : writers.values()) {
            try {
                w.close();
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        scratch.close(); // the work files
        if (first != null) throw first;
    }

    /** One geometry kind: .shp and .shx streamed, attribute rows to a scratch file. */
    private final class KindWriter implements Closeable {
        final Kind kind;
        private final Path shpWork;
        private final Path shxWork;
        private final Path rowsWork;
        private final FileChannel shp;
        private final FileChannel shx;
        private final DataOutputStream rows;
        private final Envelope bounds = new Envelope();
        private long shpPos = HEADER;
        private int records;
        /** Columns in order of appearance: name → statistics. */
        private final Map<String, Column> columns = new LinkedHashMap<>();
        private ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        private final ByteBuffer index = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);

        KindWriter(Kind kind, Path shpWork, Path shxWork, Path rowsWork) throws IOException {
            this.kind = kind;
            this.shpWork = shpWork;
            this.shxWork = shxWork;
            this.rowsWork = rowsWork;
            shp = FileChannel.open(shpWork, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            shx = FileChannel.open(shxWork, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            shp.position(HEADER);
            shx.position(HEADER);
            rows = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(rowsWork), 1 << 16));
            column("class").declare("text");
        }

        private Column column(String name) {
            return columns.computeIfAbsent(name, n -> new Column(columns.size()));
        }

        void write(StoreClass cls, StoredFeature f) throws IOException {
            Geometry g = f.geometry();
            byte[] content = ShapeRecords.encode(g, kind.shapeType);
            if (shpPos + 8 + content.length > MAX_BYTES) {
                throw Ai4cException.usage("The result is too large for a Shapefile (2 GB per .shp). Use a smaller area, "
                        + "fewer classes, or GeoPackage output (.gpkg).");
            }
            records++;
            bounds.expandToInclude(g.getEnvelopeInternal());
            index.clear();
            index.putInt((int) (shpPos / 2)).putInt(content.length / 2).flip();
            writeFully(shx, index);
            ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putInt(records).putInt(content.length / 2);
            head.flip();
            writeFully(shp, head);
            writeFully(shp, ByteBuffer.wrap(content));
            shpPos += 8 + content.length;
            // the attribute row: pairs of column index and value
            List<Object[]> cells = new ArrayList<>();
            cells.add(new Object[] {column("class"), f.featureClass()});
            for (Map.Entry<String, Object> e : f.properties().entrySet()) {
                Column col = columns.get(e.getKey());
                if (col == null) {
                    col = column(e.getKey());
                    col.declare(declaredType(cls, e.getKey()));
                }
                cells.add(new Object[] {col, e.getValue()});
            }
            rows.writeInt(cells.size());
            for (Object[] c : cells) {
                Column col = (Column) c[0];
                rows.writeInt(col.index);
                String text = col.observe(c[1]);
                rows.writeBoolean(text != null);
                if (text != null) {
                    byte[] b = text.getBytes(StandardCharsets.UTF_8);
                    rows.writeInt(b.length);
                    rows.write(b);
                }
            }
        }

        void finish(Path shpFile, Path shxFile, Path dbfFile, Path prjFile, Path cpgFile) throws IOException {
            int type = kind == null ? 0 : kind.shapeType;
            header(shp, shpPos, type);
            header(shx, HEADER + 8L * records, type);
            shp.close();
            shx.close();
            rows.close();
            Files.move(shpWork, out.temporaryFor(shpFile), StandardCopyOption.REPLACE_EXISTING);
            Files.move(shxWork, out.temporaryFor(shxFile), StandardCopyOption.REPLACE_EXISTING);
            writeDbf(out.temporaryFor(dbfFile));
            Files.writeString(out.temporaryFor(prjFile), WGS84_PRJ, StandardCharsets.US_ASCII);
            Files.writeString(out.temporaryFor(cpgFile), "UTF-8", StandardCharsets.US_ASCII);
        }

        private void header(FileChannel ch, long length, int type) throws IOException {
            ByteBuffer h = ByteBuffer.allocate(HEADER);
            h.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, (int) (length / 2));
            h.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, type);
            if (!bounds.isNull()) {
                h.putDouble(36, bounds.getMinX()).putDouble(44, bounds.getMinY())
                        .putDouble(52, bounds.getMaxX()).putDouble(60, bounds.getMaxY());
            }
            ch.position(0);
            writeFully(ch, h);
        }

        private void writeDbf(Path dbf) throws IOException {
            List<Column> cols = new ArrayList<>(columns.values());
            List<String> names = new ArrayList<>(columns.keySet());
            DbfFieldNames fieldNames = new DbfFieldNames();
            int recordLength = 1;
            for (Column c : cols) recordLength += c.width();
            if (recordLength > 65535 || cols.size() > 255) {
                throw Ai4cException.usage("The classes queried have too many attributes for one dBASE table (" + cols.size()
                        + " fields). Query fewer classes, or use GeoPackage output (.gpkg).");
            }
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(dbf), 1 << 16);
                 DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(rowsWork), 1 << 16))) {
                ByteBuffer h = ByteBuffer.allocate(32 + 32 * cols.size() + 1).order(ByteOrder.LITTLE_ENDIAN);
                LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
                h.put((byte) 0x03).put((byte) (today.getYear() - 1900)).put((byte) today.getMonthValue())
                        .put((byte) today.getDayOfMonth());
                h.putInt(records).putShort((short) h.capacity()).putShort((short) recordLength);
                h.position(32);
                for (int i = 0; i < cols.size(); i++) {
                    Column c = cols.get(i);
                    byte[] name = fieldNames.add(names.get(i)).getBytes(StandardCharsets.US_ASCII);
                    byte[] field = new byte[32];
                    System.arraycopy(name, 0, field, 0, name.length);
                    field[11] = (byte) (c.numeric() ? 'N' : 'C');
                    field[16] = (byte) c.width();
                    field[17] = (byte) (c.numeric() ? c.decimals : 0);
                    h.put(field);
                }
                h.put((byte) 0x0D);
                o.write(h.array());
                byte[] record = new byte[recordLength];
                String[] values = new String[cols.size()];
                for (int r = 0; r < records; r++) {
                    java.util.Arrays.fill(values, null);
                    int n = in.readInt();
                    for (int k = 0; k < n; k++) {
                        int ci = in.readInt();
                        if (in.readBoolean()) {
                            byte[] b = new byte[in.readInt()];
                            in.readFully(b);
                            values[ci] = new String(b, StandardCharsets.UTF_8);
                        }
                    }
                    java.util.Arrays.fill(record, (byte) ' ');
                    int at = 1;
                    for (int i = 0; i < cols.size(); i++) {
                        Column c = cols.get(i);
                        byte[] v = c.format(values[i]);
                        int w = c.width();
                        if (c.numeric()) System.arraycopy(v, 0, record, at + w - v.length, v.length);
                        else System.arraycopy(v, 0, record, at, v.length);
                        at += w;
                    }
                    o.write(record);
                }
                o.write(0x1A);
            }
        }

        @Override
        public void close() throws IOException {
            shp.close();
            shx.close();
            rows.close();
        }
    }

    /** The type a class declares for a column: its attributes' {@code name:type}, the OSM and source keys. */
    private static String declaredType(StoreClass cls, String column) {
        for (String a : cls.attributes()) {
            int colon = a.lastIndexOf(':');
            if (a.substring(0, colon).equals(column)) return a.substring(colon + 1);
        }
        return switch (column) {
            case "osm_type", "name", "name_en", "source_id" -> "text";
            case "osm_id", "osm_version" -> "integer";
            default -> "";
        };
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) ch.write(b);
    }

    /** What a column's values need: numeric or text, widths, decimals. */
    private static final class Column {
        private static final int MAX_TEXT = 254;
        private static final int MAX_NUMBER = 24;
        final int index;
        boolean text;
        boolean real;
        int integerDigits = 1;
        int decimals;
        int textBytes = 1;

        Column(int index) {
            this.index = index;
        }

        /** Sets the declared type ({@code text}, {@code real}, {@code integer}; anything else: from the values). */
        void declare(String type) {
            if (type.equals("text")) text = true;
            else if (type.equals("real")) {
                real = true;
                decimals = Math.max(decimals, 1);
            }
        }

        /** Records a value; returns its text form for the scratch file (null for null). */
        String observe(Object v) {
            if (v == null) return null;
            String s;
            if (v instanceof Long || v instanceof Integer) {
                s = v.toString();
            } else if (v instanceof Double d && Double.isFinite(d)) {
                BigDecimal b = new BigDecimal(d).round(MathContext.DECIMAL64).stripTrailingZeros();
                if (b.scale() < 0) b = b.setScale(0);
                s = b.toPlainString();
                real = true;
                decimals = Math.max(decimals, Math.min(15, b.scale()));
            } else {
                s = v.toString();
                text = true;
            }
            int dot = s.indexOf('.');
            integerDigits = Math.max(integerDigits, dot < 0 ? s.length() : dot);
            textBytes = Math.max(textBytes, Math.min(MAX_TEXT, s.getBytes(StandardCharsets.UTF_8).length));
            return s;
        }

        boolean numeric() {
            return !text && integerDigits + (real ? decimals + 1 : 0) <= MAX_NUMBER;
        }

        int width() {
            if (!numeric()) return textBytes;
            return real ? integerDigits + 1 + Math.max(1, decimals) : integerDigits;
        }

        /** The bytes of a value in this column (numbers with the column's decimals; null numbers as asterisks). */
        byte[] format(String v) {
            if (numeric()) {
                if (v == null) return "*".repeat(width()).getBytes(StandardCharsets.US_ASCII);
                if (!real) return v.getBytes(StandardCharsets.US_ASCII);
                return new BigDecimal(v).setScale(Math.max(1, decimals), java.math.RoundingMode.HALF_EVEN).toPlainString()
                        .getBytes(StandardCharsets.US_ASCII);
            }
            if (v == null) return new byte[0];
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            if (b.length <= MAX_TEXT) return b;
            int end = MAX_TEXT;
            while (end > 0 && (b[end] & 0xC0) == 0x80) end--; // not inside a UTF-8 sequence
            return java.util.Arrays.copyOf(b, end);
        }
    }
}
