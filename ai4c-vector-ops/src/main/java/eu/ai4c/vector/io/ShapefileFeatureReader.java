package eu.ai4c.vector.io;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.aoi.vector.ShapefileReader;
import eu.ai4c.kit.geo.Projections;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * Reads the features of an ESRI Shapefile with their attributes: the {@code .shp} geometries
 * (point, multipoint, polyline, polygon, in their plain, Z and M variants; Z and M ignored;
 * polygon rings grouped by orientation as the kit's {@link ShapefileReader} does), the
 * {@code .dbf} attributes (charset from the {@code .cpg}, else ISO-8859-1) and the {@code .prj}.
 * Coordinates must be WGS84 longitude/latitude: a {@code .prj} of another CRS is refused with the
 * {@code ogr2ogr} command that converts it; without {@code .prj}, coordinates within ±180°/±90°
 * are taken as WGS84. Polygons come out as multipolygons. The whole file is read into memory.
 * Stateless.
 */
public final class ShapefileFeatureReader {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private ShapefileFeatureReader() {
    }

    /**
     * @param shp the {@code .shp} file
     * @throws Ai4cException (usage) naming the file when it is not a shapefile, lacks its
     *                       {@code .dbf}, is truncated, or is not in WGS84
     */
    public static List<VectorRecord> read(Path shp) {
        byte[] bytes = bytes(shp, "shapefile");
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (bytes.length < 100 || b.order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994) {
            throw Ai4cException.usage("The file " + shp + " is not an ESRI shapefile (no file code 9994 in its 100-byte "
                    + "header). Give the .shp file of a shapefile.");
        }
        Path dbf = sibling(shp, ".dbf");
        if (dbf == null) {
            throw Ai4cException.usage("The shapefile " + shp + " has no .dbf file beside it, so its attributes are "
                    + "missing. Put the .dbf (same name) beside the .shp.");
        }
        Charset charset = StandardCharsets.ISO_8859_1;
        Path cpg = sibling(shp, ".cpg");
        if (cpg != null) {
            try {
                charset = Charset.forName(Files.readString(cpg, StandardCharsets.US_ASCII).strip());
            } catch (IOException | IllegalArgumentException e) {
                throw Ai4cException.usage("The code page file " + cpg + " names no known charset. Write UTF-8 into it, or "
                        + "remove it for ISO-8859-1.");
            }
        }
        List<Map<String, String>> rows = DbfTable.read(bytes(dbf, "attribute file"), charset, dbf.toString());
        checkWgs84(shp, b);
        List<VectorRecord> out = new ArrayList<>();
        int pos = 100;
        int record = 0;
        while (pos + 8 <= bytes.length) {
            long length = 2L * b.order(ByteOrder.BIG_ENDIAN).getInt(pos + 4);
            int start = pos + 8;
            if (length < 4 || start + length > bytes.length) throw truncated(shp, record + 1);
            ByteBuffer c = ByteBuffer.wrap(bytes, start, (int) length).slice().order(ByteOrder.LITTLE_ENDIAN);
            if (record >= rows.size()) {
                throw Ai4cException.usage("The shapefile " + shp + " has more shapes than its .dbf has records ("
                        + rows.size() + "). The two files do not belong together; export the shapefile again.");
            }
            Map<String, String> attrs = rows.get(record);
            record++;
            Geometry g = shape(c, shp, record);
            if (attrs != null) out.add(new VectorRecord(record, g, attrs));
            pos = start + (int) length;
        }
        if (record != rows.size()) {
            throw Ai4cException.usage("The shapefile " + shp + " has " + record + " shapes but its .dbf has " + rows.size()
                    + " records. The two files do not belong together; export the shapefile again.");
        }
        return out;
    }

    private static Geometry shape(ByteBuffer c, Path shp, int record) {
        int type = c.getInt(0);
        switch (type) {
            case 0:
                return null;
            case 1, 11, 21: {
                if (c.capacity() < 20) throw truncated(shp, record);
                return GEOMETRY.createPoint(new Coordinate(c.getDouble(4), c.getDouble(12)));
            }
            case 8, 18, 28: {
                if (c.capacity() < 40) throw truncated(shp, record);
                int n = c.getInt(36);
                if (n < 0 || 40L + 16L * n > c.capacity()) throw truncated(shp, record);
                Point[] pts = new Point[n];
                for (int i = 0; i < n; i++) {
                    pts[i] = GEOMETRY.createPoint(new Coordinate(c.getDouble(40 + 16 * i), c.getDouble(48 + 16 * i)));
                }
                return GEOMETRY.createMultiPoint(pts);
            }
            case 3, 13, 23, 5, 15, 25: {
                List<Coordinate[]> parts = parts(c, shp, record);
                if (type % 10 == 3) {
                    LineString[] lines = new LineString[parts.size()];
                    for (int i = 0; i < lines.length; i++) lines[i] = GEOMETRY.createLineString(parts.get(i));
                    return lines.length == 1 ? lines[0] : GEOMETRY.createMultiLineString(lines);
                }
                List<Polygon> polygons = ShapefileReader.assemble(parts, shp + ", record #" + record);
                return GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
            }
            default:
                throw Ai4cException.usage("The shapefile " + shp + ", record #" + record + ", has the shape type " + type
                        + ", which AI4C does not read (points, multipoints, polylines and polygons only).");
        }
    }

    private static List<Coordinate[]> parts(ByteBuffer c, Path shp, int record) {
        if (c.capacity() < 44) throw truncated(shp, record);
        int numParts = c.getInt(36);
        int numPoints = c.getInt(40);
        if (numParts < 0 || numPoints < 0 || 44L + 4L * numParts + 16L * numPoints > c.capacity()) {
            throw truncated(shp, record);
        }
        int pointsAt = 44 + 4 * numParts;
        List<Coordinate[]> out = new ArrayList<>(numParts);
        for (int p = 0; p < numParts; p++) {
            int first = c.getInt(44 + 4 * p);
            int end = p + 1 < numParts ? c.getInt(44 + 4 * (p + 1)) : numPoints;
            if (first < 0 || end > numPoints || end < first) throw truncated(shp, record);
            Coordinate[] pts = new Coordinate[end - first];
            for (int i = first; i < end; i++) {
                pts[i - first] = new Coordinate(c.getDouble(pointsAt + 16 * i), c.getDouble(pointsAt + 16 * i + 8));
            }
            out.add(pts);
        }
        return out;
    }

    private static void checkWgs84(Path shp, ByteBuffer header) {
        Path prj = sibling(shp, ".prj");
        header.order(ByteOrder.LITTLE_ENDIAN);
        double minX = header.getDouble(36);
        double minY = header.getDouble(44);
        double maxX = header.getDouble(52);
        double maxY = header.getDouble(60);
        String fix = " Convert it first: ogr2ogr -t_srs EPSG:4326 out.shp " + shp.getFileName();
        if (prj == null) {
            if (minX < -180 || maxX > 180 || minY < -90 || maxY > 90) {
                throw Ai4cException.usage("The shapefile " + shp + " has no .prj and coordinates beyond ±180°/±90°, so "
                        + "it is not in WGS84 longitude/latitude." + fix);
            }
            return;
        }
        String wkt = new String(bytes(prj, "projection file"), StandardCharsets.ISO_8859_1).strip();
        CoordinateReferenceSystem crs;
        try {
            crs = Projections.parse(wkt, 0, 0);
        } catch (Ai4cException e) {
            throw Ai4cException.usage("The projection file " + prj + " is not understood (" + e.getMessage() + ")." + fix);
        }
        String flat = wkt.toUpperCase(Locale.ROOT).replace("_", " ");
        if (!Projections.isGeographic(crs) || !(flat.contains("WGS 1984") || flat.contains("WGS 84") || flat.contains("WGS84"))) {
            throw Ai4cException.usage("The shapefile " + shp + " is in " + crs.getName() + ", not WGS84 "
                    + "longitude/latitude." + fix);
        }
    }

    private static byte[] bytes(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw Ai4cException.usage("Cannot read the " + what + " " + file + ": " + e.getMessage()
                    + ". Check that it exists and is readable.");
        }
    }

    /** The file beside {@code shp} with another extension, in either case, or null. */
    static Path sibling(Path shp, String ext) {
        String name = shp.getFileName().toString();
        String base = name.substring(0, name.length() - 4);
        for (String e : new String[] {ext, ext.toUpperCase(Locale.ROOT)}) {
            Path p = shp.resolveSibling(base + e);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    private static Ai4cException truncated(Path file, int record) {
        return Ai4cException.usage("The shapefile " + file + " is truncated or corrupt at record #" + record
                + ". Export it again, or use GeoJSON instead.");
    }
}
