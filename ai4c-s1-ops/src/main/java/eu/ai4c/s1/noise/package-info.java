/**
 * Thermal noise removal (range × azimuth noise LUTs, negatives clipped to 0) and GRD border
 * noise removal for Sentinel-1 Level-1 products. Pure kernels on primitive arrays.
 */
package eu.ai4c.s1.noise;
