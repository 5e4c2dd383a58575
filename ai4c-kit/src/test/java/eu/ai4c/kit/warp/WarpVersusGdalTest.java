package eu.ai4c.kit.warp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.testutil.Gdal;
import eu.ai4c.kit.tile.TileGrid;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * The warp against {@code gdalwarp} on the same target grid ({@code -te} + {@code -ts}), both
 * directions UTM ↔ WGS 84, with no-data, exchanged through ENVI files.
 *
 * <p>Exact transforms on both sides ({@code -et 0} / max error 0): the remaining difference is
 * PROJ's versus SIS's coordinate arithmetic, measured at 3e-9 px by {@code sisAndProjAgreeFarBelowTheAllowance}. So:</p>
 * <ul>
 * <li>every pixel whose value or validity differs must have its source point within 1e-6 px of
 *     a discontinuity of the kernel (a pixel edge for nearest/validity, a pixel centre for the
 *     bilinear/cubic neighbour choice): there a 1e-7 px disagreement legitimately flips the
 *     choice; such pixels must also be rare (≤ 0.1 %);</li>
 * <li>nearest values are otherwise identical;</li>
 * <li>bilinear/bicubic values agree within 2.5e-4: both sides compute in double with the same
 *     formulas and round to float32, whose ulp is 1.2e-4 for the scene's values (600…1500); so
 *     one ulp from a last-bit difference before rounding, plus a 1e-7 px coordinate difference
 *     times the steepest gradient of the scene (≈ 200 per pixel, 2e-5), stays below two ulps.
 *     (Measured: at most one ulp.)</li>
 * </ul>
 */
class WarpVersusGdalTest {
    static final double BOUNDARY_PX = 1e-6;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1} exact")
    @CsvSource({
            "UTM_TO_WGS84, NEAREST, 0", "UTM_TO_WGS84, BILINEAR, 2.5e-4", "UTM_TO_WGS84, BICUBIC, 2.5e-4",
            "WGS84_TO_UTM, NEAREST, 0", "WGS84_TO_UTM, BILINEAR, 2.5e-4", "WGS84_TO_UTM, BICUBIC, 2.5e-4"})
    void exactTransformMatchesGdalwarp(String direction, Resampling method, double tolerance) throws Exception {
        boolean toWgs = direction.equals("UTM_TO_WGS84");
        MapGeoCoding srcGrid = toWgs ? WarpFixtures.utmGrid() : WarpFixtures.geographicGrid();
        int w = 180, h = 150;
        MemoryRaster src = WarpFixtures.scene(srcGrid, w, h, true);
        CoordinateReferenceSystem targetCrs = toWgs ? Projections.wgs84() : Projections.parse("EPSG:32633", 0, 0);
        TargetGrid grid = testGrid(srcGrid, w, h, targetCrs, toWgs);

        WarpRaster warp = new WarpRaster(src, grid, method, 0);
        double[] ours = WarpFixtures.readTiled(warp, 64);
        double[] gdal = gdalwarp(src, grid, toWgs ? "EPSG:4326" : "EPSG:32633", method, true);

        PixelTransform pt = PixelTransform.between(grid.geoCoding(), srcGrid);
        int n = grid.width() * grid.height();
        double[] sx = new double[n], sy = new double[n];
        pt.sourceCoordinates(new Region(0, 0, grid.width(), grid.height()), 0, sx, sy);

        int valid = 0, explained = 0, unexplained = 0;
        double maxDiff = 0;
        String firstBad = null;
        for (int i = 0; i < n; i++) {
            boolean ov = ours[i] != WarpFixtures.NO_DATA, gv = gdal[i] != WarpFixtures.NO_DATA;
            boolean same = ov == gv && (!ov || Math.abs(ours[i] - gdal[i]) <= tolerance);
            if (ov && gv) valid++;
            if (same) {
                if (ov) maxDiff = Math.max(maxDiff, Math.abs(ours[i] - gdal[i]));
                continue;
            }
            if (nearDiscontinuity(sx[i]) || nearDiscontinuity(sy[i])) {
                explained++;
            } else {
                unexplained++;
                if (firstBad == null) {
                    firstBad = String.format(Locale.ROOT, "pixel (%d,%d): ours %.6f gdal %.6f, source point (%.9f, %.9f)",
                            i % grid.width(), i / grid.width(), ours[i], gdal[i], sx[i], sy[i]);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s %s: %dx%d, %d valid, max |diff| %.3g, %d explained, %d unexplained%n",
                direction, method, grid.width(), grid.height(), valid, maxDiff, explained, unexplained);
        assertEquals(0, unexplained, "pixels differing from gdalwarp away from any discontinuity, first: " + firstBad);
        assertTrue(explained <= n / 1000, explained + " pixels differ at discontinuities, more than 0.1 %");
        assertTrue(valid > n / 3, "too few valid pixels (" + valid + ") for a meaningful comparison");
        assertTrue(valid < n, "the grid should include no-data outside the footprint");
    }

    /**
     * The premise of the 1e-6 px allowance: SIS and PROJ (through gdaltransform) put the same
     * points at the same place to far better than 1e-6 source pixels (20 m pixels: 20 µm).
     */
    @Test
    void sisAndProjAgreeFarBelowTheAllowance() {
        StringBuilder in = new StringBuilder();
        double[] lonLat = new double[2 * 100];
        for (int i = 0; i < 100; i++) {
            lonLat[2 * i] = 13.70 + 0.0007 * (i % 10);
            lonLat[2 * i + 1] = 45.12 + 0.0005 * (i / 10);
            in.append(fmt(lonLat[2 * i])).append(' ').append(fmt(lonLat[2 * i + 1])).append('\n');
        }
        String[] lines = Gdal.runWithInput(in.toString(), "gdaltransform", "-output_xy", "-s_srs", "EPSG:4326",
                "-t_srs", "EPSG:32633").trim().split("\n");
        assertEquals(100, lines.length);
        MapGeoCoding wgs = MapGeoCoding.northUp(Projections.wgs84(), 0, 0, 1, 1);
        PixelTransform pt = PixelTransform.between(wgs, WarpFixtures.utmGrid());
        double[] xy = new double[2 * 100];
        for (int i = 0; i < 100; i++) {
            xy[2 * i] = lonLat[2 * i];
            xy[2 * i + 1] = -lonLat[2 * i + 1];   // pixel row of the unit grid is -latitude
        }
        pt.transformInPlace(xy, 100);
        MapGeoCoding utm = WarpFixtures.utmGrid();
        double max = 0;
        for (int i = 0; i < 100; i++) {
            String[] f = lines[i].trim().split("\\s+");
            double[] proj = utm.toPixel(Double.parseDouble(f[0]), Double.parseDouble(f[1]));
            max = Math.max(max, Math.max(Math.abs(proj[0] - xy[2 * i]), Math.abs(proj[1] - xy[2 * i + 1])));
        }
        System.out.printf(Locale.ROOT, "SIS vs PROJ: max difference %.2g source pixels%n", max);
        assertTrue(max < 1e-7, "SIS and PROJ differ by " + max + " px");
    }

    /**
     * UInt16 with no-data 0 (the Sentinel-2 L1C/L2A convention), exact transforms: integer results
     * are rounded half up and clamped as gdalwarp does, so values must be identical; a pixel may
     * differ by one only if its double value sits on a rounding tie within the last bits (none
     * expected: allowed for at most 0.01 % of the pixels).
     */
    @ParameterizedTest(name = "uint16 {0}")
    @CsvSource({"NEAREST", "BILINEAR", "BICUBIC"})
    void unsignedIntegersRoundAsGdalwarp(Resampling method) throws Exception {
        MapGeoCoding srcGrid = WarpFixtures.utmGrid();
        int w = 180, h = 150;
        MemoryRaster src = WarpFixtures.unsignedScene(srcGrid, w, h);
        TargetGrid grid = testGrid(srcGrid, w, h, Projections.wgs84(), true);
        double[] ours = WarpFixtures.readTiled(new WarpRaster(src, grid, method, 0), 100);
        Path in = WarpFixtures.writeEnvi(src, dir.resolve("u16.img"));
        Path out = dir.resolve("u16_out.img");
        MapGeoCoding g = grid.geoCoding();
        Gdal.run("gdalwarp", "-q", "-overwrite", "-of", "ENVI", "-t_srs", "EPSG:4326",
                "-te", fmt(g.x(0, 0)), fmt(g.y(0, grid.height())), fmt(g.x(grid.width(), 0)), fmt(g.y(0, 0)),
                "-ts", Integer.toString(grid.width()), Integer.toString(grid.height()),
                "-r", method.gdalName(), "-et", "0", in.toString(), out.toString());
        double[] gdal = WarpFixtures.readEnvi(out);
        int offByOne = 0, zeros = 0;
        for (int i = 0; i < ours.length; i++) {
            double d = Math.abs(ours[i] - gdal[i]);
            assertTrue(d <= 1, "pixel " + i + ": ours " + ours[i] + ", gdalwarp " + gdal[i]);
            if (d == 1) offByOne++;
            if (ours[i] == 0) zeros++;
        }
        System.out.printf(Locale.ROOT, "uint16 %s: %d pixels, %d no-data, %d off by one%n", method, ours.length, zeros, offByOne);
        assertTrue(offByOne <= ours.length / 10000, offByOne + " pixels off by one");
        assertTrue(zeros > 0 && zeros < ours.length / 2);
    }

    /**
     * Default (approximate) transforms on both sides: gdalwarp's approximate transformer and our
     * grid interpolation each stay within 0.125 source pixels of the exact point (in practice far
     * less for UTM ↔ WGS 84 at these scales, measured below). The scene here is smooth (no
     * texture; steepest gradient 400·0.21 ≈ 84 per pixel), so a coordinate difference of δ px
     * changes a bilinear value by at most 84·δ.
     */
    @ParameterizedTest(name = "{0} approximate")
    @CsvSource({"NEAREST", "BILINEAR"})
    void approximateTransformStaysCloseToGdalwarpDefault(Resampling method) throws Exception {
        MapGeoCoding srcGrid = WarpFixtures.utmGrid();
        int w = 400, h = 300;
        MemoryRaster src = WarpFixtures.smoothScene(srcGrid, w, h);
        TargetGrid grid = testGrid(srcGrid, w, h, Projections.wgs84(), true);
        double[] ours = WarpFixtures.readTiled(new WarpRaster(src, grid, method, PixelTransform.DEFAULT_MAX_ERROR), 256);
        double[] gdal = gdalwarp(src, grid, "EPSG:4326", method, false);

        PixelTransform pt = PixelTransform.between(grid.geoCoding(), srcGrid);
        int n = grid.width() * grid.height();
        double[] ex = new double[n], ey = new double[n], ax = new double[n], ay = new double[n];
        Region all = new Region(0, 0, grid.width(), grid.height());
        pt.sourceCoordinates(all, 0, ex, ey);
        double maxErr = 0;
        // The approximation is computed per tile: check it on the tiles the raster used.
        TileGrid tiles = new TileGrid(grid.width(), grid.height(), 256, 256);
        for (int r = 0; r < tiles.tilesDown(); r++) {
            for (int c = 0; c < tiles.tilesAcross(); c++) {
                Region reg = tiles.tile(c, r);
                double[] tx = new double[(int) reg.area()], ty = new double[(int) reg.area()];
                pt.sourceCoordinates(reg, PixelTransform.DEFAULT_MAX_ERROR, tx, ty);
                for (int i = 0; i < tx.length; i++) {
                    int k = (reg.y() + i / reg.width()) * grid.width() + reg.x() + i % reg.width();
                    maxErr = Math.max(maxErr, Math.abs(tx[i] - ex[k]) + Math.abs(ty[i] - ey[k]));
                }
            }
        }
        assertTrue(maxErr <= PixelTransform.DEFAULT_MAX_ERROR, "our approximation error " + maxErr + " px");
        // Our point and gdalwarp's are each within their error of the exact one.
        double slack = PixelTransform.DEFAULT_MAX_ERROR + maxErr;
        double tolerance = 84 * slack;
        int differ = 0, valid = 0;
        double maxDiff = 0;
        for (int i = 0; i < n; i++) {
            boolean ov = ours[i] != WarpFixtures.NO_DATA, gv = gdal[i] != WarpFixtures.NO_DATA;
            if (ov != gv) {
                differ++;
                assertTrue(distanceToRasterEdge(ex[i], ey[i], w, h) <= slack, "validity differs inside the raster at " + i);
                continue;
            }
            if (!ov) continue;
            valid++;
            double d = Math.abs(ours[i] - gdal[i]);
            maxDiff = Math.max(maxDiff, d);
            if (method == Resampling.NEAREST && d > 0) {
                differ++;
                assertTrue(distanceToPixelEdge(ex[i], ey[i]) <= slack, "nearest differs away from pixel edges at " + i);
            } else {
                assertTrue(d <= tolerance, "bilinear differs by " + d + " at " + i);
            }
        }
        System.out.printf(Locale.ROOT, "approximate %s: our max coordinate error %.2g px; %d valid, %d differ, max |diff| %.3g%n",
                method, maxErr, valid, differ, maxDiff);
        assertTrue(valid > n / 3);
    }

    static double distanceToPixelEdge(double x, double y) {
        return Math.min(Math.abs(x - Math.rint(x)), Math.abs(y - Math.rint(y)));
    }

    static double distanceToRasterEdge(double x, double y, int w, int h) {
        return Math.min(Math.min(Math.abs(x), Math.abs(x - w)), Math.min(Math.abs(y), Math.abs(y - h)));
    }

    /** True within {@link #BOUNDARY_PX} of a multiple of 0.5 (pixel edges and centres). */
    static boolean nearDiscontinuity(double c) {
        double f = c * 2 - Math.rint(c * 2);
        return Math.abs(f) < 2 * BOUNDARY_PX;
    }

    /**
     * A target grid over the footprint widened by 3 % (so it has no-data corners), with pixels
     * about 0.8 of the source pixel size (so gdalwarp uses its plain 2×2 / 4×4 kernels, which it
     * widens only when downsampling).
     */
    static TargetGrid testGrid(MapGeoCoding src, int w, int h, CoordinateReferenceSystem crs, boolean toWgs) {
        double[] box = TargetGrid.footprint(src, w, h, crs);
        double mx = 0.03 * (box[2] - box[0]), my = 0.03 * (box[3] - box[1]);
        double[] ext = {box[0] - mx, box[1] - my, box[2] + mx, box[3] + my};
        double res;
        if (toWgs) {
            res = 0.8 * 20 / eu.ai4c.kit.geo.Wgs84.metresPerDegree(45)[1];
        } else {
            res = 0.8 * 0.0002 * eu.ai4c.kit.geo.Wgs84.metresPerDegree(45)[0];
        }
        int cols = (int) Math.round((ext[2] - ext[0]) / res), rows = (int) Math.round((ext[3] - ext[1]) / res);
        ext[2] = ext[0] + cols * res;
        ext[1] = ext[3] - rows * res;
        return TargetGrid.derive(src, w, h, crs, (ext[2] - ext[0]) / cols, (ext[3] - ext[1]) / rows, ext, false);
    }

    double[] gdalwarp(MemoryRaster src, TargetGrid grid, String targetSrs, Resampling method, boolean exact)
            throws Exception {
        Path in = WarpFixtures.writeEnvi(src, dir.resolve("src.img"));
        Path out = dir.resolve("gdal_" + method + ".img");
        MapGeoCoding g = grid.geoCoding();
        double minX = g.x(0, 0), maxY = g.y(0, 0);
        double maxX = g.x(grid.width(), 0), minY = g.y(0, grid.height());
        Gdal.run("gdalwarp", "-q", "-overwrite", "-of", "ENVI", "-t_srs", targetSrs,
                "-te", fmt(minX), fmt(minY), fmt(maxX), fmt(maxY),
                "-ts", Integer.toString(grid.width()), Integer.toString(grid.height()),
                "-r", method.gdalName(), "-et", exact ? "0" : "0.125",
                "-srcnodata", fmt(WarpFixtures.NO_DATA), "-dstnodata", fmt(WarpFixtures.NO_DATA),
                in.toString(), out.toString());
        return WarpFixtures.readEnvi(out);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }
}
