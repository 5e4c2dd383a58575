/**
 * Radiometric calibration of Sentinel-1 Level-1 products (ESA, "Sentinel-1 Level 1 Radiometric
 * Calibration"): {@code value = |DN|² / A²}, A interpolated bilinearly from the calibration
 * vectors ({@link eu.ai4c.s1.calibration.LineVectorLut}); decibels by
 * {@link eu.ai4c.s1.calibration.Decibel}. Pure kernels on primitive arrays.
 */
package eu.ai4c.s1.calibration;
