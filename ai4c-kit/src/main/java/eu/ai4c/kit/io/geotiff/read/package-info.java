/**
 * Inside the GeoTIFF reader: TIFF directories and tags, chunk decoding (DEFLATE, LZW,
 * PackBits, predictors), chunk caching and georeferencing from GeoKeys; not API.
 */
package eu.ai4c.kit.io.geotiff.read;
