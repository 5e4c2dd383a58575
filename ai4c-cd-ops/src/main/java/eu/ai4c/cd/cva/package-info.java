/**
 * Sentinel-2 change detection by Change Vector Analysis ({@code S2-CD}, specification section
 * 2.2.5): pure kernels ({@link eu.ai4c.cd.cva.RadiometricNormalisation},
 * {@link eu.ai4c.cd.cva.ChangeVector}, {@link eu.ai4c.cd.cva.ChiSquare}, {@link eu.ai4c.cd.cva.KMeans}),
 * the bounded statistics pass ({@link eu.ai4c.cd.cva.CvaStatistics}), the lazy output rasters
 * ({@link eu.ai4c.cd.cva.CvaRaster}), the operator ({@link eu.ai4c.cd.cva.S2CdOperator}) and the
 * side-output writer ({@link eu.ai4c.cd.cva.CvaOutputs}).
 */
package eu.ai4c.cd.cva;
