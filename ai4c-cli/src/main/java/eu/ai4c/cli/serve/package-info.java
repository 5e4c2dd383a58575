/**
 * {@code ai4c serve}: the human-features web service on Jetty (JSON API, OpenAPI description,
 * Leaflet map page), over a read-only {@link eu.ai4c.vector.store.FeatureStore}.
 */
package eu.ai4c.cli.serve;
