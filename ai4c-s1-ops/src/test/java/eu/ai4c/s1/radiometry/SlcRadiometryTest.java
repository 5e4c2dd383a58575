package eu.ai4c.s1.radiometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s1.calibration.CalibrationType;
import eu.ai4c.s1.calibration.LineVectorLut;
import eu.ai4c.s1.noise.NoisePowerLut;
import eu.ai4c.s1.safe.Burst;
import eu.ai4c.s1.safe.NoiseLuts;
import eu.ai4c.s1.safe.NoiseLuts.NoiseRangeVector;
import eu.ai4c.s1.safe.S1Image;
import eu.ai4c.s1.safe.S1Product;
import eu.ai4c.s1.safe.SwathTiming;
import eu.ai4c.s1.testing.S1Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * SLC radiometry on the real s1-reader IW SLC LUTs (IPF 003.20, 9 bursts per sub-swath): the noise
 * range vector is chosen per burst by time and held constant within it, the noise power is range ×
 * azimuth LUT, and {@code max(I² + Q² − N, 0) / A²} matches an independent double-precision
 * evaluation on random complex samples within float32 rounding of the LUTs.
 */
class SlcRadiometryTest {

    private static S1Image iw2vv(S1Product p) {
        return p.image("IW2", "VV");
    }

    private static List<Instant> burstTimes(S1Image image) {
        return image.topsTiming().swathTiming().orElseThrow().bursts().stream().map(Burst::azimuthTime).toList();
    }

    /** The range vector nearest in time to the burst start, found directly from the parsed list. */
    private static NoiseRangeVector vectorOf(NoiseLuts luts, Instant burstStart) {
        NoiseRangeVector best = null;
        for (NoiseRangeVector v : luts.noiseRangeVectorList()) {
            if (best == null || Duration.between(burstStart, v.azimuthTime()).abs()
                    .compareTo(Duration.between(burstStart, best.azimuthTime()).abs()) < 0) best = v;
        }
        return best;
    }

    private static double linear(int[] x, double[] y, double at) {
        if (at <= x[0]) return y[0];
        for (int j = 0; j < x.length - 1; j++) {
            if (at < x[j + 1]) return y[j] + (at - x[j]) / (x[j + 1] - x[j]) * (y[j + 1] - y[j]);
        }
        return y[x.length - 1];
    }

    /** N at (line, pixel) from the annotation records alone: burst's range vector × azimuth profile. */
    private static double noiseReference(NoiseLuts luts, List<Instant> bursts, int linesPerBurst, int line, int pixel) {
        NoiseRangeVector r = vectorOf(luts, bursts.get(line / linesPerBurst));
        double az = 1;
        for (NoiseLuts.NoiseAzimuthVector b : luts.noiseAzimuthVectorList()) {
            if (line >= b.firstAzimuthLine() && line <= b.lastAzimuthLine() && pixel >= b.firstRangeSample()
                    && pixel <= b.lastRangeSample()) az = linear(b.line(), b.noiseAzimuthLut(), line);
        }
        return linear(r.pixel(), r.noiseRangeLut(), pixel) * az;
    }

    @Test
    void noiseRangeVectorIsTheBurstsOwnAndConstantWithinTheBurst() throws Exception {
        try (S1Product p = S1Product.open(S1Fixtures.s1ReaderZip())) {
            S1Image image = iw2vv(p);
            SwathTiming timing = image.topsTiming().swathTiming().orElseThrow();
            int lpb = timing.linesPerBurst();
            List<Instant> times = burstTimes(image);
            NoisePowerLut lut = NoisePowerLut.ofBursts(image.noise(), times, lpb);
            int w = image.annotation().width();
            // consecutive bursts take different vectors, and each vector is one of the annotation's
            for (int k = 0; k + 1 < times.size(); k++) {
                assertNotEquals(vectorOf(image.noise(), times.get(k)).line(), vectorOf(image.noise(), times.get(k + 1)).line());
            }
            SplittableRandom random = new SplittableRandom(7);
            float[] one = new float[1];
            for (int i = 0; i < 500; i++) {
                int line = random.nextInt(image.annotation().height()), pixel = random.nextInt(w);
                lut.interpolate(pixel, line, 1, 1, one);
                double ref = noiseReference(image.noise(), times, lpb, line, pixel);
                assertEquals(ref, one[0], 1e-6 * ref, "line " + line + " pixel " + pixel);
            }
            // a window across a burst boundary: the last line of burst 3 and the first of burst 4 differ
            float[] two = new float[2 * 100];
            lut.interpolate(1000, 4 * lpb - 1, 100, 2, two);
            for (int c = 0; c < 100; c++) {
                assertEquals(noiseReference(image.noise(), times, lpb, 4 * lpb - 1, 1000 + c), two[c], 1e-3);
                assertEquals(noiseReference(image.noise(), times, lpb, 4 * lpb, 1000 + c), two[100 + c], 1e-3);
            }
        }
    }

    @Test
    void complexSamplesAreDenoisedAndCalibratedPerFormula() throws Exception {
        try (S1Product p = S1Product.open(S1Fixtures.s1ReaderZip())) {
            S1Image image = iw2vv(p);
            SwathTiming timing = image.topsTiming().swathTiming().orElseThrow();
            int lpb = timing.linesPerBurst();
            List<Instant> times = burstTimes(image);
            // a 64 x 40 window straddling bursts 2 and 3, with made-up complex samples
            Region window = new Region(5000, 3 * lpb - 20, 64, 40);
            int n = Math.toIntExact(window.area());
            float[] iq = new float[2 * n];
            SplittableRandom random = new SplittableRandom(3);
            for (int i = 0; i < 2 * n; i++) iq[i] = (float) random.nextGaussian(0, 60);
            int width = image.annotation().width(), height = image.annotation().height();
            Block samples = new Block(window, DataType.CFLOAT32, iq);
            List<Band> bands = List.of(new Band("Complex_IW2_VV", DataType.CFLOAT32, 0, true, "DN", ""));
            Raster dn = new Raster() {
                @Override
                public int width() {
                    return width;
                }

                @Override
                public int height() {
                    return height;
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
                public Block read(int band, Region region) {
                    Block b = Block.allocate(DataType.CFLOAT32, region);
                    b.copyFrom(samples);
                    return b;
                }
            };
            for (CalibrationType type : CalibrationType.values()) {
                LineVectorLut a = type.lut(image.calibration());
                NoisePowerLut noise = NoisePowerLut.ofBursts(image.noise(), times, lpb);
                RadiometricRaster r = new RadiometricRaster(dn, List.of(
                        new RadiometricRaster.Channel(0, "x", "", a, noise, null),
                        new RadiometricRaster.Channel(0, "y", "", a, null, null)));
                float[] denoised = r.read(0, window).floats(), plain = r.read(1, window).floats();
                int clipped = 0;
                for (int i = 0; i < n; i++) {
                    int line = window.y() + i / window.width(), pixel = window.x() + i % window.width();
                    double power = (double) iq[2 * i] * iq[2 * i] + (double) iq[2 * i + 1] * iq[2 * i + 1];
                    double ai = a.valueAt(line, pixel);
                    double nz = noiseReference(image.noise(), times, lpb, line, pixel);
                    double expected = Math.max(power - nz, 0) / (ai * ai);
                    if (power < nz) clipped++;
                    // N and A reach the kernel as float32 (relative rounding 6e-8 each): the subtraction
                    // carries an absolute error of about 1e-7·(|DN|² + N), which cancellation does not shrink
                    double tol = 1e-6 * expected + 2e-7 * (power + nz) / (ai * ai);
                    assertEquals(expected, denoised[i], tol, type + " at " + i);
                    assertEquals(power / (ai * ai), plain[i], 1e-6 * power / (ai * ai) + 1e-12, type + " at " + i);
                }
                // the made-up samples are of the order of the noise: both branches of the clip are exercised
                assertTrue(clipped > 0 && clipped < n, "clipped " + clipped + " of " + n);
            }
        }
    }
}
