/**
 * TOPS (IW/EW) SLC processing of Sentinel-1: deburst of a sub-swath by zero-Doppler time
 * ({@link eu.ai4c.s1.tops.DeburstPlan}); sub-swath merge and the {@code S1-SLC-preprocess} chain
 * build on it.
 */
package eu.ai4c.s1.tops;
