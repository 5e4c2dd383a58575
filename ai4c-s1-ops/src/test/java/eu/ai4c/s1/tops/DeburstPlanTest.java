package eu.ai4c.s1.tops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.s1.safe.Annotation;
import eu.ai4c.s1.safe.Burst;
import eu.ai4c.s1.safe.SwathTiming;
import eu.ai4c.s1.safe.TopsTiming;
import eu.ai4c.s1.testing.S1Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Deburst of the real sarsen IW1 VV annotation (9 bursts of 1501 lines) and of made-up layouts. */
class DeburstPlanTest {

    @Test
    void realSubSwathHasOneRegularTimeAxisWithoutDuplicatesOrGaps() throws Exception {
        Path file = S1Fixtures.file(S1Fixtures.sarsenSlc().resolve("annotation"), "s1a-iw1-slc-vv");
        byte[] xml = Files.readAllBytes(file);
        SwathTiming s = TopsTiming.parse(xml, file.getFileName().toString()).swathTiming().orElseThrow();
        double dt = Annotation.parse(xml, file.getFileName().toString()).imageInformation().azimuthTimeInterval();
        DeburstPlan p = DeburstPlan.of(s, dt);
        Instant origin = s.bursts().get(0).azimuthTime();

        // the span of valid burst lines, from the annotation directly
        Burst b0 = s.bursts().get(0), bn = s.bursts().get(s.bursts().size() - 1);
        double validStart = b0.firstValidLine() * dt;
        double validEnd = seconds(origin, bn.azimuthTime()) + bn.lastValidLine() * dt;
        assertEquals(Math.round((validEnd - validStart) / dt) + 1, p.lines());
        // 9 bursts of ~1460 valid lines overlapping by ~120 lines: about 12,000 lines
        assertTrue(p.lines() > 11_500 && p.lines() < 13_509, "lines " + p.lines());

        Set<Long> used = new HashSet<>();
        double previous = Double.NEGATIVE_INFINITY;
        int switches = 0;
        for (int i = 0; i < p.lines(); i++) {
            int k = p.burst(i), l = p.lineInBurst(i);
            Burst b = s.bursts().get(k);
            assertTrue(b.firstValidSample()[l] >= 0, "output line " + i + " takes invalid line " + l + " of burst " + k);
            assertTrue(used.add((long) k << 32 | l), "burst line used twice: " + k + "/" + l);
            double source = seconds(origin, b.azimuthTime()) + l * dt;
            double output = validStart + i * dt;
            // the burst line nearest in time: within half an interval (burst starts are not whole multiples of Δt apart)
            assertEquals(output, source, 0.5 * dt + 1e-9, "output line " + i);
            assertTrue(source > previous, "azimuth time goes back at output line " + i);
            previous = source;
            if (i > 0 && k != p.burst(i - 1)) {
                switches++;
                assertEquals(p.burst(i - 1) + 1, k, "bursts in order");
                // the switch is at the middle of the overlap
                Burst prev = s.bursts().get(k - 1);
                double overlapStart = seconds(origin, b.azimuthTime()) + b.firstValidLine() * dt;
                double overlapEnd = seconds(origin, prev.azimuthTime()) + prev.lastValidLine() * dt;
                assertEquals(0.5 * (overlapStart + overlapEnd), output, dt, "switch to burst " + k);
            }
        }
        assertEquals(s.bursts().size() - 1, switches);
        assertEquals(536, p.firstValidSample(0));
        assertTrue(p.lastValidSample(0) > 20_000 && p.lastValidSample(0) < s.samplesPerBurst());
    }

    /** A target in the overlap of two bursts is imaged in both; the debursted line of its time comes from one. */
    @Test
    void aTargetInTheOverlapAppearsOnce() {
        double dt = 0.002;
        // bursts of 100 lines, valid 5..94, starting 80 lines apart: valid overlap of 10 lines
        SwathTiming s = timing(dt, 100, 80, 3, 5, 94);
        DeburstPlan p = DeburstPlan.of(s, dt);
        // a target at the zero-Doppler time of burst 1's line 10 = burst 0's line 90
        double target = 80 * dt + 10 * dt;
        int seen = 0;
        for (int i = 0; i < p.lines(); i++) {
            double source = p.burst(i) * 80 * dt + p.lineInBurst(i) * dt;
            if (Math.abs(source - target) < 0.5 * dt) seen++;
        }
        assertEquals(1, seen);
        // 3 bursts: lines 5 .. 2·80+94 with no gap
        assertEquals(2 * 80 + 94 - 5 + 1, p.lines());
    }

    /** The raster follows the plan: each output row holds its burst line, invalid samples are no-data. */
    @Test
    void deburstRasterCopiesThePlannedLines() throws Exception {
        double dt = 0.002;
        SwathTiming s = timing(dt, 100, 80, 3, 5, 94);
        DeburstPlan p = DeburstPlan.of(s, dt);
        int w = 1000, h = 300;
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) v[y * w + x] = y * 10_000f + x;
        eu.ai4c.kit.raster.Raster src = eu.ai4c.kit.raster.MemoryRaster.ofFloats("i", w, h, v, null);
        DeburstRaster d = new DeburstRaster(src, p, 100);
        assertEquals(p.lines(), d.height());
        eu.ai4c.kit.raster.Region r = new eu.ai4c.kit.raster.Region(0, 60, w, 150);
        float[] out = d.read(0, r).floats();
        for (int i = 0; i < r.height(); i++) {
            int line = r.y() + i, sourceRow = p.burst(line) * 100 + p.lineInBurst(line);
            for (int x = 0; x < w; x++) {
                float got = out[i * w + x];
                if (x < 10 || x > 990) assertTrue(Float.isNaN(got), "invalid sample " + x + " of line " + line);
                else assertEquals(sourceRow * 10_000f + x, got, 0f, "line " + line + " sample " + x);
            }
        }
    }

    @Test
    void burstWithoutValidLinesAndGapsAreRefused() {
        double dt = 0.002;
        Ai4cException none = assertThrows(Ai4cException.class, () -> DeburstPlan.of(timing(dt, 100, 80, 2, -1, -1), dt));
        assertTrue(none.getMessage().contains("no valid line"), none.getMessage());
        Ai4cException gap = assertThrows(Ai4cException.class, () -> DeburstPlan.of(timing(dt, 100, 120, 2, 5, 94), dt));
        assertTrue(gap.getMessage().contains("gap"), gap.getMessage());
    }

    /** {@code n} bursts of {@code lines} lines starting {@code step} lines apart, valid lines first..last (−1: none). */
    private static SwathTiming timing(double dt, int lines, int step, int n, int first, int last) {
        Instant t0 = Instant.parse("2022-01-04T17:05:58Z");
        Burst[] bursts = new Burst[n];
        for (int k = 0; k < n; k++) {
            int[] fv = new int[lines], lv = new int[lines];
            Arrays.fill(fv, -1);
            Arrays.fill(lv, -1);
            for (int l = Math.max(0, first); first >= 0 && l <= last; l++) {
                fv[l] = 10;
                lv[l] = 990;
            }
            bursts[k] = new Burst(k, t0.plusNanos(Math.round(k * step * dt * 1e9)), 0, t0, 1000L + k * lines * 4000L, fv, lv);
        }
        return new SwathTiming(lines, 1000, List.of(bursts));
    }

    private static double seconds(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.getSeconds() + d.getNano() * 1e-9;
    }
}
