/**
 * Elevation models for terrain correction and land/sea masks: GeoTIFF DEMs, folders of SRTM
 * {@code .hgt} or WGS84 GeoTIFF tiles, the EGM96 geoid, and their interpolation.
 */
package eu.ai4c.kit.dem;
