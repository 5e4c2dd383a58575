/**
 * The GeoPackage feature store (sqlite-jdbc): loading ({@link eu.ai4c.vector.store.StoreLoader}),
 * read-only queries ({@link eu.ai4c.vector.store.FeatureStore}) and GeoPackage export.
 */
package eu.ai4c.vector.store;
