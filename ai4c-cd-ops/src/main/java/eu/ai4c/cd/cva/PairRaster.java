package eu.ai4c.cd.cva;

import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.geo.GeoCoding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Two co-registered rasters of n bands each seen as one raster of 2n bands (image 1's bands,
 * then image 2's), so that one tile pass reads both. Thread-safe as its sources are.
 */
final class PairRaster implements Raster {
    private final Raster first;
    private final Raster second;
    private final List<Band> bands = new ArrayList<>();

    PairRaster(Raster first, Raster second) {
        this.first = first;
        this.second = second;
        for (Band b : first.bands()) bands.add(b.withName(b.name() + "_1"));
        for (Band b : second.bands()) bands.add(b.withName(b.name() + "_2"));
    }

    @Override
    public int width() {
        return first.width();
    }

    @Override
    public int height() {
        return first.height();
    }

    @Override
    public List<Band> bands() {
        return bands;
    }

    @Override
    public GeoCoding geoCoding() {
        return first.geoCoding();
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        int n = first.bands().size();
        return band < n ? first.read(band, region) : second.read(band - n, region);
    }

    @Override
    public int[] preferredTileSize() {
        return first.preferredTileSize();
    }
}
