package eu.ai4c.kit.raster;

import eu.ai4c.kit.geo.GeoCoding;
import java.io.IOException;
import java.util.List;

/**
 * A lazily computed or read image: named bands of equal size, a geocoding, and the means to get
 * the samples of any region of any band. Readers, operators and the tile engine all speak this
 * interface: an operator's raster computes a requested region from the regions it needs of its
 * sources (pull model), so a whole chain streams through memory tile by tile.
 *
 * <h2>Thread-safety</h2>
 * Implementations must allow {@link #read} from many threads at once; the tile engine calls it
 * in parallel for different regions.
 */
public interface Raster {

    /** Width in pixels. */
    int width();

    /** Height in pixels. */
    int height();

    /** The bands, in order. */
    List<Band> bands();

    /** The geocoding; may be null for an image without one. */
    GeoCoding geoCoding();

    /**
     * Reads or computes the samples of {@code band} over {@code region}.
     * The region must lie inside {@code [0, width) × [0, height)}.
     *
     * @param band   band index
     * @param region pixel region
     * @return a new block (owned by the caller) of the band's type
     * @throws IOException when an underlying file cannot be read
     */
    Block read(int band, Region region) throws IOException;

    /**
     * Preferred tile width and height, e.g. a source file's internal tiling; the tile engine
     * uses it when the caller does not choose. Default 512×512.
     */
    default int[] preferredTileSize() {
        return new int[] {512, 512};
    }

    /** The whole extent. */
    default Region bounds() {
        return Region.of(width(), height());
    }

    /** Index of the band of that name, or -1. */
    default int bandIndex(String name) {
        List<Band> b = bands();
        for (int i = 0; i < b.size(); i++) {
            if (b.get(i).name().equals(name)) return i;
        }
        return -1;
    }
}
