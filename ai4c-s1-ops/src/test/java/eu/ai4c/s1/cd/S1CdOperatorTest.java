package eu.ai4c.s1.cd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.SideOutputs;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s1.synthetic.RepeatPassPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** S1-CD end to end on a synthetic repeat-pass pair with planted changes. */
class S1CdOperatorTest {
    static final double LINE = 2.055556299999998e-3;
    /** Planted areas: swath, u0, u1, x0, x1 (reference lattice), σ⁰ at both dates, coherence. */
    static final double[][] CHANGES = {
            {0, 100, 160, 150, 230, 0.05, 0.8, 0.1},    // a new building
            {1, 250, 290, 100, 140, 1.0, 0.05, 0.05},   // a ship that left
            {1, 60, 180, 220, 330, 0.08, 0.005, 0.1}};  // a flooded field
    static final double[] URBAN = {0, 250, 350, 60, 160, 0.3, 0.3, 0.95};

    @TempDir
    static Path dir;
    static RepeatPassPair pair;
    static Path[] products;
    static Product product;
    static Path main;
    static List<Path> side;

    @BeforeAll
    static void run() throws Exception {
        RepeatPassPair.Builder b = RepeatPassPair.builder(400, 150, 3).swaths(2).timingError(0.1 * LINE)
                .area(0, URBAN[1], URBAN[2], URBAN[3], URBAN[4], URBAN[5], URBAN[6], URBAN[7]);
        for (double[] c : CHANGES) b.area((int) c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
        pair = b.build();
        products = pair.write(dir);
        S1CdOperator op = new S1CdOperator();
        Map<String, String> params = new HashMap<>(Map.of("resolution", "10"));
        // the synthetic scene lies on the ellipsoid: a DEM of height 0 above it
        params.put("dem", flatDem().toString());
        product = op.apply(Map.of("input1", ProductIO.read(products[1]), "input2", ProductIO.read(products[0])),
                op.descriptor().validate(params), ProcessingContext.defaults());
        Path out = Files.createDirectories(dir.resolve("out"));
        main = ProductIO.writer("GeoTIFF").write(product, out.resolve(product.name() + ".tif"), ProcessingContext.defaults());
        side = product.attachment(SideOutputs.class).orElseThrow().write(main, ProcessingContext.defaults());
    }

    /** A DEM of minus the geoid undulation around the scene: ellipsoid height 0 everywhere, as the pair was made. */
    static Path flatDem() throws Exception {
        eu.ai4c.kit.dem.Geoid geoid = eu.ai4c.kit.dem.Geoid.locate(null);
        double[] c = pair.lonLat(0, 200, 380);
        int n = 80;
        double step = 0.01, west = c[0] - n / 2 * step, north = c[1] + n / 2 * step;
        float[] h = new float[n * n];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < n; k++) h[r * n + k] = (float) -geoid.undulation(north - (r + 0.5) * step, west + (k + 0.5) * step);
        }
        MapGeoCoding gc = MapGeoCoding.northUp(eu.ai4c.kit.geo.Projections.wgs84(), west, north, step, step);
        return ProductIO.writer("GeoTIFF").write(Product.of("dem", eu.ai4c.kit.raster.MemoryRaster.ofFloats("height", n, n, h, gc)),
                dir.resolve("ellipsoid0.tif"), ProcessingContext.defaults());
    }

    @Test
    void referenceIsTheEarlierProductWhateverTheOrder() {
        S1CdOperator.Run run = product.attachment(S1CdOperator.Run.class).orElseThrow();
        assertTrue(run.pair().reference().startTime().isBefore(run.pair().secondary().startTime()));
        assertEquals(2, run.pair().cycles());
    }

    /** The pair was made with a 100 m perpendicular baseline (B⊥ ≈ R·Δθ at the scene centre: a few % off is the construction's approximation). */
    @Test
    void perpendicularBaselineIsTheOneThePairWasMadeWith() throws Exception {
        S1CdOperator.Run run = product.attachment(S1CdOperator.Run.class).orElseThrow();
        System.out.printf("baseline: perpendicular %.2f m, parallel %.2f m%n", run.baseline()[0], run.baseline()[1]);
        assertEquals(100, Math.abs(run.baseline()[0]), 10);
        JsonNode summary = new ObjectMapper().readTree(side.get(8).toFile());
        assertEquals(run.baseline()[0], summary.at("/baseline/perpendicular_m").asDouble(), 1e-9);
    }

    @Test
    void esdFindsThePlantedTimingError() {
        S1CdOperator.Run run = product.attachment(S1CdOperator.Run.class).orElseThrow();
        System.out.println("ESD " + run.esdShift() + " residual " + run.esdResidual());
        assertEquals(-0.1, run.esdShift(), 0.01);
        assertTrue(Math.abs(run.esdResidual()) < 0.01, "residual " + run.esdResidual());
    }

    /**
     * The three planted changes are found: at least 95 % of the pixels well inside them (a margin of
     * 4 lines and 12 samples, about 50 m, for the speckle filter's and the resampling's reach) are
     * changed, and less than 1 % of the pixels well away from them (6 lines, 20 samples) are.
     */
    @Test
    void plantedChangesAreDetectedWithFewFalseAlarms() throws Exception {
        Raster mask = ProductIO.read(side.get(5)).raster();
        MapGeoCoding gc = (MapGeoCoding) mask.geoCoding();
        byte[] m = mask.read(0, Region.of(mask.width(), mask.height())).bytes();
        double[][][] inner = new double[CHANGES.length][][], outer = new double[CHANGES.length][][];
        for (int c = 0; c < CHANGES.length; c++) {
            inner[c] = quad(CHANGES[c], 4, 12);
            outer[c] = quad(CHANGES[c], -6, -20);
        }
        long[] inside = new long[CHANGES.length], detected = new long[CHANGES.length];
        long away = 0, falseAlarms = 0;
        for (int row = 0; row < mask.height(); row++) {
            for (int col = 0; col < mask.width(); col++) {
                byte v = m[row * mask.width() + col];
                if (v == ChangeMask.NO_DATA) continue;
                double lon = gc.x(col + 0.5, row + 0.5), lat = gc.y(col + 0.5, row + 0.5);
                boolean near = false;
                for (int c = 0; c < CHANGES.length; c++) {
                    if (contains(inner[c], lon, lat)) {
                        inside[c]++;
                        if (v == ChangeMask.CHANGE) detected[c]++;
                    }
                    near |= contains(outer[c], lon, lat);
                }
                if (!near) {
                    away++;
                    if (v == ChangeMask.CHANGE) falseAlarms++;
                }
            }
        }
        for (int c = 0; c < CHANGES.length; c++) {
            double rate = detected[c] / (double) inside[c];
            System.out.printf("planted change %d: %d of %d pixels detected (%.2f %%)%n", c, detected[c], inside[c], 100 * rate);
            assertTrue(inside[c] > 100, "planted change " + c + " covers " + inside[c] + " output pixels");
            assertTrue(rate >= 0.95, "planted change " + c + ": " + 100 * rate + " % detected");
        }
        double rate = falseAlarms / (double) away;
        System.out.printf("false alarms: %d of %d unchanged pixels (%.3f %%)%n", falseAlarms, away, 100 * rate);
        assertTrue(rate < 0.01, "false alarms " + 100 * rate + " %");
    }

    /** The reference-lattice rectangle of an area shrunk by (du, dx) (negative: grown), as a lon/lat quadrilateral. */
    static double[][] quad(double[] a, double du, double dx) {
        int swath = (int) a[0];
        double u0 = a[1] + du, u1 = a[2] - du, x0 = a[3] + dx, x1 = a[4] - dx;
        return new double[][] {pair.lonLat(swath, u0, x0), pair.lonLat(swath, u0, x1), pair.lonLat(swath, u1, x1),
                pair.lonLat(swath, u1, x0)};
    }

    /** Point in a convex quadrilateral (either orientation). */
    static boolean contains(double[][] q, double x, double y) {
        int sign = 0;
        for (int i = 0; i < 4; i++) {
            double[] a = q[i], b = q[(i + 1) % 4];
            double cross = (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
            int s = cross > 0 ? 1 : cross < 0 ? -1 : 0;
            if (s == 0) continue;
            if (sign == 0) sign = s;
            else if (s != sign) return false;
        }
        return true;
    }

    /** ACD and MTC bytes equal the stretch of the float outputs between the reported percentiles; bands in the specified order. */
    @Test
    void compositesAreTheStretchedFloatOutputs() throws Exception {
        JsonNode summary = new ObjectMapper().readTree(side.get(8).toFile());
        double lo1 = summary.at("/stretch/backscatter1/0").asDouble(), hi1 = summary.at("/stretch/backscatter1/1").asDouble();
        double lo2 = summary.at("/stretch/backscatter2/0").asDouble(), hi2 = summary.at("/stretch/backscatter2/1").asDouble();
        float[] coh = floats(side.get(0)), b1 = floats(side.get(1)), b2 = floats(side.get(2));
        Raster acd = ProductIO.read(side.get(3)).raster(), mtc = ProductIO.read(side.get(4)).raster();
        Region all = Region.of(acd.width(), acd.height());
        byte[][] a = {acd.read(0, all).bytes(), acd.read(1, all).bytes(), acd.read(2, all).bytes()};
        byte[][] t = {mtc.read(0, all).bytes(), mtc.read(1, all).bytes(), mtc.read(2, all).bytes()};
        long checked = 0;
        for (int i = 0; i < coh.length; i++) {
            assertEquals(expected(b1[i], lo1, hi1), a[0][i] & 255, "ACD red at " + i);
            assertEquals(expected(b2[i], lo2, hi2), a[1][i] & 255, "ACD green at " + i);
            assertEquals(expected(b2[i], lo2, hi2), a[2][i] & 255, "ACD blue at " + i);
            assertEquals(expected(b1[i], lo1, hi1), t[0][i] & 255, "MTC red at " + i);
            assertEquals(expected(b2[i], lo2, hi2), t[1][i] & 255, "MTC green at " + i);
            assertEquals(expected(coh[i], 0, 1), t[2][i] & 255, "MTC blue at " + i);
            if (!Float.isNaN(b1[i])) checked++;
        }
        assertTrue(checked > 100_000, checked + " valid pixels");
        // the percentiles are those of the float output: 2.5 % of the valid values lie below the low one
        assertEquals(0.025, fractionBelow(b1, lo1), 0.001);
        assertEquals(0.975, fractionBelow(b2, hi2), 0.001);
    }

    static int expected(float v, double lo, double hi) {
        if (Float.isNaN(v)) return 0;
        long b = Math.round((v - lo) * 255 / (hi - lo));
        return (int) Math.max(0, Math.min(255, b));
    }

    static double fractionBelow(float[] v, double limit) {
        long n = 0, below = 0;
        for (float f : v) {
            if (Float.isNaN(f)) continue;
            n++;
            if (f < limit) below++;
        }
        return below / (double) n;
    }

    static float[] floats(Path p) throws Exception {
        Raster r = ProductIO.read(p).raster();
        return r.read(0, Region.of(r.width(), r.height())).toFloats();
    }

    /** Coherence lies in [0, 1]; the stable coherent area keeps its coherence, the changes lose theirs. */
    @Test
    void coherenceIsHighOnStableAreasAndLowOnChanges() throws Exception {
        Raster r = ProductIO.read(side.get(0)).raster();
        MapGeoCoding gc = (MapGeoCoding) r.geoCoding();
        float[] g = floats(side.get(0));
        double[][] urban = quad(URBAN, 4, 12), building = quad(CHANGES[0], 4, 12);
        double su = 0, sb = 0;
        long nu = 0, nb = 0, valid = 0;
        for (int row = 0; row < r.height(); row++) {
            for (int col = 0; col < r.width(); col++) {
                float v = g[row * r.width() + col];
                if (Float.isNaN(v)) continue;
                valid++;
                assertTrue(v >= 0 && v <= 1, "coherence " + v);
                double lon = gc.x(col + 0.5, row + 0.5), lat = gc.y(col + 0.5, row + 0.5);
                if (contains(urban, lon, lat)) {
                    su += v;
                    nu++;
                }
                if (contains(building, lon, lat)) {
                    sb += v;
                    nb++;
                }
            }
        }
        System.out.printf("coherence: stable area %.3f, new building %.3f%n", su / nu, sb / nb);
        assertTrue(valid > 100_000);
        assertEquals(0.95, su / nu, 0.03);
        assertTrue(sb / nb < 0.3, "coherence of the new building " + sb / nb);
    }

    @Test
    void outputsSayWhatTheyAre() {
        List<String> names = side.stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("S1_IW_CD_20210601_20210613_VV_coherence.tif", "S1_IW_CD_20210601_20210613_VV_Sigma0_VV_20210601.tif",
                "S1_IW_CD_20210601_20210613_VV_Sigma0_VV_20210613.tif", "S1_IW_CD_20210601_20210613_VV_ACD.tif",
                "S1_IW_CD_20210601_20210613_VV_MTC.tif", "S1_IW_CD_20210601_20210613_VV_change_mask.tif",
                "S1_IW_CD_20210601_20210613_VV_ACD.png", "S1_IW_CD_20210601_20210613_VV_MTC.png",
                "S1_IW_CD_20210601_20210613_VV_summary.json"), names);
    }
}
