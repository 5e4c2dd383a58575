package eu.ai4c.kit.tile;

import eu.ai4c.kit.raster.Region;

/**
 * A regular partition of a {@code width × height} image into tiles of {@code tileWidth × tileHeight}
 * pixels; tiles on the right and bottom edges are clipped to the image. Immutable.
 */
public record TileGrid(int width, int height, int tileWidth, int tileHeight) {

    public TileGrid {
        if (tileWidth <= 0 || tileHeight <= 0) throw new IllegalArgumentException("Tile size must be positive");
    }

    public int tilesAcross() {
        return (width + tileWidth - 1) / tileWidth;
    }

    public int tilesDown() {
        return (height + tileHeight - 1) / tileHeight;
    }

    public int tileCount() {
        return tilesAcross() * tilesDown();
    }

    /** The pixel region of tile (col, row), clipped to the image. */
    public Region tile(int col, int row) {
        int x = col * tileWidth, y = row * tileHeight;
        return new Region(x, y, Math.min(tileWidth, width - x), Math.min(tileHeight, height - y));
    }
}
