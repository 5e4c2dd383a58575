/**
 * GeoTIFF: the streaming tiled writer (BigTIFF, DEFLATE/LZW with predictors, GeoKeys, no-
 * data), the cloud-optimised layout with overviews, colour tables, and the reader's entry
 * point.
 */
package eu.ai4c.kit.io.geotiff;
