package eu.ai4c.vector.store;

import org.locationtech.jts.geom.Geometry;

/**
 * One record of a dataset ({@link DatasetClass}) ready for the store: its key in the source, its
 * name, its geometry (WGS84 longitude/latitude; polygons as multipolygons) and attribute values in
 * the class's column order ({@code String}, {@code Long}, {@code Double} or null).
 */
public record DatasetFeature(String sourceId, String name, Geometry geometry, Object[] values) {
}
