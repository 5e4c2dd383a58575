package eu.ai4c.kit.aoi;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A window of a source raster, optionally masked by a polygon: pixel (c, r) of the view is pixel
 * (window.x + c, window.y + r) of the source. Where the mask is 0 the sample is the band's
 * no-data value; a band without one gets NaN (floating types, both parts for complex) or 0
 * (integer types: the only value every integer type has, and the usual GeoTIFF no-data for
 * unsigned data), and the view's band declares it.
 *
 * <h2>Thread-safety</h2>
 * Immutable; reads are as thread-safe as the source's (the mask is rasterized per read).
 */
final class AoiCroppedRaster implements Raster {
    private final Raster source;
    private final Region window;
    private final GeoCoding geoCoding;
    private final PolygonMask mask;
    private final List<Band> bands;
    private final double[] fill;

    /**
     * @param mask the polygon in the source's pixel coordinates, or null to crop only
     */
    AoiCroppedRaster(Raster source, Region window, GeoCoding geoCoding, PolygonMask mask) {
        this.source = source;
        this.window = window;
        this.geoCoding = geoCoding;
        this.mask = mask;
        List<Band> out = new ArrayList<>();
        fill = new double[source.bands().size()];
        for (int i = 0; i < fill.length; i++) {
            Band b = source.bands().get(i);
            if (mask != null && !b.hasNoData()) {
                b = b.withNoData(b.fillValue());
            }
            fill[i] = b.noData();
            out.add(b);
        }
        this.bands = List.copyOf(out);
    }

    @Override
    public int width() {
        return window.width();
    }

    @Override
    public int height() {
        return window.height();
    }

    @Override
    public List<Band> bands() {
        return bands;
    }

    @Override
    public GeoCoding geoCoding() {
        return geoCoding;
    }

    @Override
    public int[] preferredTileSize() {
        return source.preferredTileSize();
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        if (!bounds().contains(region)) {
            throw new IllegalArgumentException(region + " is outside the " + width() + "x" + height() + " AoI window");
        }
        Region inSource = new Region(region.x() + window.x(), region.y() + window.y(), region.width(), region.height());
        Block src = source.read(band, inSource);
        Block view = new Block(region, src.type(), src.array());
        if (mask != null) {
            view.fillWhereZero(mask.rasterize(inSource), fill[band]);
        }
        return view;
    }

    @Override
    public String toString() {
        return "AoiCroppedRaster[" + window + " of " + source + (mask == null ? ", crop only" : ", masked") + "]";
    }
}
