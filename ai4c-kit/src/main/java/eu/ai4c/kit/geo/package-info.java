/**
 * Geocoding: map grids (CRS and geotransform), projection strings as the specification names
 * them, the WGS 84 constants and the one metres-to-degrees rule of every service.
 */
package eu.ai4c.kit.geo;
