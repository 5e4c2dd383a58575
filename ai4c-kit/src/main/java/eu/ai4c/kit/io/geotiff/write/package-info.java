/**
 * Internals of the GeoTIFF/COG writer (not API): the {@link eu.ai4c.kit.io.geotiff.write.TiffPlan}
 * decided up front, the pure kernels ({@link eu.ai4c.kit.io.geotiff.write.Predictors},
 * {@link eu.ai4c.kit.io.geotiff.write.LzwEncoder}, {@link eu.ai4c.kit.io.geotiff.write.Downsampler}),
 * the per-thread {@link eu.ai4c.kit.io.geotiff.write.TileEncoder}, the directory and GeoKey
 * builders, and the driver {@link eu.ai4c.kit.io.geotiff.write.TiffFileWriter} that streams tiles
 * through the tile engine into a {@link eu.ai4c.kit.io.geotiff.write.TileStore}.
 *
 * <p>Sources of the formats: TIFF 6.0 (sections 2, 13 LZW, 14 predictor), Adobe Photoshop TIFF
 * Technical Note 3 (floating-point predictor), the BigTIFF proposal, OGC GeoTIFF 1.1, GDAL's
 * GDAL_METADATA/GDAL_NODATA tags and its COG layout (structural metadata block, block leader and
 * trailer).</p>
 */
package eu.ai4c.kit.io.geotiff.write;
