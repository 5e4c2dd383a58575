package eu.ai4c.agri.cropmap;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.List;

/**
 * A class raster after the {@link MajorityFilter}: each requested region is filtered from the
 * source region grown by the window's half size (clipped to the image), so any tiling gives the
 * same image as filtering the whole image at once. The source should be a
 * {@link eu.ai4c.kit.tile.CachedRaster} when it is expensive (model inference), so that the halo
 * rows and columns shared by neighbouring tiles are computed once. Thread-safe if the source is.
 */
final class MajorityFilterRaster implements Raster {
    private final Raster source;
    private final int radius;
    private final int classes;

    /**
     * @param source  one-band uint8 class raster
     * @param size    odd window size in pixels (≥ 3)
     * @param classes class ids {@code 0 … classes-1}; other values are not classified
     */
    MajorityFilterRaster(Raster source, int size, int classes) {
        this.source = source;
        this.radius = size / 2;
        this.classes = classes;
    }

    @Override
    public int width() {
        return source.width();
    }

    @Override
    public int height() {
        return source.height();
    }

    @Override
    public List<Band> bands() {
        return source.bands();
    }

    @Override
    public GeoCoding geoCoding() {
        return source.geoCoding();
    }

    @Override
    public int[] preferredTileSize() {
        return source.preferredTileSize();
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        Region halo = region.expand(radius).intersect(bounds());
        byte[] src = source.read(band, halo).bytes();
        byte[] out = new byte[Math.toIntExact(region.area())];
        MajorityFilter.filter(src, halo.width(), halo.height(), radius, classes, region.x() - halo.x(),
                region.y() - halo.y(), region.width(), region.height(), out);
        return new Block(region, DataType.BYTE, out);
    }
}
