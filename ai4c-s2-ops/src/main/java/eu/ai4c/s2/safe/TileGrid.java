package eu.ai4c.s2.safe;

/**
 * The grid of a tile at one resolution, from {@code Tile_Geocoding} of {@code MTD_TL.xml}:
 * upper-left corner ({@code ULX}, {@code ULY}, the outer corner of the upper-left pixel, metres
 * in the tile's UTM CRS), pixel steps ({@code XDIM} positive, {@code YDIM} negative) and size.
 * Immutable.
 *
 * @param resolution metres (10, 20, 60)
 * @param ulx        easting of the upper-left corner
 * @param uly        northing of the upper-left corner
 * @param xdim       pixel width in metres
 * @param ydim       pixel height in metres (negative, north-up)
 * @param cols       {@code NCOLS}
 * @param rows       {@code NROWS}
 */
public record TileGrid(int resolution, double ulx, double uly, double xdim, double ydim, int cols, int rows) {

    /** The GDAL geotransform of this grid. */
    public double[] geoTransform() {
        return new double[] {ulx, xdim, 0, uly, 0, ydim};
    }
}
