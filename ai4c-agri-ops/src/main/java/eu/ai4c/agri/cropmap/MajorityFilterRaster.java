package eu.ai4c.agri.cropmap;

import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.DerivedRaster;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;

/**
 * A class raster after the {@link MajorityFilter}: each requested region is filtered from the
 * source region grown by the window's half size (clipped to the image), so any tiling gives the
 * same image as filtering the whole image at once. The source should be a
 * {@link eu.ai4c.kit.tile.CachedRaster} when it is expensive (model inference), so that the halo
 * rows and columns shared by neighbouring tiles are computed once. Thread-safe if the source is.
 */
final class MajorityFilterRaster extends DerivedRaster {
    private final int radius;
    private final int classes;

    /**
     * @param source  one-band uint8 class raster
     * @param size    odd window size in pixels (≥ 3)
     * @param classes class ids {@code 0 … classes-1}; other values are not classified
     */
    MajorityFilterRaster(Raster source, int size, int classes) {
        super(source, source.bands());
        this.radius = size / 2;
        this.classes = classes;
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
