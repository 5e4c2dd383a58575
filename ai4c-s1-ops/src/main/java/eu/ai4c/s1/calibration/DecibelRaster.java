package eu.ai4c.s1.calibration;

import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.DerivedRaster;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A linear-intensity raster in decibel: {@code 10·log10(v)} per sample (float32). Values ≤ 0 have
 * no logarithm and become NaN (no-data), as does NaN. Band names get SNAP's {@code _db} suffix and
 * unit {@code dB}. Applied after terrain correction, so that resampling averages linear power.
 *
 * <h2>Thread-safety</h2>
 * Thread-safe when the source is.
 */
public final class DecibelRaster extends DerivedRaster {
    public DecibelRaster(Raster source) {
        super(source, decibelBands(source));
    }

    private static List<Band> decibelBands(Raster source) {
        List<Band> out = new ArrayList<>();
        for (Band b : source.bands()) {
            out.add(new Band(b.name() + "_db", DataType.FLOAT32, Float.NaN, true, "dB", b.description() + " in dB"));
        }
        return out;
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        Block in = source.read(band, region);
        float[] v = in.toFloats();
        // blocks handed out by a raster belong to the caller, so the conversion can be in place
        Decibel.fromLinear(v, v, v.length, Float.NaN);
        return new Block(region, DataType.FLOAT32, v);
    }
}
