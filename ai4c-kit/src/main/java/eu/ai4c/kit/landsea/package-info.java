/**
 * Land/sea masking: remove land or sea pixels (set them to no-data), the land decided from a DEM
 * (elevation above mean sea level {@code > 0}, the SRTM 3Sec convention) or from land polygons,
 * with a tolerance in metres by which the kept class is grown.
 *
 * <p>Entry point: {@link eu.ai4c.kit.landsea.LandSeaMaskRaster#of}. The plan is
 * {@link eu.ai4c.kit.landsea.LandSeaMask}; the distance kernel is
 * {@link eu.ai4c.kit.landsea.ToleranceBuffer}.</p>
 */
package eu.ai4c.kit.landsea;
