package eu.ai4c.s1.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s1.calibration.CalibrationType;
import eu.ai4c.s1.calibration.LineVectorLut;
import eu.ai4c.s1.noise.NoisePowerLut;
import eu.ai4c.s1.safe.Annotation;
import eu.ai4c.s1.safe.Burst;
import eu.ai4c.s1.safe.S1Image;
import eu.ai4c.s1.safe.S1Product;
import eu.ai4c.s1.safe.S1Raster;
import eu.ai4c.s1.safe.SwathTiming;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny synthetic IW SLC (3 sub-swaths × 3 bursts) read back: burst layout, overlaps, complex
 * samples (zeros outside the valid lines and samples, exact point targets), single-look speckle
 * whose mean |DN|² is σ⁰·A² + N, and a geolocation grid whose lines are the burst starts.
 */
class SyntheticSlcReaderTest {
    static final int W = 480, L = 160, B = 3;

    @TempDir
    static Path dir;
    static Path safe;
    static SyntheticSlc spec;

    @BeforeAll
    static void generate() throws Exception {
        spec = SyntheticSlc.builder(W, L, B).polarisations("VV", "VH").seed(5)
                .pointTarget(1, 1, 70, 200, 20000)
                .pointTargetInOverlap(0, 0, 150, 100, 15000)
                .build();
        safe = spec.write(dir);
    }

    @Test
    void burstLayoutAndImagesParse() throws Exception {
        try (S1Product p = S1Product.open(safe)) {
            assertEquals("SLC", p.productType());
            assertEquals(List.of("IW1", "IW2", "IW3"), p.swaths());
            assertEquals(List.of("VV", "VH"), p.polarisations());
            for (String swath : p.swaths()) {
                S1Image image = p.image(swath, "VV");
                SwathTiming t = image.topsTiming().swathTiming().orElseThrow();
                assertEquals(B, t.bursts().size());
                assertEquals(L, t.linesPerBurst());
                assertEquals(B * L, image.annotation().height());
                assertEquals(B, image.topsTiming().fmRates().size());
                double dt = image.annotation().imageInformation().azimuthTimeInterval();
                for (int k = 1; k < B; k++) {
                    double cycle = seconds(t.bursts().get(k - 1).azimuthTime(), t.bursts().get(k).azimuthTime()) / dt;
                    assertEquals(L - L / 10, cycle, 1e-3, "bursts overlap by a tenth of a burst");
                }
                Burst b = t.bursts().get(1);
                assertEquals(L / 40, b.firstValidLine());
                assertEquals(L - 1 - L / 40, b.lastValidLine());
                assertEquals(W / 60 + 1, b.firstValidSampleOfRectangle());
                assertEquals(W - 1 - W / 60, b.lastValidSampleOfRectangle());
                // geolocation grid lines: every burst start, then the last line
                List<Integer> lines = image.annotation().geolocationGrid().stream().map(Annotation.GeolocationGridPoint::line)
                        .distinct().toList();
                assertEquals(List.of(0, L, 2 * L, B * L - 1), lines);
                assertEquals(t.bursts().get(2).azimuthTime(), image.annotation().geolocationGrid().stream()
                        .filter(g -> g.line() == 2 * L).findFirst().orElseThrow().azimuthTime());
            }
            // sub-swaths overlap in slant range by a tenth of a sub-swath
            Annotation a1 = p.image("IW1", "VV").annotation(), a2 = p.image("IW2", "VV").annotation();
            double dtau = 1 / a1.productInformation().rangeSamplingRate();
            assertEquals(W - W / 10, (a2.imageInformation().slantRangeTime() - a1.imageInformation().slantRangeTime()) / dtau, 1e-3);
        }
    }

    @Test
    void samplesAreComplexWithZerosOutsideValidAndExactTargets() throws Exception {
        try (S1Product p = S1Product.open(safe)) {
            S1Raster iw1 = new S1Raster(p, "IW1"), iw2 = new S1Raster(p, "IW2");
            assertEquals(DataType.CFLOAT32, iw1.bands().get(0).type());
            float[] first = iw1.read(0, new Region(0, 0, W, 1)).floats();
            for (float v : first) assertEquals(0f, v, "line 0 is invalid");
            float[] row = iw1.read(0, new Region(0, L + 50, W, 1)).floats();
            assertEquals(0f, row[2 * (W / 60)], "sample before the valid range of an odd burst");
            assertTrue(row[2 * (W / 60 + 2)] != 0 || row[2 * (W / 60 + 2) + 1] != 0);
            float[] t = iw2.read(0, new Region(200, L + 70, 1, 1)).floats();
            assertEquals(20000f, t[0]);
            assertEquals(0f, t[1]);
            // the overlap target: in burst 0 at line 150 and burst 1 at the line of the same time
            assertEquals(15000f, iw1.read(0, new Region(100, 150, 1, 1)).floats()[0]);
            assertEquals(15000f, iw1.read(0, new Region(100, L + 150 - (L - L / 10), 1, 1)).floats()[0]);
            assertEquals(spec.lineTime(0, 0, 150), spec.lineTime(0, 1, 150 - (L - L / 10)));
        }
    }

    @Test
    void narrowWindowsReadTheSameSamplesAsWholeRows() throws Exception {
        try (S1Product p = S1Product.open(safe)) {
            S1Raster iw2 = new S1Raster(p, "IW2");
            Region rows = new Region(0, L - 7, W, 15);
            float[] whole = iw2.read(0, rows).floats();
            // narrow windows (less than half the width: read row span by row span) across a burst boundary
            for (Region r : List.of(new Region(3, L - 7, 50, 15), new Region(W - 40, L - 2, 40, 9), new Region(200, L, 1, 1))) {
                float[] part = iw2.read(0, r).floats();
                for (int y = 0; y < r.height(); y++) {
                    for (int x = 0; x < 2 * r.width(); x++) {
                        int row = r.y() + y - rows.y();
                        assertEquals(whole[2 * (row * W + r.x()) + x], part[2 * y * r.width() + x], r + " at " + y + "," + x);
                    }
                }
            }
        }
    }

    @Test
    void meanIntensityIsSigmaTimesLutPlusNoise() throws Exception {
        try (S1Product p = S1Product.open(safe)) {
            S1Image image = p.image("IW3", "VV");
            S1Raster iw3 = new S1Raster(p, "IW3");
            Region r = new Region(60, 2 * L + 20, 360, 110);
            Block b = iw3.read(0, r);
            int n = Math.toIntExact(r.area());
            float[] a2 = new float[n], noise = new float[n];
            LineVectorLut lut = CalibrationType.SIGMA_NOUGHT.lut(image.calibration());
            lut.interpolate(r.x(), r.y(), r.width(), r.height(), a2, 0, true);
            List<Instant> times = image.topsTiming().swathTiming().orElseThrow().bursts().stream().map(Burst::azimuthTime).toList();
            NoisePowerLut.ofBursts(image.noise(), times, L).interpolate(r.x(), r.y(), r.width(), r.height(), noise);
            double ratio = 0;
            float[] iq = b.floats();
            for (int i = 0; i < n; i++) {
                double power = iq[2 * i] * (double) iq[2 * i] + iq[2 * i + 1] * (double) iq[2 * i + 1];
                ratio += power / (0.05 * a2[i] + noise[i]);
            }
            // exponential intensities: the mean of n ratios has a relative standard error 1/√n ≈ 0.5 %
            assertEquals(1.0, ratio / n, 0.02);
        }
    }

    private static double seconds(Instant a, Instant b) {
        Duration d = Duration.between(a, b);
        return d.getSeconds() + d.getNano() * 1e-9;
    }
}
