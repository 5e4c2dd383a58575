/**
 * Sentinel-1 Level-1 products in SENTINEL-SAFE format (AI4C specification section 2.2.1), read
 * as the format defines them and nothing more: one parser per section in the style of
 * xarray-sentinel — {@link eu.ai4c.s1.safe.Manifest}, {@link eu.ai4c.s1.safe.Annotation},
 * {@link eu.ai4c.s1.safe.CalibrationLuts}, {@link eu.ai4c.s1.safe.NoiseLuts} (both noise layouts)
 * and the measurement TIFF windows ({@link eu.ai4c.s1.safe.MeasurementTiff}) — with the product
 * specification's element names kept as field names. Unexpected structure fails with an
 * {@link eu.ai4c.kit.Ai4cException} naming the file and the element. The entry point for users is
 * {@link eu.ai4c.s1.safe.Sentinel1ProductReader} (registered for {@code ProductIO}); operators
 * get the model from {@code product.attachment(S1Product.class)}.
 */
package eu.ai4c.s1.safe;
