package eu.ai4c.kit.aoi.vector;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.Projections;
import java.util.Objects;
import org.apache.sis.referencing.CRS;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * What a vector reader found: the union of the file's polygons, their CRS (easting/longitude
 * first, as {@link eu.ai4c.kit.geo.Projections#eastingFirst} gives) and a description of where
 * they came from, used in messages.
 *
 * @param geometry a non-empty {@code Polygon} or {@code MultiPolygon}; owned by the record
 * @param crs      the CRS of the coordinates, easting/longitude first; a 3-D or compound CRS
 *                 (e.g. EPSG:4979 written by GDAL for polygons with heights) is reduced to its
 *                 horizontal part, as only x and y are read
 * @param source   where the polygons came from, e.g. the file path
 */
public record VectorGeometry(Geometry geometry, CoordinateReferenceSystem crs, String source) {

    public VectorGeometry {
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(crs, "crs");
        Objects.requireNonNull(source, "source");
        if (crs.getCoordinateSystem().getDimension() != 2) {
            CoordinateReferenceSystem horizontal = CRS.getHorizontalComponent(crs);
            if (horizontal == null) {
                throw Ai4cException.usage("The CRS " + crs.getName().getCode() + " of " + source
                        + " has no horizontal component; give the area of interest in a map or geographic CRS.");
            }
            crs = Projections.eastingFirst(horizontal);
        }
    }
}
