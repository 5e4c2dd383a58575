/**
 * {@code S1-SLC-preprocess} (specification section 2.2.2): Sentinel-1 SLC to calibrated,
 * terrain-corrected backscatter — per sub-swath noise removal and calibration of the complex
 * samples, deburst and sub-swath merge ({@link eu.ai4c.s1.tops}), multilook
 * ({@link eu.ai4c.s1.slc.Multilook}), then the steps shared with the GRD chain
 * ({@link eu.ai4c.s1.chain.BackscatterChain}) in slant-range geometry.
 */
package eu.ai4c.s1.slc;
