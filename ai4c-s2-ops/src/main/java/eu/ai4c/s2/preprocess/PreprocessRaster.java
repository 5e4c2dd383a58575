package eu.ai4c.s2.preprocess;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The S2-preprocess bands on the common native-CRS grid: each band resampled
 * ({@link ResampledBand}), then cloudy pixels ({@link CloudFlags}) set to NaN (the land/sea mask
 * comes later, on the output grid). Float32 reflectance, band names as asked ({@code B2}, …).
 *
 * <h2>Thread-safety</h2>
 * Thread-safe (the cloud flags are shared through a thread-safe cached raster).
 */
final class PreprocessRaster implements Raster {
    private final List<Raster> sources;
    private final List<Band> bands;
    private final Raster cloud;

    /**
     * @param sources    one single-band float raster per output band, all on the same grid
     * @param cloud      cloud flags on that grid (1 = cloudy), or null
     */
    PreprocessRaster(List<Raster> sources, List<String> names, Raster cloud) {
        this.sources = List.copyOf(sources);
        List<Band> b = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            b.add(sources.get(i).bands().get(0).withName(names.get(i)));
        }
        this.bands = List.copyOf(b);
        this.cloud = cloud;
    }

    @Override
    public int width() {
        return sources.get(0).width();
    }

    @Override
    public int height() {
        return sources.get(0).height();
    }

    @Override
    public List<Band> bands() {
        return bands;
    }

    @Override
    public GeoCoding geoCoding() {
        return sources.get(0).geoCoding();
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        Block b = sources.get(band).read(0, region);
        float[] v = b.floats();
        int n = v.length;
        if (cloud != null) {
            byte[] f = cloud.read(0, region).bytes();
            for (int i = 0; i < n; i++) if (f[i] != 0) v[i] = Float.NaN;
        }
        return b;
    }
}
