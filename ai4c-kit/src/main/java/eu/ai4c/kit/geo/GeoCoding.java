package eu.ai4c.kit.geo;

/**
 * How the pixels of a raster relate to positions on the Earth. Two kinds exist: a
 * {@link MapGeoCoding} (a map CRS plus an affine transform) and, for Sentinel-1, a SAR geometry
 * defined in the Sentinel-1 module. Code that needs a map grid asks {@code instanceof MapGeoCoding}.
 */
public interface GeoCoding {
}
