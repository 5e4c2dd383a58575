package eu.ai4c.s1.grd;

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
import eu.ai4c.s1.calibration.CalibrationType;
import eu.ai4c.s1.safe.S1Image;
import eu.ai4c.s1.safe.S1Product;
import eu.ai4c.s1.synthetic.SyntheticGrd;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code S1-GRD-preprocess} end to end on a small synthetic IW GRD (600 × 400 samples, VV+VH) at
 * 20 m: geolocation of a point target against the annotation geolocation grid (no DEM, constant
 * DEM, orbit file), calibration of a homogeneous area through the chain, dB, gamma/beta, speckle
 * ENL, no-data outside the swath and in the border noise, AoI, polarisations and bad input.
 */
class GrdPreprocessOperatorTest {
    static final int W = 600, H = 400, BORDER = 30;
    static final int TARGET_LINE = 200, TARGET_SAMPLE = 180;
    static final Region AREA = new Region(330, 120, 200, 160);
    static final double AREA_SIGMA0 = 0.2;
    static final String RES = "20";

    @TempDir
    static Path dir;
    static Path safe;
    static GeolocationGrid grid;
    static S1Image vv;

    @BeforeAll
    static void generate() throws Exception {
        safe = SyntheticGrd.builder(W, H).polarisations("VV", "VH").centre(41.9, 12.5).seed(7)
                .homogeneousArea(AREA, AREA_SIGMA0, 4.4)
                .pointTarget(TARGET_LINE, TARGET_SAMPLE, 40000)
                .noValueBorder(BORDER)
                .build().write(dir);
        try (S1Product s1 = S1Product.open(safe)) {
            vv = s1.image("IW", "VV");
        }
        grid = new GeolocationGrid(vv.annotation().geolocationGrid());
    }

    /** An output band read whole, with its map grid. */
    record Out(Product product, float[][] bands, MapGeoCoding gc, int width, int height) {
        float at(int band, int col, int row) {
            return bands[band][row * width + col];
        }

        /** Output pixel (col, row) containing longitude/latitude. */
        int[] pixelOf(double lat, double lon) {
            double[] p = gc.toPixel(lon, lat);
            return new int[] {(int) Math.floor(p[0]), (int) Math.floor(p[1])};
        }

        int[] brightest(int band) {
            int best = -1;
            for (int i = 0; i < bands[band].length; i++) {
                if (!Float.isNaN(bands[band][i]) && (best < 0 || bands[band][i] > bands[band][best])) best = i;
            }
            return new int[] {best % width, best / width};
        }
    }

    static Out run(Map<String, String> extra) throws Exception {
        Map<String, String> params = new HashMap<>(Map.of("resolution", RES, "speckle", "None"));
        params.putAll(extra);
        GrdPreprocessOperator op = new GrdPreprocessOperator();
        Product p = op.apply(Map.of("input", ProductIO.read(safe)), op.descriptor().validate(params),
                ProcessingContext.defaults());
        Raster r = p.raster();
        float[][] bands = new float[r.bands().size()][];
        for (int b = 0; b < bands.length; b++) bands[b] = r.read(b, Region.of(r.width(), r.height())).toFloats();
        return new Out(p, bands, (MapGeoCoding) r.geoCoding(), r.width(), r.height());
    }

    /** Metres east and north of b relative to a (local flat earth; fine over a few km). */
    static double[] metres(double latA, double lonA, double latB, double lonB) {
        double r = 6_371_000;
        return new double[] {Math.toRadians(lonB - lonA) * r * Math.cos(Math.toRadians(latA)), Math.toRadians(latB - latA) * r};
    }

    /**
     * Where the target should be: its geolocation-grid position (ellipsoid height 0) moved towards
     * far range by {@code h / tan(incidence)} for a scatterer at ellipsoid height {@code h} (same
     * slant range, higher point: farther from the track).
     */
    static double[] expectedTarget(double ellipsoidHeight) {
        double[] g = grid.at(TARGET_LINE, TARGET_SAMPLE), far = grid.at(TARGET_LINE, TARGET_SAMPLE + 100);
        double[] d = metres(g[0], g[1], far[0], far[1]);
        double norm = Math.hypot(d[0], d[1]), shift = ellipsoidHeight / Math.tan(Math.toRadians(g[2]));
        double east = d[0] / norm * shift, north = d[1] / norm * shift;
        double lat = g[0] + Math.toDegrees(north / 6_371_000);
        double lon = g[1] + Math.toDegrees(east / (6_371_000 * Math.cos(Math.toRadians(g[0]))));
        return new double[] {lat, lon};
    }

    static void assertTargetAt(Out out, double[] latLon, String what) {
        int[] found = out.brightest(0);
        double[] p = out.gc.toPixel(latLon[1], latLon[0]);
        double dx = found[0] + 0.5 - p[0], dy = found[1] + 0.5 - p[1];
        assertTrue(Math.abs(dx) <= 1 && Math.abs(dy) <= 1,
                what + ": brightest pixel " + found[0] + "," + found[1] + " vs expected " + p[0] + "," + p[1]);
    }

    static double geoidAtTarget() {
        double[] g = grid.at(TARGET_LINE, TARGET_SAMPLE);
        return Geoid.locate(null).undulation(g[0], g[1]);
    }

    @Test
    void pointTargetLandsAtGeolocationGridPositionWithoutDem() throws Exception {
        // no DEM: the chain uses the geoid surface, i.e. ellipsoid height N at the target
        assertTargetAt(run(Map.of()), expectedTarget(geoidAtTarget()), "no DEM");
    }

    @Test
    void pointTargetShiftsToFarRangeWithConstantDem() throws Exception {
        double[] g = grid.at(TARGET_LINE, TARGET_SAMPLE);
        float[] h = new float[60 * 60];
        java.util.Arrays.fill(h, 500f);
        MapGeoCoding demGc = MapGeoCoding.northUp(Projections.wgs84(), g[1] - 0.3, g[0] + 0.3, 0.01, 0.01);
        Path dem = ProductIO.writer("GeoTIFF").write(Product.of("dem", MemoryRaster.ofFloats("height", 60, 60, h, demGc)),
                dir.resolve("dem500.tif"), ProcessingContext.defaults());
        Out out = run(Map.of("dem", dem.toString()));
        assertTargetAt(out, expectedTarget(geoidAtTarget() + 500), "DEM 500 m");
        // and the shift itself against the no-DEM run: about 640 m at 38°, many pixels (the two output grids
        // differ, each covering its scene's terrain: compare map positions)
        Out flat = run(Map.of());
        int[] a = flat.brightest(0), b = out.brightest(0);
        double dx = flat.gc.x(a[0] + 0.5, a[1] + 0.5) - out.gc.x(b[0] + 0.5, b[1] + 0.5);
        double dy = flat.gc.y(a[0] + 0.5, a[1] + 0.5) - out.gc.y(b[0] + 0.5, b[1] + 0.5);
        assertTrue(Math.hypot(dx / out.gc.pixelSizeX(), dy / out.gc.pixelSizeY()) > 5, "a 500 m DEM must move the target");
    }

    @Test
    void orbitFileCoveringTheAcquisitionGivesTheSameGeolocation() throws Exception {
        Path orbitDir = dir.resolve("orbits");
        java.nio.file.Files.createDirectories(orbitDir);
        Path eof = EofWriter.write(orbitDir, "S1A", vv.annotation().orbitList(), Duration.ZERO);
        Out withOrbit = run(Map.of("orbit", eof.toString())), annotation = run(Map.of());
        assertTargetAt(withOrbit, expectedTarget(geoidAtTarget()), "orbit file");
        // same grid; the target's centroid agrees to a small fraction of a pixel
        assertEquals(annotation.width, withOrbit.width);
        assertEquals(annotation.height, withOrbit.height);
        double[] a = centroid(annotation), b = centroid(withOrbit);
        assertTrue(Math.hypot(a[0] - b[0], a[1] - b[1]) < 0.05, "centroids " + java.util.Arrays.toString(a) + " vs "
                + java.util.Arrays.toString(b));
    }

    /** Intensity-weighted centroid (col, row) of the 5 × 5 pixels around the brightest one. */
    static double[] centroid(Out out) {
        int[] t = out.brightest(0);
        double sw = 0, sx = 0, sy = 0;
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                double v = out.at(0, t[0] + dx, t[1] + dy);
                sw += v;
                sx += v * (t[0] + dx);
                sy += v * (t[1] + dy);
            }
        }
        return new double[] {sx / sw, sy / sw};
    }

    @Test
    void orbitFileOfAnotherDayIsRefused() throws Exception {
        Path orbitDir = dir.resolve("orbits-other-day");
        java.nio.file.Files.createDirectories(orbitDir);
        Path eof = EofWriter.write(orbitDir, "S1A", vv.annotation().orbitList(), Duration.ofDays(1));
        Ai4cException e = assertThrows(Ai4cException.class, () -> run(Map.of("orbit", eof.toString())));
        assertTrue(e.getMessage().contains(eof.getFileName().toString()) || e.getMessage().contains("orbit"), e.getMessage());
    }

    /** Output pixels whose centre lies well inside the homogeneous area. */
    static double[] areaValues(Out out, int band) {
        int margin = 12;
        double[][] corners = {
                grid.at(AREA.y() + margin, AREA.x() + margin), grid.at(AREA.y() + margin, AREA.x() + AREA.width() - margin),
                grid.at(AREA.y() + AREA.height() - margin, AREA.x() + AREA.width() - margin),
                grid.at(AREA.y() + AREA.height() - margin, AREA.x() + margin)};
        java.awt.geom.Path2D.Double poly = new java.awt.geom.Path2D.Double();
        for (int i = 0; i < 4; i++) {
            double[] px = out.gc.toPixel(corners[i][1], corners[i][0]);
            if (i == 0) poly.moveTo(px[0], px[1]); else poly.lineTo(px[0], px[1]);
        }
        poly.closePath();
        java.util.List<Double> v = new java.util.ArrayList<>();
        for (int row = 0; row < out.height; row++) {
            for (int col = 0; col < out.width; col++) {
                if (poly.contains(col + 0.5, row + 0.5)) v.add((double) out.at(band, col, row));
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElseThrow();
    }

    static double enl(double[] v) {
        double m = mean(v), var = 0;
        for (double x : v) var += (x - m) * (x - m);
        return m * m / (var / (v.length - 1));
    }

    @Test
    void homogeneousAreaKeepsItsSigma0AndLeeSigmaRaisesItsEnl() throws Exception {
        double[] none = areaValues(run(Map.of()), 0), lee = areaValues(run(Map.of("speckle", "Lee Sigma")), 0);
        assertTrue(none.length > 200, "area pixels " + none.length);
        assertEquals(AREA_SIGMA0, mean(none), 0.02 * AREA_SIGMA0, "sigma0, no speckle filter");
        assertEquals(AREA_SIGMA0, mean(lee), 0.02 * AREA_SIGMA0, "sigma0, Lee Sigma");
        double enlNone = enl(none), enlLee = enl(lee);
        assertTrue(enlLee > 2 * enlNone, "ENL none " + enlNone + ", Lee Sigma " + enlLee);
    }

    @Test
    void decibelIsTenLog10OfLinear() throws Exception {
        Out lin = run(Map.of("speckle", "Lee Sigma")), db = run(Map.of("speckle", "Lee Sigma", "calibration", "SigmaDB"));
        assertEquals("Sigma0_VV_db", db.product.raster().bands().get(0).name());
        int finite = 0;
        for (int i = 0; i < lin.bands[0].length; i++) {
            float l = lin.bands[0][i], d = db.bands[0][i];
            if (Float.isNaN(l) || l <= 0) {
                assertTrue(Float.isNaN(d) || Float.isInfinite(d), "pixel " + i + ": linear " + l + ", dB " + d);
                continue;
            }
            finite++;
            assertEquals(10 * Math.log10(l), d, 1e-4, "pixel " + i);
        }
        assertTrue(finite > lin.bands[0].length / 10, finite + " finite pixels");
    }

    @Test
    void gammaAndBetaDifferFromSigmaByTheLutRatio() throws Exception {
        Out sigma = run(Map.of()), gamma = run(Map.of("calibration", "Gamma")), beta = run(Map.of("calibration", "Beta"));
        assertEquals("Gamma0_VV", gamma.product.raster().bands().get(0).name());
        assertEquals("Beta0_VV", beta.product.raster().bands().get(0).name());
        int[] t = sigma.brightest(0);
        double aSigma = CalibrationType.SIGMA_NOUGHT.lut(vv.calibration()).valueAt(TARGET_LINE, TARGET_SAMPLE);
        double aGamma = CalibrationType.GAMMA.lut(vv.calibration()).valueAt(TARGET_LINE, TARGET_SAMPLE);
        double aBeta = CalibrationType.BETA_NOUGHT.lut(vv.calibration()).valueAt(TARGET_LINE, TARGET_SAMPLE);
        double s = sigma.at(0, t[0], t[1]);
        // value = DN² / A²: X / sigma = A_sigma² / A_X²
        assertEquals(aSigma * aSigma / (aGamma * aGamma), gamma.at(0, t[0], t[1]) / s, 2e-3 * aSigma * aSigma / (aGamma * aGamma));
        assertEquals(aSigma * aSigma / (aBeta * aBeta), beta.at(0, t[0], t[1]) / s, 2e-3 * aSigma * aSigma / (aBeta * aBeta));
        assertTrue(Math.abs(aGamma - aSigma) > 0.01 * aSigma, "LUTs must differ for the check to mean something");
    }

    @Test
    void outsideTheSwathAndBorderNoiseAreNaN() throws Exception {
        Out out = run(Map.of());
        // the grid covers the rotated swath's bounding box: its corners are outside the swath
        for (int[] c : new int[][] {{0, 0}, {out.width - 1, 0}, {0, out.height - 1}, {out.width - 1, out.height - 1}}) {
            assertTrue(Float.isNaN(out.at(0, c[0], c[1])), "corner " + c[0] + "," + c[1] + " = " + out.at(0, c[0], c[1]));
        }
        for (int line = 40; line < H - 40; line += 20) {
            double[] inBorder = grid.at(line, BORDER / 2.0), inside = grid.at(line, BORDER + 40);
            int[] b = out.pixelOf(inBorder[0], inBorder[1]), s = out.pixelOf(inside[0], inside[1]);
            assertTrue(Float.isNaN(out.at(0, b[0], b[1])), "border noise at line " + line + ": " + out.at(0, b[0], b[1]));
            float v = out.at(0, s[0], s[1]);
            assertTrue(v > 0 && !Float.isNaN(v), "swath at line " + line + ": " + v);
        }
        int nan = 0, zero = 0;
        for (float v : out.bands[0]) {
            if (Float.isNaN(v)) nan++;
            else if (v == 0) zero++;
        }
        assertTrue(nan > out.bands[0].length / 20, "NaN pixels " + nan);
        assertTrue(zero < out.bands[0].length / 1000, "zeros " + zero + " (no-data must be NaN, not 0)");
    }

    @Test
    void aoiCropsToItsBoundsAndMasksOutsideThePolygon() throws Exception {
        double[] a = grid.at(100, 150), b = grid.at(100, 450), c = grid.at(300, 300);
        String wkt = String.format(java.util.Locale.ROOT, "POLYGON((%.6f %.6f, %.6f %.6f, %.6f %.6f, %.6f %.6f))",
                a[1], a[0], b[1], b[0], c[1], c[0], a[1], a[0]);
        Out full = run(Map.of()), crop = run(Map.of("aoi", wkt));
        double minLon = Math.min(a[1], Math.min(b[1], c[1])), maxLon = Math.max(a[1], Math.max(b[1], c[1]));
        double minLat = Math.min(a[0], Math.min(b[0], c[0])), maxLat = Math.max(a[0], Math.max(b[0], c[0]));
        // the window is the pixels the AoI bounds touch: the span in pixels, rounded out at both ends
        double spanX = (maxLon - minLon) / crop.gc.pixelSizeX(), spanY = (maxLat - minLat) / Math.abs(crop.gc.pixelSizeY());
        assertTrue(crop.width >= spanX && crop.width <= spanX + 2, crop.width + " columns for " + spanX);
        assertTrue(crop.height >= spanY && crop.height <= spanY + 2, crop.height + " rows for " + spanY);
        assertEquals(full.gc.pixelSizeX(), crop.gc.pixelSizeX(), 1e-15);
        java.awt.geom.Path2D.Double tri = new java.awt.geom.Path2D.Double();
        tri.moveTo(a[1], a[0]);
        tri.lineTo(b[1], b[0]);
        tri.lineTo(c[1], c[0]);
        tri.closePath();
        int inside = 0, outside = 0;
        for (int row = 0; row < crop.height; row++) {
            for (int col = 0; col < crop.width; col++) {
                double lon = crop.gc.x(col + 0.5, row + 0.5), lat = crop.gc.y(col + 0.5, row + 0.5);
                double[] fp = full.gc.toPixel(lon, lat);
                float v = crop.at(0, col, row);
                if (tri.contains(lon, lat)) {
                    inside++;
                    // same output pixel; the geometry is interpolated per tile, so to ~1e-4 relative
                    float f = full.at(0, (int) fp[0], (int) fp[1]);
                    assertEquals(f, v, 1e-3 * Math.abs(f), "inside AoI at " + col + "," + row);
                } else if (!tri.intersects(lon - crop.gc.pixelSizeX(), lat - Math.abs(crop.gc.pixelSizeY()),
                        2 * crop.gc.pixelSizeX(), 2 * Math.abs(crop.gc.pixelSizeY()))) {
                    outside++;
                    assertTrue(Float.isNaN(v), "outside AoI at " + col + "," + row + ": " + v);
                }
            }
        }
        assertTrue(inside > 100 && outside > 100, inside + " inside, " + outside + " outside");
    }

    @Test
    void aoiOutsideTheFootprintIsAClearError() {
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> run(Map.of("aoi", "POLYGON((2.3 48.8, 2.4 48.8, 2.4 48.9, 2.3 48.8))")));
        assertTrue(e.getMessage().toLowerCase().contains("does not intersect"), e.getMessage());
    }

    @Test
    void polarisationsGiveOneBandEach() throws Exception {
        Out out = run(Map.of("polarization", "VV,VH"));
        assertEquals(List.of("Sigma0_VV", "Sigma0_VH"), out.product.raster().bands().stream().map(b -> b.name()).toList());
        double vvMean = mean(areaValues(out, 0)), vhMean = mean(areaValues(out, 1));
        assertEquals(0.2, vhMean / vvMean, 0.01, "synthetic VH is 7 dB below VV");
        Ai4cException e = assertThrows(Ai4cException.class, () -> run(Map.of("polarization", "HH")));
        assertTrue(e.isUsageError());
        assertTrue(e.getMessage().contains("HH") && e.getMessage().contains("[VV, VH]"), e.getMessage());
    }

    @Test
    void nonexistentDemIsAClearError() {
        Path missing = dir.resolve("no-such-dem.tif");
        Ai4cException e = assertThrows(Ai4cException.class, () -> run(Map.of("dem", missing.toString())));
        assertTrue(e.getMessage().contains("no-such-dem.tif"), e.getMessage());
        assertFalse(java.nio.file.Files.exists(missing));
    }
}
