/**
 * Extract, cleanse and transform: OSM objects matching the schema become features with valid
 * geometries ({@link eu.ai4c.vector.etl.FeatureExtractor}), multipolygons assembled, repairs and drops counted.
 */
package eu.ai4c.vector.etl;
