package eu.ai4c.kit.aoi.vector;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * What a vector reader found: the union of the file's polygons, their CRS (easting/longitude
 * first, as {@link eu.ai4c.kit.geo.Projections#eastingFirst} gives) and a description of where
 * they came from, used in messages.
 *
 * @param geometry a non-empty {@code Polygon} or {@code MultiPolygon}; owned by the record
 * @param crs      the CRS of the coordinates, easting/longitude first
 * @param source   where the polygons came from, e.g. the file path
 */
public record VectorGeometry(Geometry geometry, CoordinateReferenceSystem crs, String source) {

    public VectorGeometry {
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(crs, "crs");
        Objects.requireNonNull(source, "source");
    }
}
