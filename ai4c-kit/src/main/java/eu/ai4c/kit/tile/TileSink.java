package eu.ai4c.kit.tile;

import eu.ai4c.kit.raster.Block;
import java.io.IOException;

/** Receives computed tiles from the {@link TileEngine}, from several threads at once, in any order. */
@FunctionalInterface
public interface TileSink {

    /**
     * @param tileCol column of the tile in the tile grid
     * @param tileRow row of the tile in the tile grid
     * @param bands   one block per requested band, all over the same region (edge tiles are smaller)
     */
    void accept(int tileCol, int tileRow, Block[] bands) throws IOException;
}
