package eu.ai4c.vector.store;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature read from the store: its class, row id, geometry (WGS84 longitude/latitude; clipped
 * when the query clips) and properties in column order ({@code osm_type, osm_id, osm_version,
 * name, name_en}, then the class attributes; values {@code String}, {@code Long}, {@code Double}
 * or null).
 */
public record StoredFeature(String featureClass, long fid, Geometry geometry, Map<String, Object> properties) {
}
