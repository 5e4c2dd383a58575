package eu.ai4c.kit.dem;

/**
 * Heights of the terrain above the WGS 84 ellipsoid, looked up in bulk for the pixels of a tile.
 * Implementations: {@link RasterDem} (one DEM raster), {@link DemTiles} (a folder of tiles) and
 * {@link GeoidOnlyDem} (no DEM: the geoid surface, i.e. height 0 above mean sea level).
 *
 * <h2>Thread-safety</h2>
 * Implementations must allow concurrent calls from the tile threads.
 */
public interface ElevationModel {

    /**
     * Ellipsoid heights (orthometric DEM height + EGM96 undulation) at {@code count} points.
     * Points without DEM data (outside the DEM, voids) get the geoid undulation alone (height 0
     * above mean sea level) and are counted in {@link #fallbackCount()}.
     *
     * @param lon                 longitudes, degrees (WGS 84)
     * @param lat                 geodetic latitudes, degrees (WGS 84)
     * @param outEllipsoidHeight  receives heights above the WGS 84 ellipsoid, metres
     * @param count               number of points, from index 0
     */
    void heights(double[] lon, double[] lat, double[] outEllipsoidHeight, int count);

    /** Number of points so far that had no DEM value and fell back to the geoid (0 for a geoid-only model). */
    default long fallbackCount() {
        return 0;
    }

    /** A short description for logs, e.g. the DEM file or folder. */
    String describe();
}
