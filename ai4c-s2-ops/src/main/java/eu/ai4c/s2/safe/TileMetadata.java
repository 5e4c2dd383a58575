package eu.ai4c.s2.safe;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What S2 processing needs from the tile (granule) metadata {@code MTD_TL.xml}: tile identity,
 * CRS and the 10/20/60 m grids, and the quality mask files. Immutable; parsed by
 * {@link TileMetadataParser}.
 *
 * @param tileId       {@code TILE_ID} (the long granule identifier)
 * @param tileName     the MGRS tile, e.g. {@code T33XWJ} (from the TILE_ID)
 * @param epsg         the EPSG code of {@code HORIZONTAL_CS_CODE} (a WGS 84 / UTM zone)
 * @param grids        the grid per resolution in metres
 * @param maskFiles    {@code MASK_FILENAME} paths (relative to the SAFE root) per {@code type}
 *                     attribute, e.g. {@code MSK_CLOUDS}, {@code MSK_CLASSI}, {@code MSK_CLDPRB}
 * @param cloudyPixelPercentage {@code CLOUDY_PIXEL_PERCENTAGE}, NaN when absent
 */
public record TileMetadata(String tileId, String tileName, int epsg, Map<Integer, TileGrid> grids,
                           Map<String, List<String>> maskFiles, double cloudyPixelPercentage) {

    public TileMetadata {
        grids = Map.copyOf(grids);
        maskFiles = Map.copyOf(maskFiles);
    }

    /** The grid at a resolution in metres. */
    public Optional<TileGrid> grid(int resolution) {
        return Optional.ofNullable(grids.get(resolution));
    }

    /** The mask files of one type (empty when none). */
    public List<String> masks(String type) {
        return maskFiles.getOrDefault(type, List.of());
    }
}
