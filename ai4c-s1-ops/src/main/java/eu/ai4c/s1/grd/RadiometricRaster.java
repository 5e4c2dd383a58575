package eu.ai4c.s1.grd;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s1.calibration.Calibration;
import eu.ai4c.s1.calibration.CalibrationType;
import eu.ai4c.s1.calibration.LineVectorLut;
import eu.ai4c.s1.noise.NoisePowerLut;
import eu.ai4c.s1.noise.ThermalNoise;
import eu.ai4c.s1.safe.S1Image;
import eu.ai4c.s1.safe.S1Raster;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps 1–3 of the GRD chain on the SAR grid, one band per polarisation: thermal noise removal,
 * border noise removal and radiometric calibration, computed tile by tile from the DN:
 * <pre>
 *   value = max(|DN|² − N, 0) / A²      (N: range × azimuth noise vectors, A: calibration LUT)
 * </pre>
 * (ESA S1 L1 calibration and thermal denoising; with noise removal off, {@code |DN|² / A²}).
 * DN 0 (no data in GRD) and border noise become NaN. Output float32 linear intensity.
 *
 * <h2>Thread-safety</h2>
 * Thread-safe: the LUTs are immutable and the border extents are computed once under locks.
 */
final class RadiometricRaster implements Raster {
    private final S1Raster dn;
    private final int[] sourceBands;
    private final LineVectorLut[] luts;
    private final NoisePowerLut[] noise;
    private final BorderTrims[] borders;
    private final List<Band> bands;

    /**
     * @param dn           the GRD DN raster
     * @param sourceBands  bands of {@code dn} to calibrate (one per polarisation)
     * @param type         sigma0, gamma0 or beta0
     * @param bandPrefix   {@code Sigma0}, {@code Gamma0} or {@code Beta0}
     * @param removeNoise  subtract the thermal noise
     * @param borderLimit  border noise search width in samples, or 0 for no border noise removal
     * @param trimThreshold border noise threshold
     */
    RadiometricRaster(S1Raster dn, int[] sourceBands, CalibrationType type, String bandPrefix, boolean removeNoise,
                      int borderLimit, double trimThreshold) {
        this.dn = dn;
        this.sourceBands = sourceBands.clone();
        int n = sourceBands.length;
        this.luts = new LineVectorLut[n];
        this.noise = new NoisePowerLut[n];
        this.borders = new BorderTrims[n];
        List<Band> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            S1Image image = dn.image(sourceBands[i]);
            luts[i] = type.lut(image.calibration());
            noise[i] = removeNoise ? NoisePowerLut.of(image.noise()) : null;
            borders[i] = borderLimit > 0 ? new BorderTrims(dn, sourceBands[i], noise[i], borderLimit, trimThreshold) : null;
            out.add(new Band(bandPrefix + "_" + image.polarisation(), DataType.FLOAT32, Float.NaN, true, "intensity",
                    bandPrefix + " " + image.polarisation() + ", linear"));
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
        int n = Math.toIntExact(r.area());
        short[] d = dn.read(sourceBands[band], r).shorts();
        float[] a = new float[n];
        luts[band].interpolate(r.x(), r.y(), r.width(), r.height(), a, 0, false);
        float[] out = new float[n];
        if (noise[band] != null) {
            float[] nz = new float[n];
            noise[band].interpolate(r.x(), r.y(), r.width(), r.height(), nz);
            ThermalNoise.denoiseAndCalibrate(d, nz, a, out, n);
        } else {
            Calibration.detected(d, a, out, n);
        }
        for (int i = 0; i < n; i++) {
            if (d[i] == 0) out[i] = Float.NaN;
        }
        if (borders[band] != null) borders[band].apply(out, r, Float.NaN);
        return new Block(r, DataType.FLOAT32, out);
    }
}
