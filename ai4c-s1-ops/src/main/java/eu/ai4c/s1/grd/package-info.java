/**
 * The {@code S1-GRD-preprocess} service: noise removal, calibration, speckle filtering,
 * terrain correction, dB and masks as one lazy raster chain.
 */
package eu.ai4c.s1.grd;
