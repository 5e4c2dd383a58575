package eu.ai4c.desktop.form;

import eu.ai4c.kit.aoi.AreaOfInterest;
import java.nio.file.Path;
import java.util.List;

/**
 * The text of an area-of-interest field loaded from a vector file ("Load from vector file…"):
 * the file's polygons, read by the kit (GeoJSON, Shapefile, KML/KMZ, GeoPackage), unioned and
 * transformed to WGS84 longitude/latitude, as WKT — what the operators accept as {@code --AoI}.
 * Stateless.
 */
public final class AoiText {
    /** Extensions of the vector files the kit reads as an area of interest. */
    public static final List<String> VECTOR_EXTENSIONS = List.of("geojson", "json", "shp", "kml", "kmz", "gpkg");

    private AoiText() {
    }

    /**
     * WKT of the polygons of {@code file} in WGS84 longitude/latitude.
     *
     * @throws eu.ai4c.kit.Ai4cException naming the file when it cannot be used
     */
    public static String fromVectorFile(Path file) {
        return AreaOfInterest.parse(file.toString()).toWgs84Wkt();
    }
}
