package eu.ai4c.kit.io.geotiff;

import java.util.List;

/**
 * Writes products as Cloud Optimized GeoTIFF (format name {@code COG}): a {@link GeoTiffWriter}
 * file with internal overviews (factor 2 per level until the largest side fits in one tile;
 * averaged, or nearest for BYTE class maps, see {@link GeoTiffWriteOptions.OverviewResampling}),
 * all directories at the start after GDAL's structural metadata block, and the tile data from the
 * smallest overview to full resolution, each level in row-major tile order. The full-resolution
 * tiles and uncompressed overview levels pass through hidden scratch files beside the target,
 * always deleted. Stateless and thread-safe.
 */
public class CogWriter extends GeoTiffWriter {

    @Override
    public List<String> formatNames() {
        return List.of("COG");
    }

    @Override
    public GeoTiffWriteOptions defaultOptions() {
        return GeoTiffWriteOptions.cogDefaults();
    }
}
