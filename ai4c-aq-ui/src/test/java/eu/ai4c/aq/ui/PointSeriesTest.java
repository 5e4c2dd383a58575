package eu.ai4c.aq.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.aq.generate.EnsembleOutputs;
import eu.ai4c.kit.io.netcdf.CfGrid;
import eu.ai4c.kit.io.netcdf.NcType;
import eu.ai4c.kit.io.netcdf.Netcdf3Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The series of one cell read from ensemble files: from the services' own writer ({@link
 * EnsembleOutputs}) the mean and standard deviation as stored, the members' minimum and maximum
 * against an independent computation from the known members, and the LR input of the containing
 * LR cell; from a file that also holds the LR
 * input ({@code pm2p5_lr} on a 4× coarser grid stored south-first) the value of the LR cell that
 * contains the point; the CSV written atomically and reading back to the same floats.
 */
class PointSeriesTest {
    private static final int W = 8, H = 8, M = 4;
    private static final List<Instant> TIMES = List.of(Instant.parse("2024-03-01T00:00:00Z"),
            Instant.parse("2024-03-01T03:00:00Z"), Instant.parse("2024-03-01T06:00:00Z"),
            Instant.parse("2024-03-01T09:00:00Z"));

    @TempDir
    Path dir;

    /** [time][member][cell]: members spread differently per cell, one no-data member at step 2 cell 9. */
    private static float[][][] ensemble() {
        float[][][] e = new float[TIMES.size()][M][W * H];
        for (int t = 0; t < TIMES.size(); t++) {
            for (int m = 0; m < M; m++) {
                for (int i = 0; i < W * H; i++) {
                    e[t][m][i] = (float) (10 + 3 * t + 0.5 * (i % W) + Math.sin(1.7 * m + 0.3 * i + t) * (1 + i / W));
                }
            }
        }
        e[2][1][9] = Float.NaN;
        return e;
    }

    @Test
    void seriesOfACellFromTheServicesOutput() throws Exception {
        float[][][] e = ensemble();
        // the LR input as the services write it: 2 × 2 cells of 0.4° over the 8 × 8 of 0.1°, 100·t + 10·row + col
        CfGrid lrGrid = CfGrid.regular(2, 2, 44.85, 7.15, 0.4, 0.4);
        float[][][] lr = new float[TIMES.size()][1][4];
        for (int t = 0; t < TIMES.size(); t++) for (int i = 0; i < 4; i++) lr[t][0][i] = 100 * t + 10 * (i / 2) + i % 2;
        Path nc = EnsembleOutputs.netcdf(dir.resolve("x_srgan.nc"), CfGrid.regular(W, H, 45.0, 7.0, 0.1, 0.1), TIMES,
                eu.ai4c.aq.generate.EnsembleSteps.of(e), "pm2p5", "ug m-3", "test",
                new EnsembleOutputs.LowRes(lrGrid, eu.ai4c.aq.generate.EnsembleSteps.of(lr)));
        try (EnsembleFile f = EnsembleFile.open(nc)) {
            assertEquals(M, f.memberCount());
            assertTrue(f.hasLowResolution());
            for (int[] rc : new int[][] {{1, 1}, {5, 6}, {0, 7}}) {
                PointSeries s = PointSeries.extract(f, rc[0], rc[1]);
                int cell = rc[0] * W + rc[1];
                assertEquals(45.0 - 0.1 * rc[0], s.lat(), 1e-12);
                assertEquals(7.0 + 0.1 * rc[1], s.lon(), 1e-12);
                assertTrue(s.hasBand());
                assertTrue(s.hasLowRes());
                for (int t = 0; t < TIMES.size(); t++) {
                    double mean = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                    for (int m = 0; m < M; m++) {
                        mean += e[t][m][cell] / (double) M;
                        lo = Math.min(lo, e[t][m][cell]);
                        hi = Math.max(hi, e[t][m][cell]);
                    }
                    double ss = 0;
                    for (int m = 0; m < M; m++) ss += (e[t][m][cell] - mean) * (e[t][m][cell] - mean);
                    if (Double.isNaN(mean)) {
                        assertTrue(Float.isNaN(s.mean()[t]) && Float.isNaN(s.min()[t]) && Float.isNaN(s.max()[t]));
                        continue;
                    }
                    // the writer accumulates in float: a few ulps of ~20
                    assertEquals(mean, s.mean()[t], 2e-5, "mean at step " + t);
                    assertEquals(Math.sqrt(ss / (M - 1)), s.std()[t], 2e-5, "std at step " + t);
                    assertEquals(lo, s.min()[t], 0.0, "member minimum at step " + t);
                    assertEquals(hi, s.max()[t], 0.0, "member maximum at step " + t);
                    assertTrue(s.min()[t] <= s.mean()[t] && s.mean()[t] <= s.max()[t]);
                    assertEquals(100 * t + 10 * (rc[0] / 4) + rc[1] / 4, s.lowRes()[t], 0.0, "LR input at step " + t);
                }
            }
            // the cell with a no-data member: no band at that step, defined at the others
            PointSeries s = PointSeries.extract(f, 1, 1);
            assertTrue(Float.isNaN(s.min()[2]) && Float.isNaN(s.max()[2]) && !Float.isNaN(s.min()[1]));
            IllegalArgumentException out = assertThrows(IllegalArgumentException.class, () -> PointSeries.extract(f, 8, 0));
            assertTrue(out.getMessage().contains("outside the 8 × 8 grid"), out.getMessage());
        }
        // the GeoTIFF of the mean: a series without band
        Path tif = EnsembleOutputs.meanGeoTiff(dir.resolve("x_srgan_mean.tif"),
                CfGrid.regular(W, H, 45.0, 7.0, 0.1, 0.1), TIMES, e);
        try (EnsembleFile f = EnsembleFile.open(tif); EnsembleFile nf = EnsembleFile.open(nc)) {
            PointSeries s = PointSeries.extract(f, 3, 4);
            assertFalse(s.hasBand());
            assertEquals(0, f.memberCount());
            for (int t = 0; t < TIMES.size(); t++) {
                assertEquals(nf.mean(t)[3 * W + 4], s.mean()[t], 0.0);
                assertTrue(Float.isNaN(s.min()[t]) && Float.isNaN(s.std()[t]));
            }
        }
    }

    /**
     * A file with the LR input: HR 8 × 8 at 0.1° under LR 2 × 2 at 0.4°, the LR variable stored
     * south-first (as ERA5-style files may be); each HR cell's series carries its LR cell's value.
     */
    @Test
    void lowResolutionInputOfTheContainingCellAndCsv() throws Exception {
        float[][][] e = ensemble();
        // LR cell centres: 44.85 and 44.45 N, 7.15 and 7.55 E (each covering 4 × 4 HR cells)
        double[] latLr = {44.45, 44.85};
        double[] lonLr = {7.15, 7.55};
        Path nc = dir.resolve("with_lr.nc");
        int nt = TIMES.size();
        new Netcdf3Writer().dimension("time", nt).dimension("member", M).dimension("lat", H).dimension("lon", W)
                .dimension("lat_lr", 2).dimension("lon_lr", 2)
                .variable("time", NcType.DOUBLE, List.of("time"), Map.of("units", "hours since 2024-03-01 00:00:00",
                        "calendar", "standard"))
                .variable("lat", NcType.DOUBLE, List.of("lat"), Map.of("units", "degrees_north"))
                .variable("lon", NcType.DOUBLE, List.of("lon"), Map.of("units", "degrees_east"))
                .variable("lat_lr", NcType.DOUBLE, List.of("lat_lr"), Map.of("units", "degrees_north"))
                .variable("lon_lr", NcType.DOUBLE, List.of("lon_lr"), Map.of("units", "degrees_east"))
                .variable("pm2p5", NcType.FLOAT, List.of("time", "member", "lat", "lon"), Map.of("units", "ug m-3"))
                .variable("pm2p5_mean", NcType.FLOAT, List.of("time", "lat", "lon"), Map.of("units", "ug m-3"))
                .variable("pm2p5_std", NcType.FLOAT, List.of("time", "lat", "lon"), Map.of("units", "ug m-3"))
                .variable("pm2p5_lr", NcType.FLOAT, List.of("time", "lat_lr", "lon_lr"), Map.of("units", "ug m-3"))
                .write(nc, (name, index, out) -> {
                    switch (name) {
                        case "time" -> { for (int t = 0; t < nt; t++) out[t] = 3 * t; }
                        case "lat" -> { for (int r = 0; r < H; r++) out[r] = 45.0 - 0.1 * r; }
                        case "lon" -> { for (int c = 0; c < W; c++) out[c] = 7.0 + 0.1 * c; }
                        case "lat_lr" -> System.arraycopy(latLr, 0, out, 0, 2);
                        case "lon_lr" -> System.arraycopy(lonLr, 0, out, 0, 2);
                        case "pm2p5" -> { for (int m = 0; m < M; m++) for (int i = 0; i < W * H; i++) out[m * W * H + i] = e[index][m][i]; }
                        case "pm2p5_mean" -> { for (int i = 0; i < W * H; i++) out[i] = e[index][0][i]; }
                        case "pm2p5_std" -> java.util.Arrays.fill(out, 1);
                        // stored south-first: file row 0 is 44.45 N; value 100·t + 10·(north row) + column
                        case "pm2p5_lr" -> { for (int r = 0; r < 2; r++) for (int c = 0; c < 2; c++) out[r * 2 + c] = 100 * index + 10 * (1 - r) + c; }
                        default -> throw new IllegalStateException(name);
                    }
                });
        try (EnsembleFile f = EnsembleFile.open(nc)) {
            assertTrue(f.hasLowResolution());
            for (int r = 0; r < H; r++) {
                for (int c = 0; c < W; c++) {
                    PointSeries s = PointSeries.extract(f, r, c);
                    assertTrue(s.hasLowRes());
                    for (int t = 0; t < nt; t++) {
                        assertEquals(100 * t + 10 * (r / 4) + c / 4, s.lowRes()[t], 0.0, "cell " + r + "," + c + " step " + t);
                    }
                }
            }
            PointSeries s = PointSeries.extract(f, 6, 2);
            Path csv = s.writeCsv(dir.resolve("point.csv"));
            List<String> lines = Files.readAllLines(csv);
            assertTrue(lines.get(0).startsWith("# pm2p5 at row 6, column 2 (44.40000 N, 7.20000 E), µg/m³"), lines.get(0));
            assertEquals("time,lat,lon,mean,std,member_min,member_max,lr_input", lines.get(1));
            assertEquals(nt + 2, lines.size());
            for (int t = 0; t < nt; t++) {
                String[] v = lines.get(t + 2).split(",", -1);
                assertEquals(TIMES.get(t).toString(), v[0]);
                assertEquals(s.mean()[t], Float.parseFloat(v[3]), 0.0);
                assertEquals(s.std()[t], Float.parseFloat(v[4]), 0.0);
                assertEquals(s.min()[t], Float.parseFloat(v[5]), 0.0);
                assertEquals(s.max()[t], Float.parseFloat(v[6]), 0.0);
                assertEquals(s.lowRes()[t], Float.parseFloat(v[7]), 0.0);
            }
        }
        // written through a temporary file: nothing else left beside it
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("point.csv", "with_lr.nc"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
        // a folder that cannot be made (a file of that name is in the way): an error naming it, nothing written
        try (EnsembleFile f = EnsembleFile.open(nc)) {
            PointSeries s = PointSeries.extract(f, 0, 0);
            RuntimeException bad = assertThrows(RuntimeException.class, () -> s.writeCsv(nc.resolve("point.csv")));
            assertTrue(bad.getMessage().contains(nc.toString()), bad.getMessage());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("point.csv", "with_lr.nc"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
