package eu.ai4c.kit.dem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file format of DEM tiles that {@link DemTiles} can index and load. This is the extension
 * point for new tile kinds: SRTM {@code .hgt} is {@link HgtFormat}; GeoTIFF tiles (Copernicus
 * DEM, SRTM GeoTIFF) plug in here with a format whose {@link #footprint} reads the GeoTIFF header.
 *
 * <h2>Thread-safety</h2>
 * Implementations are stateless and thread-safe.
 */
public interface DemTileFormat {

    /**
     * The area a file covers, if this format reads it, as degrees
     * {@code {southLat, westLon, northLat, eastLon}}; empty when the file is not of this format.
     * Should be cheap (file name or header only).
     */
    Optional<double[]> footprint(Path file) throws IOException;

    /** Loads the whole tile. */
    DemTile read(Path file) throws IOException;
}
