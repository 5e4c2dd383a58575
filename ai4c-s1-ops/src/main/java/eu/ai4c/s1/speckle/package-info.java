/**
 * Speckle filters for Sentinel-1 intensity images (linear power, e.g. calibrated σ⁰/β⁰/γ⁰), with
 * the filter names, parameter names and defaults of SNAP's Speckle-Filter operator.
 *
 * <ul>
 *   <li>{@link eu.ai4c.s1.speckle.SpeckleParameters}: the parameters, validated;</li>
 *   <li>{@link eu.ai4c.s1.speckle.SpeckleFilters}: builds a pure kernel
 *       ({@link eu.ai4c.s1.speckle.SpeckleFilter}: float arrays in, float array out) for them;</li>
 *   <li>{@link eu.ai4c.s1.speckle.SceneStatistics} and {@link eu.ai4c.s1.speckle.EnlEstimator}: the
 *       scene-wide values (equivalent number of looks, 98th percentile) measured once before tiling;</li>
 *   <li>{@link eu.ai4c.s1.speckle.SpeckleRaster}: the tiled driver over any
 *       {@link eu.ai4c.kit.raster.Raster}, halo in, edges clipped, bit-identical under any tiling;</li>
 *   <li>{@link eu.ai4c.s1.speckle.SpeckleFilterOp}: the {@code Speckle-Filter} operator and its descriptor.</li>
 * </ul>
 * Each kernel's Javadoc cites its paper and states what is simplified.
 */
package eu.ai4c.s1.speckle;
