package eu.ai4c.s2.preprocess;

import eu.ai4c.kit.aoi.PolygonMask;
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
 * ({@link ResampledBand}), then cloudy pixels ({@link CloudFlags}) and, with a land/sea mask, land
 * or sea pixels set to NaN. Float32 reflectance, band names as asked ({@code B2}, …).
 *
 * <h2>Thread-safety</h2>
 * Thread-safe (the cloud flags are shared through a thread-safe cached raster).
 */
final class PreprocessRaster implements Raster {
    private final List<Raster> sources;
    private final List<Band> bands;
    private final Raster cloud;
    private final PolygonMask land;
    private final boolean removeLand;

    /**
     * @param sources    one single-band float raster per output band, all on the same grid
     * @param cloud      cloud flags on that grid (1 = cloudy), or null
     * @param land       land polygons rasterized on that grid, or null for no land/sea mask
     * @param removeLand true to set land pixels to NaN, false to set sea pixels to NaN
     */
    PreprocessRaster(List<Raster> sources, List<String> names, Raster cloud, PolygonMask land, boolean removeLand) {
        this.sources = List.copyOf(sources);
        List<Band> b = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            b.add(sources.get(i).bands().get(0).withName(names.get(i)));
        }
        this.bands = List.copyOf(b);
        this.cloud = cloud;
        this.land = land;
        this.removeLand = removeLand;
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
        if (land != null) {
            byte[] inside = land.rasterize(region);
            byte remove = (byte) (removeLand ? 1 : 0);
            for (int i = 0; i < n; i++) if (inside[i] == remove) v[i] = Float.NaN;
        }
        return b;
    }
}
