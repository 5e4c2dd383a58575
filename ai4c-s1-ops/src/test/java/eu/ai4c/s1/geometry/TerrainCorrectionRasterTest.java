package eu.ai4c.s1.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.dem.ElevationModel;
import eu.ai4c.kit.dem.Geoid;
import eu.ai4c.kit.dem.GeoidOnlyDem;
import eu.ai4c.kit.dem.RasterDem;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.warp.Resampling;
import eu.ai4c.kit.warp.TargetGrid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.sis.referencing.CRS;
import org.junit.jupiter.api.Test;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;

/**
 * Terrain correction of a synthetic scene near Rome seen from a straight-line orbit, with a source
 * image whose two bands hold each pixel's own line and sample: the corrected values are the source
 * positions used, compared with an independent closed-form computation.
 */
class TerrainCorrectionRasterTest {
    private static final Geoid GEOID = Geoid.locate(null);
    private static final int LINES = 300, SAMPLES = 220;
    private static final double DT = 0.0013, SPACING = 10;

    private final double[] s0;
    private final double[] v0;
    private final Orbit orbit;
    private final SarGeometry geometry;
    private final MemoryRaster source;

    TerrainCorrectionRasterTest() {
        double[] g = ecef(12.5, 41.9, 0);
        s0 = ecef(7.7, 41.9, 700_000);
        // velocity: 7 km/s towards local north at the satellite
        double lam = Math.toRadians(7.7), phi = Math.toRadians(41.9);
        double[] north = {-Math.sin(phi) * Math.cos(lam), -Math.sin(phi) * Math.sin(lam), Math.cos(phi)};
        v0 = new double[] {7000 * north[0], 7000 * north[1], 7000 * north[2]};
        List<OrbitStateVector> vectors = new ArrayList<>();
        for (int t = -30; t <= 30; t += 10) {
            vectors.add(new OrbitStateVector(t, s0[0] + v0[0] * t, s0[1] + v0[1] * t, s0[2] + v0[2] * t,
                    v0[0], v0[1], v0[2]));
        }
        orbit = new Orbit(Instant.parse("2021-06-01T05:00:00Z"), vectors);
        double tg = dot(sub(g, s0), v0) / dot(v0, v0);
        double rg = norm(sub(sub(g, s0), scale(v0, tg)));
        geometry = SyntheticScene.grd(orbit, tg - LINES / 2.0 * DT, LINES, SAMPLES, DT, SPACING, rg - 1200);
        float[] lineValues = new float[LINES * SAMPLES], sampleValues = new float[LINES * SAMPLES];
        for (int l = 0, i = 0; l < LINES; l++) {
            for (int s = 0; s < SAMPLES; s++, i++) {
                lineValues[i] = l;
                sampleValues[i] = s;
            }
        }
        Region all = Region.of(SAMPLES, LINES);
        source = new MemoryRaster(List.of(Band.of("line", DataType.FLOAT32), Band.of("sample", DataType.FLOAT32)),
                new Block[] {new Block(all, DataType.FLOAT32, lineValues), new Block(all, DataType.FLOAT32, sampleValues)},
                null);
    }

    /** A rough DEM: random heights 0..600 m every 0.001° around the scene, as a WGS 84 raster. */
    private static final class RoughDem {
        final double x0 = 12.40, y0 = 42.0, step = 0.001;
        final int w = 200, h = 200;
        final float[] v = new float[w * h];

        RoughDem() {
            Random rnd = new Random(11);
            for (int i = 0; i < v.length; i++) v[i] = (float) (rnd.nextDouble() * 600);
        }

        MemoryRaster raster() {
            return MemoryRaster.ofFloats("height", w, h, v, MapGeoCoding.northUp(Projections.wgs84(), x0, y0, step, step));
        }

        /** Independent bilinear height between post centres. */
        double height(double lon, double lat) {
            double c = (lon - x0) / step - 0.5, r = (y0 - lat) / step - 0.5;
            int ic = (int) Math.floor(c), ir = (int) Math.floor(r);
            double fx = c - ic, fy = r - ir;
            double a = v[ir * w + ic], b = v[ir * w + ic + 1], cc = v[(ir + 1) * w + ic], d = v[(ir + 1) * w + ic + 1];
            return (1 - fy) * ((1 - fx) * a + fx * b) + fy * ((1 - fx) * cc + fx * d);
        }
    }

    @Test
    void geoidOnlyInterpolatedGeometry() throws Exception {
        check(new GeoidOnlyDem(GEOID), null, 16, 0.05);
    }

    @Test
    void geoidOnlyExactGeometry() throws Exception {
        check(new GeoidOnlyDem(GEOID), null, 1, 1e-3);
    }

    @Test
    void roughDemInterpolatedGeometry() throws Exception {
        RoughDem dem = new RoughDem();
        check(new RasterDem(dem.raster(), GEOID, "rough"), dem, 16, 0.05);
    }

    @Test
    void roughDemExactGeometry() throws Exception {
        RoughDem dem = new RoughDem();
        check(new RasterDem(dem.raster(), GEOID, "rough"), dem, 1, 1e-3);
    }

    @Test
    void gridFarFromTheSwathIsAllNaN() throws Exception {
        double[][] fp = new SarLocator(orbit, geometry).footprint(48);
        CoordinateReferenceSystem utm = Projections.utm(12.5, 41.9);
        TargetGrid near = TargetGrid.covering(fp[0], fp[1], utm, 10);
        MapGeoCoding far = near.geoCoding().shifted(-8000, 0); // 80 km west: below the near range
        TargetGrid grid = new TargetGrid(far, 300, 300);
        for (int step : new int[] {16, 1}) {
            TerrainCorrectionRaster tc = new TerrainCorrectionRaster(source, new ZeroDoppler(orbit, geometry),
                    new GeoidOnlyDem(GEOID), grid, step);
            for (float v : tc.read(0, new Region(0, 0, 300, 300)).floats()) assertTrue(Float.isNaN(v));
        }
    }

    /**
     * The image resampling methods against the source positions the raster itself uses: bands
     * hold the sample, the sample squared and the sample with NaN no-data left of sample 100.
     * Nearest gives the value of the pixel containing the point; bicubic reproduces the quadratic
     * exactly where its 4×4 support is inside and valid, bilinear does not; NaN source pixels stay
     * out of the result.
     */
    @Test
    void imageResamplingMethods() throws Exception {
        float[] linear = new float[LINES * SAMPLES], quad = new float[LINES * SAMPLES], holed = new float[LINES * SAMPLES];
        for (int l = 0, i = 0; l < LINES; l++) {
            for (int s = 0; s < SAMPLES; s++, i++) {
                linear[i] = s;
                quad[i] = s * s;
                holed[i] = s < 100 ? Float.NaN : s;
            }
        }
        Region all = Region.of(SAMPLES, LINES);
        MemoryRaster src = new MemoryRaster(List.of(Band.of("sample", DataType.FLOAT32),
                Band.of("square", DataType.FLOAT32), new Band("holed", DataType.FLOAT32, Float.NaN, true, null, null)),
                new Block[] {new Block(all, DataType.FLOAT32, linear), new Block(all, DataType.FLOAT32, quad),
                        new Block(all, DataType.FLOAT32, holed)}, null);
        double[][] fp = new SarLocator(orbit, geometry).footprint(48);
        TargetGrid grid = TargetGrid.covering(fp[0], fp[1], Projections.utm(12.5, 41.9), 10);
        double bilinearWorstSquare = 0;
        for (Resampling method : Resampling.values()) {
            TerrainCorrectionRaster tc = new TerrainCorrectionRaster(src, new ZeroDoppler(orbit, geometry),
                    new GeoidOnlyDem(GEOID), grid, 16, method);
            int interior = 0, outside = 0;
            for (int ty = 0; ty < grid.height(); ty += 97) {
                for (int tx = 0; tx < grid.width(); tx += 97) {
                    Region r = new Region(tx, ty, Math.min(97, grid.width() - tx), Math.min(97, grid.height() - ty));
                    double[][] pos = tc.sourcePositions(r);
                    float[] lin = tc.read(0, r).floats(), sq = tc.read(1, r).floats(), ho = tc.read(2, r).floats();
                    for (int i = 0; i < lin.length; i++) {
                        double l = pos[0][i], s = pos[1][i];
                        if (!(l > -0.5 && l < LINES - 0.5 && s > -0.5 && s < SAMPLES - 0.5)) {
                            outside++;
                            assertTrue(Float.isNaN(lin[i]) && Float.isNaN(sq[i]) && Float.isNaN(ho[i]), method + " outside");
                            continue;
                        }
                        double containing = Math.floor(s + 0.5);
                        assertEquals(containing < 100, Float.isNaN(ho[i]), method + " no-data at sample " + s);
                        if (l < 2 || l > LINES - 3 || s < 2 || s > SAMPLES - 3) continue;
                        interior++;
                        switch (method) {
                            case NEAREST -> {
                                assertEquals(containing, lin[i], 0, "nearest at sample " + s);
                                assertEquals(containing * containing, sq[i], 0, "nearest at sample " + s);
                            }
                            case BILINEAR -> {
                                assertEquals(s, lin[i], 1e-4, "bilinear at sample " + s);
                                bilinearWorstSquare = Math.max(bilinearWorstSquare, Math.abs(sq[i] - s * s));
                            }
                            case BICUBIC -> {
                                assertEquals(s, lin[i], 1e-4, "bicubic at sample " + s);
                                assertEquals(s * s, sq[i], 1e-2, "bicubic at sample " + s);
                            }
                        }
                        if (s > 102) assertEquals(lin[i], ho[i], 0, method + " away from the no-data");
                    }
                }
            }
            assertTrue(interior > 20000 && outside > 1000, method + ": " + interior + " interior, " + outside + " outside");
        }
        // bilinear's error on a parabola is f·(1−f) ≤ 0.25: the methods really differ
        assertTrue(bilinearWorstSquare > 0.2 && bilinearWorstSquare <= 0.25 + 1e-2, "bilinear " + bilinearWorstSquare);
    }

    private void check(ElevationModel model, RoughDem dem, int step, double tolerance) throws Exception {
        SarLocator locator = new SarLocator(orbit, geometry);
        double[][] fp = locator.footprint(48);
        CoordinateReferenceSystem utm = Projections.utm(12.5, 41.9);
        TargetGrid grid = TargetGrid.covering(fp[0], fp[1], utm, 10);
        TerrainCorrectionRaster tc = new TerrainCorrectionRaster(source, new ZeroDoppler(orbit, geometry), model, grid,
                step);
        assertEquals(Double.NaN, tc.bands().get(0).noData());
        MathTransform toLonLat = CRS.findOperation(utm, Projections.wgs84(), null).getMathTransform();
        double[] gt = grid.geoCoding().geoTransform();
        int inside = 0, outside = 0;
        double worst = 0;
        int tile = 97; // odd tiles exercise region offsets and edge tiles
        for (int ty = 0; ty < grid.height(); ty += tile) {
            for (int tx = 0; tx < grid.width(); tx += tile) {
                Region r = new Region(tx, ty, Math.min(tile, grid.width() - tx), Math.min(tile, grid.height() - ty));
                float[] lines = tc.read(0, r).floats(), samples = tc.read(1, r).floats();
                for (int y = 0; y < r.height(); y++) {
                    for (int x = 0; x < r.width(); x++) {
                        double col = r.x() + x + 0.5, row = r.y() + y + 0.5;
                        double[] p = {gt[0] + col * gt[1], gt[3] + row * gt[5]};
                        toLonLat.transform(p, 0, p, 0, 1);
                        double hgt = GEOID.undulation(p[1], p[0]) + (dem == null ? 0 : dem.height(p[0], p[1]));
                        double[] e = expected(ecef(p[0], p[1], hgt));
                        int i = y * r.width() + x;
                        if (e[0] > 0.5 && e[0] < LINES - 1.5 && e[1] > 0.5 && e[1] < SAMPLES - 1.5) {
                            inside++;
                            double err = Math.max(Math.abs(lines[i] - e[0]), Math.abs(samples[i] - e[1]));
                            worst = Math.max(worst, err);
                        } else if (e[0] < -0.6 || e[0] > LINES - 0.4 || e[1] < -0.6 || e[1] > SAMPLES - 0.4) {
                            outside++;
                            assertTrue(Float.isNaN(lines[i]) && Float.isNaN(samples[i]),
                                    "outside the swath must be NaN at " + col + "," + row);
                        }
                    }
                }
            }
        }
        System.out.println("terrain correction " + model.describe() + ", node step " + step + ": " + grid.width()
                + "x" + grid.height() + " px, worst line/sample error " + worst + " px");
        assertTrue(inside > 20000 && outside > 1000, inside + " inside, " + outside + " outside");
        assertTrue(worst < tolerance, "worst line/sample error " + worst + " px, step " + step);
    }

    /** Independent (line, sample): straight orbit → closed-form zero-Doppler time; SRGR by hand. */
    private double[] expected(double[] p) {
        double t = dot(sub(p, s0), v0) / dot(v0, v0);
        double r = norm(sub(sub(p, s0), scale(v0, t)));
        List<SrgrConversion> c = geometry.conversions();
        double w = (t - c.get(0).azimuthTime()) / (c.get(1).azimuthTime() - c.get(0).azimuthTime());
        double g0 = horner(c.get(0).srgrCoefficients(), r - c.get(0).sr0());
        double g1 = horner(c.get(1).srgrCoefficients(), r - c.get(1).sr0());
        return new double[] {(t - geometry.firstLineTime()) / DT, (g0 + w * (g1 - g0)) / SPACING};
    }

    private static double horner(double[] c, double x) {
        double p = 0;
        for (int k = c.length - 1; k >= 0; k--) p = p * x + c[k];
        return p;
    }

    /** WGS 84 geodetic → ECEF, written out here to stay independent of {@link Ellipsoid}. */
    private static double[] ecef(double lonDeg, double latDeg, double h) {
        double a = 6378137.0, e2 = 0.00669437999014;
        double phi = Math.toRadians(latDeg), lam = Math.toRadians(lonDeg);
        double n = a / Math.sqrt(1 - e2 * Math.sin(phi) * Math.sin(phi));
        return new double[] {(n + h) * Math.cos(phi) * Math.cos(lam), (n + h) * Math.cos(phi) * Math.sin(lam),
                (n * (1 - e2) + h) * Math.sin(phi)};
    }

    private static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private static double[] scale(double[] a, double f) {
        return new double[] {a[0] * f, a[1] * f, a[2] * f};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
