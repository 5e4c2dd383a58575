package eu.ai4c.s1.tops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.s1.safe.Annotation;
import eu.ai4c.s1.safe.SwathTiming;
import eu.ai4c.s1.safe.TopsTiming;
import eu.ai4c.s1.testing.S1Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** Sub-swath merge of the real s1-reader product (IW1–IW3, VV) and of made-up sub-swaths. */
class MergePlanTest {

    @Test
    void realIwSubSwathsMergeWithoutGapOrDuplicatedColumn() throws Exception {
        TreeMap<String, byte[]> annotations = new TreeMap<>();
        try (ZipFile zip = new ZipFile(S1Fixtures.s1ReaderZip().toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                if (name.matches(".*/annotation/s1[ab]-iw[123]-slc-vv-.*\\.xml")) {
                    String swath = name.replaceAll(".*/annotation/s1[ab]-(iw[123])-.*", "$1").toUpperCase();
                    annotations.put(swath, zip.getInputStream(entry).readAllBytes());
                }
            }
        }
        assertEquals(List.of("IW1", "IW2", "IW3"), new ArrayList<>(annotations.keySet()));
        List<MergePlan.SubSwath> swaths = new ArrayList<>();
        double dt = Double.NaN;
        for (var e : annotations.entrySet()) {
            Annotation a = Annotation.parse(e.getValue(), e.getKey());
            SwathTiming t = TopsTiming.parse(e.getValue(), e.getKey()).swathTiming().orElseThrow();
            dt = a.imageInformation().azimuthTimeInterval();
            DeburstPlan plan = DeburstPlan.of(t, dt);
            swaths.add(MergePlan.SubSwath.of(e.getKey(), plan, t.bursts().size(), a.imageInformation().slantRangeTime(),
                    a.productInformation().rangeSamplingRate()));
        }
        MergePlan m = MergePlan.of(swaths, dt);
        // columns: the source slant-range time follows the merged axis within half a sample, never repeats
        double previous = Double.NEGATIVE_INFINITY;
        int switches = 0;
        for (int x = 0; x < m.width(); x++) {
            MergePlan.SubSwath w = m.subSwaths().get(m.subSwath(x));
            double source = w.slantRangeTime() + m.sample(x) * w.sampleTime();
            double merged = m.slantRangeTime() + x * m.sampleTime();
            assertEquals(merged, source, 0.5 * m.sampleTime() + 1e-15, "column " + x);
            assertTrue(source > previous, "slant-range time repeats or goes back at column " + x);
            previous = source;
            assertTrue(m.sample(x) >= w.firstValidSample() && m.sample(x) <= w.lastValidSample(), "invalid sample at " + x);
            if (x > 0 && m.subSwath(x) != m.subSwath(x - 1)) {
                switches++;
                MergePlan.SubSwath near = m.subSwaths().get(m.subSwath(x - 1));
                double middle = 0.5 * (near.slantRangeTime() + near.lastValidSample() * near.sampleTime()
                        + w.slantRangeTime() + w.firstValidSample() * w.sampleTime());
                assertEquals(middle, merged, m.sampleTime(), "boundary " + near.name() + "/" + w.name());
            }
        }
        assertEquals(2, switches, "IW1/IW2 and IW2/IW3");
        // about 3 x 20,000 samples less the overlaps
        assertTrue(m.width() > 55_000 && m.width() < 75_000, "width " + m.width());
        // lines: every sub-swath's lines sit inside the merged axis
        for (int s = 0; s < 3; s++) {
            int covered = 0;
            for (int y = 0; y < m.lines(); y++) if (m.line(s, y) >= 0) covered++;
            assertEquals(swaths.get(s).lines(), covered, swaths.get(s).name());
        }
    }

    /** The raster follows the plan: each merged column holds its sub-swath's sample, missing lines are no-data. */
    @Test
    void mergeRasterCopiesThePlannedColumns() throws Exception {
        Instant t = Instant.parse("2020-05-11T13:51:17Z");
        double dt = 0.002;
        // IW1 samples 10..200, IW2 starting 150 samples further with samples 10..200, 3 lines later
        MergePlan.SubSwath a = new MergePlan.SubSwath("IW1", t, 20, 5.0e-3, 1e-8, 10, 200);
        MergePlan.SubSwath b = new MergePlan.SubSwath("IW2", t.plusNanos(3 * 2_000_000), 20, 5.0e-3 + 150e-8, 1e-8, 10, 200);
        MergePlan m = MergePlan.of(List.of(a, b), dt);
        eu.ai4c.kit.raster.Raster ra = ramp(211, 20, 1), rb = ramp(211, 20, 2);
        MergeRaster r = new MergeRaster(List.of(ra, rb), m);
        assertEquals(23, r.height());
        float[] v = r.read(0, r.bounds()).floats();
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                int s = m.subSwath(x), line = m.line(s, y);
                float got = v[y * r.width() + x];
                if (line < 0) assertTrue(Float.isNaN(got), "no line of " + s + " at " + y);
                else assertEquals((s + 1) * 1_000_000f + line * 1000f + m.sample(x), got, 0f, "(" + x + "," + y + ")");
            }
        }
        // the boundary sits in the middle of the overlap (IW1 valid to 200, IW2 valid from 160): at 180
        assertEquals(0, m.subSwath(170));
        assertEquals(1, m.subSwath(171));
    }

    /** A raster whose sample (x, y) is {@code id·10⁶ + y·1000 + x}. */
    private static eu.ai4c.kit.raster.Raster ramp(int w, int h, int id) {
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) v[y * w + x] = id * 1_000_000f + y * 1000f + x;
        return eu.ai4c.kit.raster.MemoryRaster.ofFloats("i", w, h, v, null);
    }

    @Test
    void gapsAndWrongOrderAreRefused() {
        Instant t = Instant.parse("2020-05-11T13:51:17Z");
        MergePlan.SubSwath a = new MergePlan.SubSwath("IW1", t, 100, 5.0e-3, 1e-8, 10, 20_000);
        MergePlan.SubSwath b = new MergePlan.SubSwath("IW2", t, 100, 5.0e-3 + 19_000e-8, 1e-8, 10, 20_000);
        MergePlan.SubSwath far = new MergePlan.SubSwath("IW3", t, 100, 5.0e-3 + 30_000e-8, 1e-8, 10, 20_000);
        assertEquals(2, MergePlan.of(List.of(a, b), 0.002).subSwaths().size());
        Ai4cException order = assertThrows(Ai4cException.class, () -> MergePlan.of(List.of(b, a), 0.002));
        assertTrue(order.getMessage().contains("near to far"), order.getMessage());
        Ai4cException gap = assertThrows(Ai4cException.class, () -> MergePlan.of(List.of(a, far), 0.002));
        assertTrue(gap.getMessage().contains("gap"), gap.getMessage());
    }
}
