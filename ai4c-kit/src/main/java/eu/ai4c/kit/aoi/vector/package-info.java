/**
 * Readers of the polygons of vector files, one class per format (GeoJSON, ESRI Shapefile,
 * KML/KMZ, GeoPackage) plus WKT text; each returns a {@link eu.ai4c.kit.aoi.vector.VectorGeometry}
 * holding the union of the file's polygons and its CRS. Internal to the AoI support: use
 * {@link eu.ai4c.kit.aoi.AreaOfInterest#parse(String)}.
 */
package eu.ai4c.kit.aoi.vector;
