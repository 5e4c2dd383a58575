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
 * Co-registered rasters seen as one raster with the bands of each in turn (names suffixed with
 * the part number), so that one tile pass reads them all. Thread-safe as its sources are.
 */
final class StackRaster implements Raster {
    private final Raster first;
    private final List<Band> bands = new ArrayList<>();
    private final Raster[] partOf;
    private final int[] bandOf;

    StackRaster(List<Raster> parts) {
        this.first = parts.get(0);
        int n = 0;
        for (Raster r : parts) n += r.bands().size();
        partOf = new Raster[n];
        bandOf = new int[n];
        int k = 0;
        for (int p = 0; p < parts.size(); p++) {
            Raster r = parts.get(p);
            for (int b = 0; b < r.bands().size(); b++) {
                bands.add(r.bands().get(b).withName(r.bands().get(b).name() + "_" + (p + 1)));
                partOf[k] = r;
                bandOf[k++] = b;
            }
        }
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
        return partOf[band].read(bandOf[band], region);
    }

    @Override
    public int[] preferredTileSize() {
        return first.preferredTileSize();
    }
}
