/**
 * Streaming readers of OpenStreetMap files: PBF (own protocol-buffer decoding) and XML (plain,
 * gzip, bzip2), delivering nodes, ways and relations to an {@link eu.ai4c.vector.osm.OsmHandler}.
 */
package eu.ai4c.vector.osm;
