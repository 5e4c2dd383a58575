package eu.ai4c.kit.aoi;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.aoi.vector.GeoJsonReader;
import eu.ai4c.kit.aoi.vector.GeoPackageReader;
import eu.ai4c.kit.aoi.vector.KmlReader;
import eu.ai4c.kit.aoi.vector.Polygons;
import eu.ai4c.kit.aoi.vector.ShapefileReader;
import eu.ai4c.kit.aoi.vector.VectorGeometry;
import eu.ai4c.kit.aoi.vector.WktReader;
import eu.ai4c.kit.geo.Projections;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.sis.util.Utilities;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTWriter;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An area of interest (AoI): a polygonal geometry ({@code Polygon} or {@code MultiPolygon}, holes
 * allowed) with its CRS and a description of where it came from, for messages. Coordinates are
 * in the CRS's easting/longitude-first order ({@link Projections#eastingFirst}), like
 * {@link eu.ai4c.kit.geo.MapGeoCoding}.
 *
 * <p>{@link #parse(String)} accepts what the AI4Copernicus services accept as an AoI: a WKT
 * polygon in WGS84 longitude/latitude, a box {@code west,south,east,north} in WGS84 degrees, or the path of a vector file (GeoJSON, ESRI Shapefile,
 * KML/KMZ, GeoPackage) whose polygons are unioned.</p>
 *
 * <h2>Thread-safety</h2>
 * Immutable: the geometry is copied in and out, so callers cannot change it.
 */
public final class AreaOfInterest {
    private static final Logger LOG = LoggerFactory.getLogger(AreaOfInterest.class);
    private final Geometry geometry;
    private final CoordinateReferenceSystem crs;
    private final String source;

    private AreaOfInterest(Geometry geometry, CoordinateReferenceSystem crs, String source) {
        this.geometry = geometry;
        this.crs = crs;
        this.source = source;
    }

    /**
     * An AoI from a geometry (copied; it must be a non-empty Polygon or MultiPolygon).
     *
     * @param crs    the CRS of the coordinates, easting/longitude first
     * @param source where it came from, shown in messages
     */
    public static AreaOfInterest of(Geometry geometry, CoordinateReferenceSystem crs, String source) {
        Objects.requireNonNull(crs, "crs");
        Objects.requireNonNull(source, "source");
        List<Polygon> parts = new ArrayList<>();
        Polygons.collect(geometry.copy(), "The area of interest " + source, parts);
        return new AreaOfInterest(Polygons.union(parts, "The area of interest " + source), crs, source);
    }

    /**
     * Parses an AoI as given by the user: WKT text ({@code POLYGON}, {@code MULTIPOLYGON}; WGS84
     * longitude/latitude), a box {@code west,south,east,north} (four numbers, WGS84 degrees) or the path of a vector file by its extension: {@code .geojson} /
     * {@code .json}, {@code .shp}, {@code .kml} / {@code .kmz}, {@code .gpkg}.
     *
     * @throws Ai4cException (usage error) naming the value: WKT that is not a polygon or not
     *                       valid, a missing file, an unknown extension, a file without polygons
     */
    public static AreaOfInterest parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        if (t.isEmpty()) {
            throw Ai4cException.usage("The area of interest is empty; give " + Polygons.ACCEPTED_FORMS + ".");
        }
        if (WktReader.looksLikeWkt(t)) {
            return from(WktReader.read(t));
        }
        if (BBOX.matcher(t).matches()) {
            return from(new VectorGeometry(box(t), Projections.wgs84(), "box " + t));
        }
        Path file;
        try {
            file = Path.of(t);
        } catch (InvalidPathException e) {
            throw Ai4cException.usage("The area of interest \"" + t + "\" is neither WKT nor a file path; give "
                    + Polygons.ACCEPTED_FORMS + ".");
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot);
        boolean known = switch (ext) {
            case ".geojson", ".json", ".shp", ".kml", ".kmz", ".gpkg" -> true;
            default -> false;
        };
        if (!Files.exists(file)) {
            throw Ai4cException.usage("The area of interest file " + file + " does not exist"
                    + (known || t.contains("(") ? "" : " (and the text is not WKT either)")
                    + "; give " + Polygons.ACCEPTED_FORMS + ".");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw Ai4cException.usage("The area of interest " + file + " is not a readable file; give "
                    + Polygons.ACCEPTED_FORMS + ".");
        }
        VectorGeometry v = switch (ext) {
            case ".geojson", ".json" -> GeoJsonReader.read(file);
            case ".shp" -> ShapefileReader.read(file);
            case ".kml", ".kmz" -> KmlReader.read(file);
            case ".gpkg" -> GeoPackageReader.read(file);
            default -> throw Ai4cException.usage("The area of interest file " + file + " has "
                    + (ext.isEmpty() ? "no extension" : "the unsupported extension " + ext)
                    + "; accepted are " + Polygons.ACCEPTED_FORMS + ".");
        };
        return from(v);
    }

    /** Four comma-separated numbers: a box west,south,east,north. */
    private static final Pattern BBOX = Pattern.compile(
            "[-+]?[\\d.]+(e[-+]?\\d+)?\\s*(,\\s*[-+]?[\\d.]+(e[-+]?\\d+)?\\s*){3}", Pattern.CASE_INSENSITIVE);

    /** The polygon of a box {@code west,south,east,north} in degrees; checks the numbers, their order and range. */
    private static Polygon box(String text) {
        String[] p = text.split(",");
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(p[i].strip());
            } catch (NumberFormatException e) {
                throw Ai4cException.usage("The area of interest box \"" + text + "\" is not four numbers "
                        + "west,south,east,north in degrees, e.g. 1.50,42.49,1.55,42.52.");
            }
        }
        if (!(v[0] < v[2] && v[1] < v[3]) || v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
            throw Ai4cException.usage("The area of interest box " + text + " is not west,south,east,north with west < east "
                    + "and south < north inside [-180, 180] x [-90, 90] degrees; e.g. 1.50,42.49,1.55,42.52.");
        }
        return new GeometryFactory().createPolygon(new Coordinate[] {
            new Coordinate(v[0], v[1]), new Coordinate(v[2], v[1]),
            new Coordinate(v[2], v[3]), new Coordinate(v[0], v[3]),
            new Coordinate(v[0], v[1])});
    }

    private static AreaOfInterest from(VectorGeometry v) {
        AreaOfInterest aoi = new AreaOfInterest(v.geometry(), v.crs(), v.source());
        LOG.info("Area of interest from {}: {} part(s), {} vertices, bounds {}", aoi.source,
                aoi.geometry.getNumGeometries(), aoi.geometry.getNumPoints(), aoi.describeBounds());
        return aoi;
    }

    /** A copy of the polygonal geometry, in {@link #crs()} coordinates. */
    public Geometry geometry() {
        return geometry.copy();
    }

    /** The CRS of the coordinates, easting/longitude first. */
    public CoordinateReferenceSystem crs() {
        return crs;
    }

    /** Where the AoI came from (a file path, or "WKT …"), for messages. */
    public String source() {
        return source;
    }

    /** The bounding box in {@link #crs()} units (a new envelope). */
    public Envelope bounds() {
        return new Envelope(geometry.getEnvelopeInternal());
    }

    /** The planar area in squared {@link #crs()} units (square degrees for WGS84). */
    public double area() {
        return geometry.getArea();
    }

    /**
     * This AoI in another CRS, edges densified so that they follow the projection
     * (see {@link GeometryReprojection}). Returns this AoI when the CRS is already {@code target}.
     *
     * @param target the CRS wanted, easting/longitude first
     * @throws Ai4cException when no transformation exists or the area lies outside its domain
     */
    public AreaOfInterest toCrs(CoordinateReferenceSystem target) {
        if (Utilities.equalsIgnoreMetadata(crs, target)) {
            return this;
        }
        Geometry g = GeometryReprojection.transform(geometry, crs, target, "the area of interest " + source);
        return new AreaOfInterest(g, target, source);
    }

    /**
     * The polygons in WGS84 longitude/latitude as one line of WKT, the form every {@code --AoI}
     * option accepts; front ends get the geometry as text, not as a geometry library's type.
     */
    public String toWgs84Wkt() {
        WKTWriter writer = new WKTWriter();
        writer.setMaxCoordinatesPerLine(Integer.MAX_VALUE);
        return writer.write(toCrs(Projections.wgs84()).geometry);
    }

    /** The bounds as "[xmin, ymin, xmax, ymax] in CRS name", for messages. */
    public String describeBounds() {
        return describe(geometry.getEnvelopeInternal(), crs);
    }

    /** An envelope as "[xmin, ymin, xmax, ymax] in CRS name", for messages. */
    static String describe(Envelope e, CoordinateReferenceSystem crs) {
        boolean degrees = Projections.isGeographic(crs);
        String f = degrees ? "%.6f" : "%.2f";
        return String.format(Locale.ROOT, "[" + f + ", " + f + ", " + f + ", " + f + "] in %s",
                e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), crs.getName().getCode());
    }

    @Override
    public String toString() {
        return "AreaOfInterest[" + source + ", " + geometry.getGeometryType() + ", " + describeBounds() + "]";
    }
}
