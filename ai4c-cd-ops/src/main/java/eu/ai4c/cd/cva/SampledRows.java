package eu.ai4c.cd.cva;

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
 * Every {@code stride}-th row of a raster (rows 0, stride, 2·stride, …) as a compact float32
 * raster of {@code ceil(height / stride)} rows, so that the statistics pass, which keeps only a
 * systematic sample, pulls only the sampled rows through the pre-processing chain (for a full
 * 10980² tile the stride is 11: a tenth of the pixels). Row {@code r} here is source row
 * {@code r·stride}; columns are unchanged. No geocoding (the rows are not a regular grid of the
 * source's CRS). Thread-safe as its source is.
 */
final class SampledRows implements Raster {
    private final Raster source;
    private final int stride;
    private final List<Band> bands = new ArrayList<>();

    SampledRows(Raster source, int stride) {
        if (stride < 1) throw new IllegalArgumentException("stride " + stride);
        this.source = source;
        this.stride = stride;
        for (Band b : source.bands()) bands.add(Band.of(b.name(), DataType.FLOAT32, Double.NaN));
    }

    @Override
    public int width() {
        return source.width();
    }

    @Override
    public int height() {
        return (source.height() + stride - 1) / stride;
    }

    @Override
    public List<Band> bands() {
        return bands;
    }

    @Override
    public GeoCoding geoCoding() {
        return null;
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        int w = region.width();
        float[] out = new float[Math.toIntExact(region.area())];
        for (int r = 0; r < region.height(); r++) {
            float[] row = source.read(band, new Region(region.x(), (region.y() + r) * stride, w, 1)).toFloats();
            System.arraycopy(row, 0, out, r * w, w);
        }
        return new Block(region, DataType.FLOAT32, out);
    }
}
