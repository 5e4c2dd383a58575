/**
 * Sentinel-1 geometry: orbits (annotation or {@code .EOF}), zero-Doppler time, slant/ground
 * range, the WGS 84 ellipsoid in ECEF, and range-Doppler terrain correction onto a map grid.
 */
package eu.ai4c.s1.geometry;
