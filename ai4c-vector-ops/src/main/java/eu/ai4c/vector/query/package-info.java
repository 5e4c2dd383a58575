/**
 * Area-of-interest queries of the store written as RFC 7946 GeoJSON or GeoPackage
 * ({@link eu.ai4c.vector.query.FeatureQuery}).
 */
package eu.ai4c.vector.query;
