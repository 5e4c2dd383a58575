package eu.ai4c.kit.aoi.vector;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.Projections;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the polygons of an ESRI Shapefile ({@code .shp}; the {@code .dbf} attributes are not
 * needed and the {@code .shx} index is not used, records being read in sequence) and its CRS from
 * the {@code .prj} WKT beside it. Layout per the ESRI Shapefile Technical Description (1998):
 * a 100-byte header (file code 9994 and length in 16-bit words big-endian, version and shape
 * type little-endian), then records of a big-endian header (number, content length in 16-bit
 * words) and little-endian content.
 *
 * <p>Polygon shape types 5, 15 (PolygonZ) and 25 (PolygonM) are read, Z and M ignored; null
 * shapes (type 0) are skipped; other shape types (points, lines) are an error. A record's rings
 * are grouped by orientation: clockwise rings are outer rings, counter-clockwise rings are holes,
 * each put in the smallest outer ring that contains it. A counter-clockwise ring inside no outer
 * ring is taken as an outer ring (some writers ignore the orientation rule). All records are
 * unioned.</p>
 *
 * <p>Without a {@code .prj}, a file whose bounding box lies within ±180°/±90° is taken as WGS84
 * longitude/latitude (with a logged warning and a note in the source description); otherwise
 * the missing {@code .prj} is an error.</p>
 *
 * <h2>Thread-safety</h2>
 * Stateless.
 */
public final class ShapefileReader {

    private static final Logger LOG = LoggerFactory.getLogger(ShapefileReader.class);
    private static final int FILE_CODE = 9994;
    private static final int HEADER_BYTES = 100;
    static final int NULL_SHAPE = 0;
    static final int POLYGON = 5;
    static final int POLYGON_Z = 15;
    static final int POLYGON_M = 25;

    private ShapefileReader() {
    }

    /**
     * @param file the {@code .shp} file
     * @throws Ai4cException naming the file when it is not a polygon shapefile or is truncated
     */
    public static VectorGeometry read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Ai4cException("Cannot read the shapefile " + file + ": " + e.getMessage()
                    + ". Check that it exists and is readable.", e);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        if (bytes.length < HEADER_BYTES || buf.order(ByteOrder.BIG_ENDIAN).getInt(0) != FILE_CODE) {
            throw Ai4cException.usage("The file " + file + " is not an ESRI shapefile (no file code 9994 in its "
                    + "100-byte header). Give the .shp file of a polygon shapefile.");
        }
        int shapeType = buf.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
        if (shapeType != NULL_SHAPE && !isPolygonType(shapeType)) {
            throw Ai4cException.usage("The shapefile " + file + " holds " + typeName(shapeType)
                    + " shapes, but an area of interest needs polygons (shape type 5, 15 or 25).");
        }
        double[] bbox = {buf.getDouble(36), buf.getDouble(44), buf.getDouble(52), buf.getDouble(60)};
        List<Polygon> polygons = new ArrayList<>();
        int pos = HEADER_BYTES;
        int record = 0;
        while (pos + 8 <= bytes.length) {
            record++;
            long contentLength = 2L * buf.order(ByteOrder.BIG_ENDIAN).getInt(pos + 4); // 16-bit words
            int start = pos + 8;
            if (contentLength < 4 || start + contentLength > bytes.length) {
                throw truncated(file, record);
            }
            int contentBytes = (int) contentLength;
            ByteBuffer content = ByteBuffer.wrap(bytes, start, contentBytes).slice().order(ByteOrder.LITTLE_ENDIAN);
            int type = content.getInt(0);
            if (isPolygonType(type)) {
                polygons.addAll(assemble(rings(content, file, record), file + ", record #" + record));
            } else if (type != NULL_SHAPE) {
                throw Ai4cException.usage("The shapefile " + file + ", record #" + record + ", is a " + typeName(type)
                        + " shape, but an area of interest needs polygons.");
            }
            pos = start + contentBytes;
        }
        String where = "The shapefile " + file;
        PrjResult prj = crs(file, bbox);
        return new VectorGeometry(Polygons.union(polygons, where), prj.crs, file + prj.note);
    }

    /** The rings of one polygon record: bbox (32 bytes), numParts, numPoints, parts[], points[]. */
    private static List<Coordinate[]> rings(ByteBuffer c, Path file, int record) {
        if (c.capacity() < 44) throw truncated(file, record);
        int numParts = c.getInt(36);
        int numPoints = c.getInt(40);
        // in long: counts from a damaged record must not wrap round and pass for small ones
        if (numParts < 0 || numPoints < 0 || 44L + 4L * numParts + 16L * numPoints > c.capacity()) {
            throw truncated(file, record);
        }
        int pointsAt = 44 + 4 * numParts;
        List<Coordinate[]> rings = new ArrayList<>(numParts);
        for (int p = 0; p < numParts; p++) {
            int first = c.getInt(44 + 4 * p);
            int end = p + 1 < numParts ? c.getInt(44 + 4 * (p + 1)) : numPoints;
            if (first < 0 || end > numPoints || end < first) throw truncated(file, record);
            Coordinate[] ring = new Coordinate[end - first];
            for (int i = first; i < end; i++) {
                int at = pointsAt + 16 * i;
                ring[i - first] = new Coordinate(c.getDouble(at), c.getDouble(at + 8));
            }
            rings.add(ring);
        }
        return rings;
    }

    /**
     * Groups the rings of one shape record into polygons by orientation (clockwise = outer,
     * counter-clockwise = hole); shared with the feature readers of the ops modules.
     *
     * @param where names the record in errors
     */
    public static List<Polygon> assemble(List<Coordinate[]> rawRings, String where) {
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (Coordinate[] raw : rawRings) {
            if (raw.length == 0) continue;
            LinearRing ring = Polygons.ring(raw, where);
            (Orientation.isCCW(ring.getCoordinates()) ? holes : shells).add(ring);
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        for (int i = 0; i < shells.size(); i++) holesOf.add(new ArrayList<>());
        for (LinearRing hole : holes) {
            int owner = smallestContaining(shells, hole);
            if (owner < 0) {
                shells.add(hole);
                holesOf.add(new ArrayList<>());
            } else {
                holesOf.get(owner).add(hole);
            }
        }
        List<Polygon> out = new ArrayList<>(shells.size());
        for (int i = 0; i < shells.size(); i++) {
            out.add(Polygons.polygon(shells.get(i), holesOf.get(i)));
        }
        return out;
    }

    private static int smallestContaining(List<LinearRing> shells, LinearRing hole) {
        int best = -1;
        double bestArea = Double.POSITIVE_INFINITY;
        Coordinate[] holePts = hole.getCoordinates();
        for (int i = 0; i < shells.size(); i++) {
            LinearRing shell = shells.get(i);
            if (!shell.getEnvelopeInternal().covers(hole.getEnvelopeInternal())) continue;
            Coordinate[] shellPts = shell.getCoordinates();
            // A vertex of the hole may touch the shell: test vertices until one is strictly inside or outside.
            int location = -1;
            for (Coordinate c : holePts) {
                location = PointLocation.locateInRing(c, shellPts);
                if (location != org.locationtech.jts.geom.Location.BOUNDARY) break;
            }
            if (location == org.locationtech.jts.geom.Location.EXTERIOR) continue;
            double area = org.locationtech.jts.algorithm.Area.ofRing(shellPts);
            if (area < bestArea) {
                bestArea = area;
                best = i;
            }
        }
        return best;
    }

    private record PrjResult(CoordinateReferenceSystem crs, String note) {
    }

    private static PrjResult crs(Path shp, double[] bbox) {
        Path prj = sibling(shp, ".prj");
        if (prj != null) {
            String wkt;
            try {
                wkt = Files.readString(prj, StandardCharsets.ISO_8859_1).trim();
            } catch (IOException e) {
                throw new Ai4cException("Cannot read " + prj + ": " + e.getMessage(), e);
            }
            try {
                return new PrjResult(Projections.parse(wkt, 0, 0), "");
            } catch (Ai4cException e) {
                throw Ai4cException.usage("The projection file " + prj + " of the area of interest is not understood ("
                        + e.getMessage() + ") Reproject the file, e.g. ogr2ogr -t_srs EPSG:4326 out.shp in.shp.");
            }
        }
        boolean lonLat = bbox[0] >= -180 && bbox[2] <= 180 && bbox[1] >= -90 && bbox[3] <= 90;
        if (!lonLat) {
            throw Ai4cException.usage("The shapefile " + shp + " has no .prj file, so its coordinate reference system "
                    + "is unknown. Put the .prj beside it (same name) or convert it to GeoJSON in WGS84.");
        }
        LOG.warn("The shapefile {} has no .prj file; its coordinates lie within ±180/±90 and are taken as WGS84 "
                + "longitude/latitude", shp);
        return new PrjResult(Projections.wgs84(), " (no .prj: WGS84 assumed)");
    }

    /** The file beside {@code shp} with the other extension, in either case, or null. */
    static Path sibling(Path shp, String ext) {
        String name = shp.getFileName().toString();
        String base = name.substring(0, name.length() - 4);
        for (String e : new String[] {ext, ext.toUpperCase(java.util.Locale.ROOT)}) {
            Path p = shp.resolveSibling(base + e);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    private static boolean isPolygonType(int type) {
        return type == POLYGON || type == POLYGON_Z || type == POLYGON_M;
    }

    private static String typeName(int type) {
        return switch (type) {
            case 1, 11, 21 -> "point";
            case 3, 13, 23 -> "polyline";
            case 8, 18, 28 -> "multipoint";
            case 31 -> "multipatch";
            default -> "type-" + type;
        };
    }

    private static Ai4cException truncated(Path file, int record) {
        return Ai4cException.usage("The shapefile " + file + " is truncated or corrupt at record #" + record
                + ". Export it again, or use GeoJSON or GeoPackage instead.");
    }
}
