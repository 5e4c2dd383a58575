/**
 * The schema mapping of the human-features store: feature classes with their geometry kinds, OSM
 * tag rules and typed attributes, read from YAML ({@link eu.ai4c.vector.schema.FeatureSchema}).
 */
package eu.ai4c.vector.schema;
