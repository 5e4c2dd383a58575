package eu.ai4c.s1.slc;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.List;

/**
 * A multilooked intensity image as a lazy raster: output pixel (x, y) is the {@link Multilook}
 * mean of source lines {@code y·az … y·az+az−1} and samples {@code x·rg … x·rg+rg−1}; a trailing
 * partial block is dropped (size {@code ⌊W/rg⌋ × ⌊H/az⌋}). Output pixel centres lie at source
 * position {@code (x·rg + (rg−1)/2, y·az + (az−1)/2)}. Float bands only; geometry is the caller's.
 * Thread-safe as its source.
 */
public final class MultilookRaster implements Raster {
    private final Raster source;
    private final int azimuthLooks, rangeLooks;

    public MultilookRaster(Raster source, int azimuthLooks, int rangeLooks) {
        if (azimuthLooks < 1 || rangeLooks < 1) throw new IllegalArgumentException("looks must be ≥ 1");
        for (Band b : source.bands()) {
            if (b.type() != DataType.FLOAT32) throw new IllegalArgumentException("Multilook of " + b.type() + " band " + b.name());
        }
        this.source = source;
        this.azimuthLooks = azimuthLooks;
        this.rangeLooks = rangeLooks;
    }

    @Override
    public int width() {
        return source.width() / rangeLooks;
    }

    @Override
    public int height() {
        return source.height() / azimuthLooks;
    }

    @Override
    public List<Band> bands() {
        return source.bands();
    }

    @Override
    public GeoCoding geoCoding() {
        return null;
    }

    @Override
    public int[] preferredTileSize() {
        return new int[] {512, 512};
    }

    @Override
    public Block read(int band, Region r) throws IOException {
        if (azimuthLooks == 1 && rangeLooks == 1) return source.read(band, r);
        Region src = new Region(r.x() * rangeLooks, r.y() * azimuthLooks, r.width() * rangeLooks, r.height() * azimuthLooks);
        float[] in = source.read(band, src).floats();
        float[] out = new float[Math.toIntExact(r.area())];
        Multilook.mean(in, src.width(), azimuthLooks, rangeLooks, out, r.width(), r.height());
        return new Block(r, DataType.FLOAT32, out);
    }
}
