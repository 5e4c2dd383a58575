package eu.ai4c.kit.raster;

import eu.ai4c.kit.geo.GeoCoding;
import java.util.List;
import java.util.Objects;

/**
 * Base of rasters computed pixel for pixel from one source of the same size and grid (dB
 * conversion, speckle filters, masks): size, geocoding and preferred tiling are the source's, the
 * bands are the subclass's. Subclasses implement {@link #read}.
 *
 * <h2>Thread-safety</h2>
 * As thread-safe as the source and the subclass's {@code read}.
 */
public abstract class DerivedRaster implements Raster {
    /** The raster this one is computed from. */
    protected final Raster source;
    private final List<Band> bands;

    /**
     * @param source the raster this one is computed from
     * @param bands  the output bands (copied)
     */
    protected DerivedRaster(Raster source, List<Band> bands) {
        this.source = Objects.requireNonNull(source, "source");
        this.bands = List.copyOf(bands);
    }

    @Override
    public final int width() {
        return source.width();
    }

    @Override
    public final int height() {
        return source.height();
    }

    @Override
    public final List<Band> bands() {
        return bands;
    }

    @Override
    public GeoCoding geoCoding() {
        return source.geoCoding();
    }

    @Override
    public int[] preferredTileSize() {
        return source.preferredTileSize();
    }
}
