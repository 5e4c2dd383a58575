package eu.ai4c.kit.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CF netCDF-3 writer, checked by reading back, by ncdump and by GDAL. */
class Netcdf3WriterTest {
    @TempDir
    Path tmp;

    static final int W = 5;
    static final int H = 4;
    static final int M = 3;
    static final int T = 2;

    static double value(int t, int m, int r, int c) {
        return 10 + t * 1.5 + m * 0.25 + r * 0.125 - c * 0.0625;
    }

    private Path writeEnsemble() throws IOException {
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("units", "ug m-3");
        pm.put("long_name", "PM2.5 mass concentration");
        pm.put("_FillValue", Float.NaN);
        Map<String, Object> packed = new LinkedHashMap<>();
        packed.put("scale_factor", 0.001);
        packed.put("add_offset", 20.0);
        packed.put("_FillValue", (short) -32767);
        packed.put("units", "ug m-3");
        return new Netcdf3Writer()
                .dimension("time", T).dimension("member", M).dimension("lat", H).dimension("lon", W)
                .attribute("Conventions", "CF-1.8").attribute("title", "test ensemble")
                .variable("time", NcType.DOUBLE, List.of("time"), Map.of("units", "hours since 2024-01-01 00:00:00",
                        "calendar", "standard", "standard_name", "time"))
                .variable("member", NcType.INT, List.of("member"), Map.of("long_name", "ensemble member", "standard_name", "realization"))
                .variable("lat", NcType.DOUBLE, List.of("lat"), Map.of("units", "degrees_north", "standard_name", "latitude"))
                .variable("lon", NcType.DOUBLE, List.of("lon"), Map.of("units", "degrees_east", "standard_name", "longitude"))
                .variable("pm2p5", NcType.FLOAT, List.of("time", "member", "lat", "lon"), pm)
                .variable("pm2p5_packed", NcType.SHORT, List.of("time", "lat", "lon"), packed)
                .write(tmp.resolve("ens.nc"), (name, index, out) -> {
                    switch (name) {
                        case "time" -> { out[0] = 0; out[1] = 6; }
                        case "member" -> { for (int m = 0; m < M; m++) out[m] = m + 1; }
                        case "lat" -> { for (int r = 0; r < H; r++) out[r] = 45.35 - r * 0.1; }
                        case "lon" -> { for (int c = 0; c < W; c++) out[c] = 5.05 + c * 0.1; }
                        case "pm2p5" -> {
                            int i = 0;
                            for (int m = 0; m < M; m++) for (int r = 0; r < H; r++) for (int c = 0; c < W; c++) {
                                out[i++] = (m == 1 && r == 2 && c == 3) ? Double.NaN : value(index, m, r, c);
                            }
                        }
                        default -> {
                            for (int r = 0, i = 0; r < H; r++) for (int c = 0; c < W; c++) {
                                out[i++] = r == 0 && c == 0 ? Double.NaN : value(index, 0, r, c);
                            }
                        }
                    }
                });
    }

    @Test
    void valuesRoundTripThroughOurReader() throws IOException {
        Path file = writeEnsemble();
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(file), s.toList(), "only the finished file, no temporary left");
        }
        try (NetcdfFile f = Netcdf.open(file)) {
            assertEquals("64-bit offset", f.format());
            assertEquals("CF-1.8", f.globalAttributes().get("Conventions"));
            NcVariable pm = f.variable("pm2p5");
            assertArrayEquals(new long[] {T, M, H, W}, pm.shape());
            float[] t1 = f.read(pm, 1);
            assertEquals((float) value(1, 2, 3, 4), t1[2 * H * W + 3 * W + 4]);
            assertTrue(Float.isNaN(t1[H * W + 2 * W + 3]));
            float[] packed = f.read(f.variable("pm2p5_packed"), 1);
            assertTrue(Float.isNaN(packed[0]));
            for (int i = 1; i < H * W; i++) {
                // packing step 0.001: error at most half a step (plus float rounding)
                assertEquals(value(1, 0, i / W, i % W), packed[i], 0.0005 + 1e-5);
            }
            CfGrid g = CfGrid.of(f, pm);
            assertEquals(45.35, g.north(), 1e-12);
            assertEquals(5.05, g.west(), 1e-12);
        }
    }

    @Test
    void ncdumpAndGdalReadIt() throws Exception {
        Path file = writeEnsemble();
        String header = Ncdump.run("-h", file.toString());
        assertTrue(header.contains(":Conventions = \"CF-1.8\""), header);
        assertTrue(header.contains("float pm2p5(time, member, lat, lon)"), header);
        assertTrue(header.contains("pm2p5:units = \"ug m-3\""), header);
        assertTrue(header.contains("short pm2p5_packed(time, lat, lon)"), header);
        assertEquals("64-bit offset", Ncdump.run("-k", file.toString()).trim());
        double[] dumped = Ncdump.values(file, "pm2p5");
        assertEquals(T * M * H * W, dumped.length);
        assertEquals((float) value(1, 2, 3, 4), (float) dumped[dumped.length - 1]);
        assertTrue(Double.isNaN(dumped[H * W + 2 * W + 3]), "fill value printed as _ by ncdump");

        // GDAL 3.6 warns, for CF files, about any extra dimension of a 4-D variable that is not time or
        // vertical ("dimension #1 (member) is not a Time dimension"); CF allows a realization
        // dimension, so that check alone is switched off
        JsonNode info = new ObjectMapper().readTree(run("gdalinfo", "--config", "GDAL_NETCDF_VERIFY_DIMS", "NO",
                "-json", "NETCDF:\"" + file + "\":pm2p5"));
        assertEquals(W, info.get("size").get(0).asInt());
        assertEquals(H, info.get("size").get(1).asInt());
        assertEquals(T * M, info.get("bands").size(), "GDAL makes one band per (time, member)");
        JsonNode gt = info.get("geoTransform");
        assertEquals(5.0, gt.get(0).asDouble(), 1e-9);
        assertEquals(0.1, gt.get(1).asDouble(), 1e-9);
        assertEquals(45.4, gt.get(3).asDouble(), 1e-9);
        assertEquals(-0.1, gt.get(5).asDouble(), 1e-9);
        // band 6 = time 1, member 2; pixel (4, 3) is its south-east corner
        String v = run("gdallocationinfo", "--config", "GDAL_NETCDF_VERIFY_DIMS", "NO", "-valonly", "-b", "6", "NETCDF:\"" + file + "\":pm2p5", "4", "3").trim();
        assertEquals(value(1, 2, 3, 4), Double.parseDouble(v), 1e-5);
    }

    @Test
    void failedWriteLeavesNothing() {
        Netcdf3Writer w = new Netcdf3Writer().dimension("x", 3)
                .variable("v", NcType.FLOAT, List.of("x"), Map.of());
        assertThrows(IOException.class, () -> w.write(tmp.resolve("bad.nc"), (n, i, out) -> {
            throw new IOException("source failed");
        }));
        assertFalse(Files.exists(tmp.resolve("bad.nc")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(0, s.count());
        } catch (IOException e) {
            fail(e);
        }
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        } catch (IOException e) {
            return fail(cmd[0] + " is not installed: install gdal-bin to run the netCDF writer tests.");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) fail(String.join(" ", cmd) + " failed: " + err);
        if (err.contains("ERROR") || err.contains("Warning")) fail(String.join(" ", cmd) + " complained: " + err);
        return out;
    }
}
