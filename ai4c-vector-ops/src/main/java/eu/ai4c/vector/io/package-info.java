/**
 * Vector feature files with attributes: ESRI Shapefile reading (points, lines, polygons with
 * their dBASE attributes) and writing (one file set per geometry type, atomically), and GeoJSON
 * feature reading.
 */
package eu.ai4c.vector.io;
