/**
 * Radiometric steps shared by the Sentinel-1 chains on the SAR grid: thermal noise removal and
 * calibration of GRD amplitudes or SLC complex samples into σ⁰/γ⁰/β⁰ intensity
 * ({@link eu.ai4c.s1.radiometry.RadiometricRaster}); the kernels are in
 * {@link eu.ai4c.s1.calibration} and {@link eu.ai4c.s1.noise}.
 */
package eu.ai4c.s1.radiometry;
