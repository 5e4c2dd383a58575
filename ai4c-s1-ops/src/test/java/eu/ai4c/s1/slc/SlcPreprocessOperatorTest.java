package eu.ai4c.s1.slc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.dem.Geoid;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.tile.StageClock;
import eu.ai4c.s1.chain.BackscatterChain.CalibrationOutput;
import eu.ai4c.s1.grd.EofWriter;
import eu.ai4c.s1.safe.Burst;
import eu.ai4c.s1.safe.S1Image;
import eu.ai4c.s1.safe.S1Product;
import eu.ai4c.s1.safe.SwathTiming;
import eu.ai4c.s1.synthetic.SyntheticGrd;
import eu.ai4c.s1.synthetic.SyntheticSlc;
import eu.ai4c.s1.tops.DeburstPlan;
import eu.ai4c.s1.tops.MergePlan;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code S1-SLC-preprocess} on a tiny synthetic IW SLC (3 sub-swaths × 3 bursts of 200 lines ×
 * 600 samples, VV+VH) at 20 m: the deburst time axis and the merge columns, a point target in a
 * burst overlap appearing once, geolocation of planted targets against the annotation geolocation
 * grid (no DEM and a constant DEM), σ⁰ of a homogeneous scene through the chain, and bad input.
 */
class SlcPreprocessOperatorTest {
    static final int W = 600, L = 200, B = 3;
    /** Target in IW2, burst 1, line 100, sample 300; overlap target in IW1, burst 0 line 190 = burst 1 line 10. */
    static final int[] TARGET = {1, 1, 100, 300}, OVERLAP = {0, 0, 190, 200};
    static final double SIGMA0 = 0.05;
    static final String RES = "20";

    @TempDir
    static Path dir;
    static Path safe;
    static SyntheticSlc spec;

    @BeforeAll
    static void generate() throws Exception {
        // low noise power: the clipping of max(|DN|² − N, 0) biases single-look means by ~(μ+N)·e^(−N/(μ+N)) − μ
        spec = SyntheticSlc.builder(W, L, B).polarisations("VV", "VH").noisePower(200).background(SIGMA0).seed(11)
                .pointTarget(TARGET[0], TARGET[1], TARGET[2], TARGET[3], 20000)
                .pointTargetInOverlap(OVERLAP[0], OVERLAP[1], OVERLAP[2], OVERLAP[3], 20000)
                .build();
        safe = spec.write(dir);
    }

    record Out(Product product, float[] values, MapGeoCoding gc, int width, int height) {
        float at(int col, int row) {
            return values[row * width + col];
        }
    }

    static Out run(Path input, Map<String, String> extra) throws Exception {
        Map<String, String> params = new HashMap<>(Map.of("resolution", RES, "speckle", "None"));
        params.putAll(extra);
        SlcPreprocessOperator op = new SlcPreprocessOperator();
        Product p = op.apply(Map.of("input", ProductIO.read(input)), op.descriptor().validate(params),
                ProcessingContext.defaults());
        Raster r = p.raster();
        return new Out(p, r.read(0, Region.of(r.width(), r.height())).toFloats(), (MapGeoCoding) r.geoCoding(),
                r.width(), r.height());
    }

    static double seconds(Instant a, Instant b) {
        Duration d = Duration.between(a, b);
        return d.getSeconds() + d.getNano() * 1e-9;
    }

    @Test
    void deburstTimesAreRegularAndSpanTheValidBurstLines() throws Exception {
        try (S1Product s1 = S1Product.open(safe)) {
            for (String swath : s1.swaths()) {
                S1Image image = s1.image(swath, "VV");
                SwathTiming t = image.topsTiming().swathTiming().orElseThrow();
                double dt = image.annotation().imageInformation().azimuthTimeInterval();
                DeburstPlan plan = DeburstPlan.of(t, dt);
                Burst first = t.bursts().get(0), last = t.bursts().get(B - 1);
                double span = seconds(first.azimuthTime(), last.azimuthTime()) + (last.lastValidLine() - first.firstValidLine()) * dt;
                assertEquals(Math.round(span / dt) + 1, plan.lines(), swath);
                double previous = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < plan.lines(); i++) {
                    Burst b = t.bursts().get(plan.burst(i));
                    double time = seconds(plan.firstLineTime(), b.azimuthTime()) + plan.lineInBurst(i) * dt;
                    assertEquals(i * dt, time, 0.01 * dt, swath + " line " + i + " off the regular axis");
                    assertTrue(time > previous, swath + " line " + i);
                    previous = time;
                }
            }
        }
    }

    @Test
    void mergeHasNoGapNoDuplicateColumnAndNoSeam() throws Exception {
        try (S1Product s1 = S1Product.open(safe)) {
            SlcPreprocessOperator.Merged m = SlcPreprocessOperator.merged("test", s1, s1.swaths(), List.of("VV"),
                    CalibrationOutput.parse("Sigma"), true, new StageClock());
            MergePlan plan = m.plan();
            int switches = 0;
            for (int x = 0; x < plan.width(); x++) {
                MergePlan.SubSwath w = plan.subSwaths().get(plan.subSwath(x));
                double tau = w.slantRangeTime() + plan.sample(x) * w.sampleTime();
                assertEquals(plan.slantRangeTime() + x * plan.sampleTime(), tau, 0.5 * plan.sampleTime(), "column " + x);
                if (x > 0 && plan.subSwath(x) != plan.subSwath(x - 1)) switches++;
                else if (x > 0) assertEquals(plan.sample(x - 1) + 1, plan.sample(x), "column " + x);
            }
            assertEquals(2, switches, "IW1/IW2 and IW2/IW3");
            // every merged pixel of a line inside all sub-swaths is data: no seam in range or azimuth
            float[] all = m.raster().read(0, Region.of(m.raster().width(), m.raster().height())).toFloats();
            int from = 3 * 3, to = m.raster().height() - 3 * 3; // sub-swaths start 3 lines apart
            for (int y = from; y < to; y++) {
                for (int x = 0; x < m.raster().width(); x++) {
                    assertFalse(Float.isNaN(all[y * m.raster().width() + x]), "no-data at line " + y + ", column " + x);
                }
            }
        }
    }

    @Test
    void pointTargetInBurstOverlapAppearsOnce() throws Exception {
        try (S1Product s1 = S1Product.open(safe)) {
            Raster r = SlcPreprocessOperator.merged("test", s1, s1.swaths(), List.of("VV"), CalibrationOutput.parse("Sigma"),
                    true, new StageClock()).raster();
            float[] v = r.read(0, Region.of(r.width(), r.height())).toFloats();
            int bright = 0;
            for (float x : v) if (x > 2000 * SIGMA0) bright++;
            // the overlap target (planted in bursts 0 and 1 of IW1) and the IW2 target, once each
            assertEquals(2, bright);
        }
    }

    /** Expected position of a target: the grid's position at its time and sample, raised to the geoid (+ h). */
    static double[] expected(int[] target, double extraHeight) throws Exception {
        try (S1Product s1 = S1Product.open(safe)) {
            GridByTime grid = new GridByTime(s1.image("IW" + (target[0] + 1), "VV").annotation().geolocationGrid());
            Instant time = spec.lineTime(target[0], target[1], target[2]);
            double[] g = grid.at(time, target[3]), far = grid.at(time, target[3] + 100);
            double h = Geoid.locate(null).undulation(g[0], g[1]) + extraHeight;
            double r = 6_371_000;
            double east = Math.toRadians(far[1] - g[1]) * r * Math.cos(Math.toRadians(g[0])), north = Math.toRadians(far[0] - g[0]) * r;
            double norm = Math.hypot(east, north), shift = h / Math.tan(Math.toRadians(g[2]));
            return new double[] {g[0] + Math.toDegrees(north / norm * shift / r),
                    g[1] + Math.toDegrees(east / norm * shift / (r * Math.cos(Math.toRadians(g[0]))))};
        }
    }

    static void assertTargetAt(Out out, double[] latLon, String what) {
        double[] p = out.gc.toPixel(latLon[1], latLon[0]);
        int cx = (int) Math.floor(p[0]), cy = (int) Math.floor(p[1]), best = -1;
        for (int y = Math.max(0, cy - 8); y <= Math.min(out.height - 1, cy + 8); y++) {
            for (int x = Math.max(0, cx - 8); x <= Math.min(out.width - 1, cx + 8); x++) {
                if (!Float.isNaN(out.at(x, y)) && (best < 0 || out.at(x, y) > out.values[best])) best = y * out.width + x;
            }
        }
        assertTrue(best >= 0 && out.values[best] > 20 * SIGMA0, what + ": no target near the expected pixel");
        double dx = best % out.width + 0.5 - p[0], dy = best / out.width + 0.5 - p[1];
        assertTrue(Math.abs(dx) <= 1 && Math.abs(dy) <= 1, what + ": brightest pixel off by " + dx + ", " + dy + " pixels");
    }

    @Test
    void pointTargetsLandAtTheirGeolocationGridPositionWithoutDem() throws Exception {
        Out out = run(safe, Map.of());
        assertTargetAt(out, expected(TARGET, 0), "IW2 target");
        assertTargetAt(out, expected(OVERLAP, 0), "IW1 overlap target");
    }

    @Test
    void pointTargetsShiftToFarRangeWithConstantDem() throws Exception {
        double[] g = expected(TARGET, 0);
        float[] h = new float[60 * 60];
        java.util.Arrays.fill(h, 500f);
        MapGeoCoding demGc = MapGeoCoding.northUp(Projections.wgs84(), g[1] - 0.3, g[0] + 0.3, 0.01, 0.01);
        Path dem = ProductIO.writer("GeoTIFF").write(Product.of("dem", MemoryRaster.ofFloats("height", 60, 60, h, demGc)),
                dir.resolve("dem500.tif"), ProcessingContext.defaults());
        Out out = run(safe, Map.of("dem", dem.toString()));
        assertTargetAt(out, expected(TARGET, 500), "IW2 target, DEM 500 m");
        assertTargetAt(out, expected(OVERLAP, 500), "IW1 overlap target, DEM 500 m");
    }

    @Test
    void orbitFileGivesTheSameGeolocation() throws Exception {
        Path orbits = Files.createDirectories(dir.resolve("orbits"));
        Path eof;
        try (S1Product s1 = S1Product.open(safe)) {
            eof = EofWriter.write(orbits, "S1A", s1.image("IW1", "VV").annotation().orbitList(), Duration.ZERO);
        }
        Out out = run(safe, Map.of("orbit", eof.toString()));
        assertTargetAt(out, expected(TARGET, 0), "IW2 target, orbit file");
        assertTargetAt(out, expected(OVERLAP, 0), "IW1 overlap target, orbit file");
    }

    /** Mean of the output away from the targets and the image edges. */
    static double sceneMean(Out out) throws Exception {
        double[][] targets = {expected(TARGET, 0), expected(OVERLAP, 0)};
        double sum = 0;
        long n = 0;
        for (int y = 0; y < out.height; y++) {
            for (int x = 0; x < out.width; x++) {
                float v = out.at(x, y);
                if (Float.isNaN(v)) continue;
                boolean near = false;
                for (double[] t : targets) {
                    double[] p = out.gc.toPixel(t[1], t[0]);
                    near |= Math.abs(p[0] - x) < 6 && Math.abs(p[1] - y) < 6;
                }
                if (!near) {
                    sum += v;
                    n++;
                }
            }
        }
        assertTrue(n > 10_000, n + " pixels");
        return sum / n;
    }

    @Test
    void homogeneousSigma0StaysWithinOnePercentThroughTheChain() throws Exception {
        double mean = sceneMean(run(safe, Map.of()));
        assertEquals(SIGMA0, mean, 0.01 * SIGMA0, "σ⁰ after noise removal, calibration, deburst, merge, multilook, TC");
        // and the noise removal is active: without it the noise power adds N/A² (a few per cent here)
        double noisy = sceneMean(run(safe, Map.of("removeThermalNoise", "false")));
        assertTrue(noisy > 1.02 * mean, "noise removal must lower the mean: " + noisy + " vs " + mean);
    }

    @Test
    void productIsNamedLikeTheGrdOneAndTimesItsStages() throws Exception {
        Out out = run(safe, Map.of("calibration", "GammaDB", "polarization", "VH", "subswaths", "IW2,IW1"));
        assertTrue(out.product.name().endsWith("_Gamma0_dB_TC"), out.product.name());
        assertTrue(out.product.raster().bands().get(0).name().startsWith("Gamma0_VH"), out.product.raster().bands().get(0).name());
        StageClock clock = out.product.attachment(StageClock.class).orElseThrow();
        assertEquals(List.of("read+noise+calibration", "deburst", "merge", "multilook", "speckle", "terrain-correction+mask"),
                List.copyOf(clock.seconds().keySet()));
        assertTrue(clock.seconds().get("read+noise+calibration") > 0);
        assertTrue(clock.cpuSeconds().get("read+noise+calibration") > 0);
    }

    @Test
    void grdProductIsRefusedNamingIt() throws Exception {
        Path grd = SyntheticGrd.builder(300, 200).polarisations("VV").build().write(dir.resolve("grd"));
        Ai4cException e = assertThrows(Ai4cException.class, () -> run(grd, Map.of()));
        assertTrue(e.getMessage().contains(grd.getFileName().toString().replace(".SAFE", ""))
                && e.getMessage().contains("GRD") && e.getMessage().contains("S1-GRD-preprocess"), e.getMessage());
    }

    @Test
    void missingSubSwathIsAUsageErrorNamingThePresentOnes() {
        Ai4cException e = assertThrows(Ai4cException.class, () -> run(safe, Map.of("subswaths", "IW1,IW4")));
        assertTrue(e.getMessage().contains("IW4") && e.getMessage().contains("[IW1, IW2, IW3]"), e.getMessage());
    }

    /** A copy of the product for a damaging test. */
    static Path copy(String name) throws IOException {
        Path target = dir.resolve(name).resolve(safe.getFileName());
        try (Stream<Path> s = Files.walk(safe)) {
            for (Path p : s.toList()) {
                Path t = target.resolve(safe.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t); else Files.copy(p, t);
            }
        }
        return target;
    }

    @Test
    void partialProductWithoutIw3IsProcessedAndIw3IsNamedWhenAskedFor() throws Exception {
        Path partial = copy("partial");
        try (Stream<Path> s = Files.walk(partial)) {
            for (Path p : s.filter(p -> p.getFileName().toString().contains("-iw3-")).sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Out out = run(partial, Map.of());
        assertTargetAt(out, expected(TARGET, 0), "IW2 target in a product without IW3");
        Ai4cException e = assertThrows(Ai4cException.class, () -> run(partial, Map.of("subswaths", "IW3")));
        assertTrue(e.getMessage().contains("IW3") && e.getMessage().contains("-iw3-slc-vv"), e.getMessage());
    }

    @Test
    void truncatedMeasurementFailsBeforeWritingNamingTheFile() throws Exception {
        Path damaged = copy("truncated");
        Path tiff;
        try (Stream<Path> s = Files.list(damaged.resolve("measurement"))) {
            tiff = s.filter(p -> p.getFileName().toString().contains("-iw2-slc-vv")).findFirst().orElseThrow();
        }
        try (FileChannel c = FileChannel.open(tiff, StandardOpenOption.WRITE)) {
            c.truncate(c.size() / 2);
        }
        Ai4cException e = assertThrows(Ai4cException.class, () -> new SlcPreprocessOperator().apply(
                Map.of("input", ProductIO.read(damaged)),
                new SlcPreprocessOperator().descriptor().validate(Map.of("resolution", RES)), ProcessingContext.defaults()));
        assertTrue(e.getMessage().contains(tiff.getFileName().toString()), e.getMessage());
    }

    @Test
    void burstWithoutValidLinesIsNamed() throws Exception {
        Path damaged = copy("no-valid-lines");
        Path annotation;
        try (Stream<Path> s = Files.list(damaged.resolve("annotation"))) {
            annotation = s.filter(p -> p.getFileName().toString().startsWith("s1a-iw2-slc-vv")).findFirst().orElseThrow();
        }
        // every line of the second burst of IW2 marked invalid (firstValidSample and lastValidSample −1)
        String xml = Files.readString(annotation);
        int second = xml.indexOf("<burst>", xml.indexOf("<burst>") + 1);
        String head = xml.substring(0, second), tail = xml.substring(second);
        String minusOnes = String.join(" ", java.util.Collections.nCopies(L, "-1"));
        tail = tail.replaceFirst("(<firstValidSample count=\"\\d+\">)[^<]*", "$1" + minusOnes)
                .replaceFirst("(<lastValidSample count=\"\\d+\">)[^<]*", "$1" + minusOnes);
        String before = eu.ai4c.s1.safe.Checksums.md5(annotation);
        Files.writeString(annotation, head + tail);
        // a product made this way by its processor: its manifest gives the MD5 of the file as it is
        Path manifest = damaged.resolve("manifest.safe");
        Files.writeString(manifest, Files.readString(manifest).replace(before, eu.ai4c.s1.safe.Checksums.md5(annotation)));
        Ai4cException e = assertThrows(Ai4cException.class, () -> run(damaged, Map.of()));
        assertTrue(e.getMessage().contains("IW2") && e.getMessage().contains("no valid line"), e.getMessage());
    }

    @Test
    void waveModeIsRefused() throws Exception {
        Path wave = copy("wave");
        Path manifest = wave.resolve("manifest.safe");
        Files.writeString(manifest, Files.readString(manifest).replace("<s1sarl1:mode>IW</s1sarl1:mode>",
                "<s1sarl1:mode>WV</s1sarl1:mode>"));
        Ai4cException e = assertThrows(Ai4cException.class, () -> run(wave, Map.of()));
        assertTrue(e.getMessage().contains("WV") && e.getMessage().contains(safe.getFileName().toString().replace(".SAFE", "")),
                e.getMessage());
    }

    @Test
    void areaOfInterestOutsideTheFootprintIsRefused() {
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> run(safe, Map.of("aoi", "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))")));
        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("area of interest"), e.getMessage());
    }
}
