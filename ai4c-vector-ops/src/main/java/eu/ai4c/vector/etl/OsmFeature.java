package eu.ai4c.vector.etl;

import eu.ai4c.vector.schema.FeatureClass;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature made from an OSM object: its class, the object's type ({@code node}, {@code way},
 * {@code relation}), id and version, the cleansed geometry in WGS84 longitude/latitude, and the
 * attribute values in the order {@code name, name_en, <class attributes…>} ({@code String},
 * {@code Long}, {@code Double} or null).
 */
public record OsmFeature(FeatureClass featureClass, String osmType, long osmId, int osmVersion, Geometry geometry,
                         Object[] attributes) {
}
