/**
 * TOPS (IW/EW) SLC processing of Sentinel-1: deburst of a sub-swath by zero-Doppler time
 * ({@link eu.ai4c.s1.tops.DeburstPlan}) and merge of sub-swaths by slant-range time
 * ({@link eu.ai4c.s1.tops.MergePlan}), as plans and lazy rasters; the {@code S1-SLC-preprocess}
 * chain builds on them.
 */
package eu.ai4c.s1.tops;
