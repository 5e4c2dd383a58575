package eu.ai4c.s1.noise;

import eu.ai4c.s1.calibration.LineVectorLut;
import eu.ai4c.s1.safe.NoiseLuts;
import eu.ai4c.s1.safe.NoiseLuts.NoiseRangeVector;
import java.util.List;

/**
 * The thermal noise power of a Sentinel-1 image, in |DN|² units:
 * {@code N(line, pixel) = noiseRangeLut(line, pixel) × noiseAzimuthLut(line, pixel)}, the range
 * LUT interpolated like calibration ({@link LineVectorLut}), the azimuth LUT per block
 * ({@link NoiseAzimuthProfile}; factor 1 for products before IPF 2.9 that only have {@code noiseVectorList}).
 *
 * <h2>Thread-safety</h2>
 * Immutable and thread-safe.
 */
public final class NoisePowerLut {
    private final LineVectorLut range;
    private final NoiseAzimuthProfile azimuth;

    public NoisePowerLut(LineVectorLut range, NoiseAzimuthProfile azimuth) {
        this.range = range;
        this.azimuth = azimuth;
    }

    /** From a noise annotation of either layout. */
    public static NoisePowerLut of(NoiseLuts luts) {
        List<NoiseRangeVector> v = luts.noiseRangeVectorList();
        int n = v.size();
        int[] lines = new int[n];
        int[][] pixels = new int[n][];
        double[][] values = new double[n][];
        for (int i = 0; i < n; i++) {
            lines[i] = v.get(i).line();
            pixels[i] = v.get(i).pixel();
            values[i] = v.get(i).noiseRangeLut();
        }
        return new NoisePowerLut(new LineVectorLut(lines, pixels, values), new NoiseAzimuthProfile(luts.noiseAzimuthVectorList()));
    }

    public LineVectorLut range() {
        return range;
    }

    public NoiseAzimuthProfile azimuth() {
        return azimuth;
    }

    /** Fills {@code out[0 .. w·h)} with the noise power of the window (row-major). */
    public void interpolate(int x0, int y0, int w, int h, float[] out) {
        range.interpolate(x0, y0, w, h, out, 0, false);
        azimuth.multiplyInto(x0, y0, w, h, out, 0);
    }
}
