/**
 * Areas of interest (AoI): {@link eu.ai4c.kit.aoi.AreaOfInterest} (a polygon with its CRS, parsed
 * from WKT or a vector file), {@link eu.ai4c.kit.aoi.PolygonMask} (scanline rasterization on a
 * pixel grid, pixel-centre rule) and {@link eu.ai4c.kit.aoi.AoiCrop} (window and masked view of a
 * map-projected raster). The format readers live in {@code eu.ai4c.kit.aoi.vector}.
 */
package eu.ai4c.kit.aoi;
