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
    /** SLC: one range LUT per burst (null for GRD), bursts of {@code linesPerBurst} image lines. */
    private final LineVectorLut[] burstRange;
    private final int linesPerBurst;

    public NoisePowerLut(LineVectorLut range, NoiseAzimuthProfile azimuth) {
        this.range = range;
        this.azimuth = azimuth;
        this.burstRange = null;
        this.linesPerBurst = 0;
    }

    private NoisePowerLut(LineVectorLut[] burstRange, int linesPerBurst, NoiseAzimuthProfile azimuth) {
        this.range = burstRange[0];
        this.azimuth = azimuth;
        this.burstRange = burstRange;
        this.linesPerBurst = linesPerBurst;
    }

    /** From a noise annotation of either layout (GRD: range vectors interpolated between lines). */
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

    /**
     * The noise of a TOPS SLC sub-swath: the IPF gives one range vector per burst, so every line of
     * burst k takes the range vector whose {@code azimuthTime} is nearest to the burst's first-line
     * time (constant in azimuth within the burst, no blend with the neighbouring burst's vector — the
     * burst pairing SNAP's ThermalNoiseRemoval makes), times the azimuth profile.
     *
     * @param burstTimes    zero-Doppler time of each burst's first line, in burst order
     * @param linesPerBurst image lines per burst
     */
    public static NoisePowerLut ofBursts(NoiseLuts luts, List<java.time.Instant> burstTimes, int linesPerBurst) {
        List<NoiseRangeVector> v = luts.noiseRangeVectorList();
        LineVectorLut[] perBurst = new LineVectorLut[burstTimes.size()];
        for (int k = 0; k < perBurst.length; k++) {
            NoiseRangeVector nearest = v.get(0);
            long best = Long.MAX_VALUE;
            for (NoiseRangeVector r : v) {
                long d = Math.abs(java.time.Duration.between(burstTimes.get(k), r.azimuthTime()).toNanos());
                if (d < best) {
                    best = d;
                    nearest = r;
                }
            }
            perBurst[k] = new LineVectorLut(new int[] {nearest.line()}, new int[][] {nearest.pixel()},
                    new double[][] {nearest.noiseRangeLut()});
        }
        return new NoisePowerLut(perBurst, linesPerBurst, new NoiseAzimuthProfile(luts.noiseAzimuthVectorList()));
    }

    /** The range LUT (for an SLC, that of the first burst). */
    public LineVectorLut range() {
        return range;
    }

    public NoiseAzimuthProfile azimuth() {
        return azimuth;
    }

    /** Fills {@code out[0 .. w·h)} with the noise power of the window (row-major). */
    public void interpolate(int x0, int y0, int w, int h, float[] out) {
        if (burstRange == null) {
            range.interpolate(x0, y0, w, h, out, 0, false);
        } else {
            int y = y0;
            while (y < y0 + h) {
                int k = Math.min(burstRange.length - 1, Math.max(0, y / linesPerBurst));
                int end = Math.min(y0 + h, (k + 1) * linesPerBurst);
                if (k == burstRange.length - 1) end = y0 + h;
                burstRange[k].interpolate(x0, y, w, end - y, out, (y - y0) * w, false);
                y = end;
            }
        }
        azimuth.multiplyInto(x0, y0, w, h, out, 0);
    }
}
