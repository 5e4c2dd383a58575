/**
 * The steps the Sentinel-1 GRD and SLC chains share once the image is calibrated intensity on a
 * SAR grid ({@link eu.ai4c.s1.chain.BackscatterChain}): speckle filter, range-Doppler terrain
 * correction onto the output grid, dB, land/sea mask ({@link eu.ai4c.s1.chain.LandSea}), area of
 * interest, product naming and history; plus the per-mode default resolution
 * ({@link eu.ai4c.s1.chain.ModeResolution}).
 */
package eu.ai4c.s1.chain;
