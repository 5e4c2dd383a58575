package eu.ai4c.s1.radiometry;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s1.calibration.Calibration;
import eu.ai4c.s1.calibration.LineVectorLut;
import eu.ai4c.s1.noise.NoisePowerLut;
import eu.ai4c.s1.noise.ThermalNoise;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Thermal noise removal and radiometric calibration of a Sentinel-1 image on its SAR grid, one
 * output band per {@link Channel}, computed tile by tile from the digital numbers:
 * <pre>
 *   value = max(|DN|² − N, 0) / A²      (N: noise power, A: calibration LUT)
 * </pre>
 * (ESA, "Sentinel-1 Level 1 Radiometric Calibration" and "Thermal Denoising of Products Generated
 * by the S-1 IPF"); without noise removal {@code |DN|² / A²}. {@code |DN|²} is the squared
 * amplitude of GRD samples (uint16; DN 0 is no data and becomes NaN) or {@code I² + Q²} of SLC
 * samples (complex). A channel may add a border mask (GRD border noise). Output float32 linear
 * intensity, NaN no-data.
 *
 * <h2>Thread-safety</h2>
 * Thread-safe when the source raster and the border masks are.
 */
public final class RadiometricRaster implements Raster {

    /** Sets samples of a tile to no-data (e.g. GRD border noise). */
    @FunctionalInterface
    public interface BorderMask {
        /** Sets the masked samples of {@code values} (the tile {@code r}, row-major) to {@code fill}. */
        void apply(float[] values, Region r, float fill) throws IOException;
    }

    /**
     * One output band.
     *
     * @param sourceBand  band of the DN raster (uint16 amplitude or complex)
     * @param name        output band name, e.g. {@code Sigma0_VV}
     * @param description output band description
     * @param lut         calibration LUT A (amplitude units)
     * @param noise       noise power N in |DN|² units, or null to keep the noise
     * @param border      border mask, or null
     */
    public record Channel(int sourceBand, String name, String description, LineVectorLut lut, NoisePowerLut noise,
                          BorderMask border) {
        public Channel {
            Objects.requireNonNull(lut, "lut");
        }
    }

    private final Raster dn;
    private final List<Channel> channels;
    private final List<Band> bands;

    /** @param dn the DN raster; its bands named by the channels must be UINT16 or CFLOAT32 */
    public RadiometricRaster(Raster dn, List<Channel> channels) {
        this.dn = dn;
        this.channels = List.copyOf(channels);
        List<Band> out = new ArrayList<>();
        for (Channel c : this.channels) {
            DataType t = dn.bands().get(c.sourceBand()).type();
            if (t != DataType.UINT16 && t != DataType.CFLOAT32) {
                throw new IllegalArgumentException("Band " + dn.bands().get(c.sourceBand()).name() + " is " + t
                        + "; calibration reads uint16 amplitude or complex samples");
            }
            out.add(new Band(c.name(), DataType.FLOAT32, Float.NaN, true, "intensity", c.description()));
        }
        this.bands = List.copyOf(out);
    }

    @Override
    public int width() {
        return dn.width();
    }

    @Override
    public int height() {
        return dn.height();
    }

    @Override
    public List<Band> bands() {
        return bands;
    }

    @Override
    public GeoCoding geoCoding() {
        return dn.geoCoding();
    }

    @Override
    public int[] preferredTileSize() {
        return new int[] {512, 512};
    }

    @Override
    public Block read(int band, Region r) throws IOException {
        Channel c = channels.get(band);
        int n = Math.toIntExact(r.area());
        float[] a = new float[n];
        c.lut().interpolate(r.x(), r.y(), r.width(), r.height(), a, 0, false);
        float[] out = new float[n];
        float[] noise = null;
        if (c.noise() != null) {
            noise = new float[n];
            c.noise().interpolate(r.x(), r.y(), r.width(), r.height(), noise);
        }
        Block samples = dn.read(c.sourceBand(), r);
        if (samples.type() == DataType.CFLOAT32) {
            float[] iq = samples.floats();
            if (noise != null) {
                ThermalNoise.denoiseComplex(iq, noise, out, n);
                Calibration.intensity(out, a, out, n);
            } else {
                Calibration.complex(iq, a, out, n);
            }
        } else {
            short[] d = samples.shorts();
            if (noise != null) {
                ThermalNoise.denoiseAndCalibrate(d, noise, a, out, n);
            } else {
                Calibration.detected(d, a, out, n);
            }
            for (int i = 0; i < n; i++) {
                if (d[i] == 0) out[i] = Float.NaN;
            }
        }
        if (c.border() != null) c.border().apply(out, r, Float.NaN);
        return new Block(r, DataType.FLOAT32, out);
    }
}
