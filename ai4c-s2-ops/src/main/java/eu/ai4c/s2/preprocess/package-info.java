/**
 * {@code S2-preprocess} (AI4Copernicus specification, section 2.2.3): resampling of the bands to a
 * common resolution, cloud and land/sea masks, reprojection and area of interest.
 *
 * <p>Kernels are pure: {@link eu.ai4c.s2.preprocess.Aggregation} (downsampling by First, Min, Max,
 * Mean, Median of whole source pixels; flags by First, FlagAnd, FlagOr, FlagMedianAnd,
 * FlagMedianOr) and the kit's interpolation kernels for upsampling. The drivers
 * ({@link eu.ai4c.s2.preprocess.ResampledBand}, {@link eu.ai4c.s2.preprocess.CloudFlags}) read
 * the native windows a target tile needs; {@link eu.ai4c.s2.preprocess.S2PreprocessOperator}
 * wires them.</p>
 */
package eu.ai4c.s2.preprocess;
