package eu.ai4c.kit.landsea;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.raster.Region;

/**
 * Decides, for the pixel centres of a region of a map grid, which are land and which are sea.
 * Implementations: {@link DemLandClassifier} (elevation above mean sea level, as SRTM 3Sec masks
 * do) and {@link VectorLandClassifier} (land polygons).
 *
 * <h2>Thread-safety</h2>
 * Implementations must allow concurrent calls from the tile threads.
 */
public interface LandClassifier {

    /**
     * Classifies the pixel centres (column + 0.5, row + 0.5 in the grid's corner convention) of
     * {@code region}.
     *
     * @param grid      the map grid of the image
     * @param region    the pixels to classify
     * @param outIsLand receives, row-major over the region, 1 for land and 0 for sea
     */
    void land(MapGeoCoding grid, Region region, byte[] outIsLand);

    /** A short description for logs, e.g. the DEM or the vector file. */
    String describe();
}
