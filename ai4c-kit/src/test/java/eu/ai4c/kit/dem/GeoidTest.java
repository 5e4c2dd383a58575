package eu.ai4c.kit.dem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoidTest {
    private static final Geoid GEOID = Geoid.locate(null);

    @Test
    void knownEgm96Undulations() {
        assertEquals(17.16, GEOID.undulation(0, 0), 0.01);
        double rome = GEOID.undulation(41.9, 12.5);
        assertTrue(rome > 48 && rome < 49, "N at Rome " + rome);
    }

    @Test
    void bilinearValuesAgreeWithGdalTransform() throws Exception {
        double[][] lonLat = {{0, 0}, {12.5, 41.9}, {-73.98, 40.75}, {151.2, -33.87}, {179.93, 10.1},
                {-179.93, -10.1}, {359.0 - 360.0, 51.4}, {86.92, 27.99}, {-70.3, -89.9}, {20.1, 89.95}};
        double[] gdal = gdalUndulations(lonLat);
        for (int i = 0; i < lonLat.length; i++) {
            assertEquals(gdal[i], GEOID.undulation(lonLat[i][1], lonLat[i][0]), 0.01,
                    "lon " + lonLat[i][0] + " lat " + lonLat[i][1]);
        }
        // longitudes given in 0..360 are the same place
        assertEquals(GEOID.undulation(51.4, -1.0), GEOID.undulation(51.4, 359.0), 1e-9);
    }

    @Test
    void nodeValuesAgreeWithGdalLocationInfo() throws Exception {
        double[][] nodes = {{12.5, 42.0}, {-45.25, -12.75}, {100.0, 0.25}};
        for (double[] p : nodes) {
            String out = run("gdallocationinfo", "-valonly", "-wgs84", Geoid.DEFAULT_PATH.toString(),
                    Double.toString(p[0]), Double.toString(p[1]));
            assertEquals(Double.parseDouble(out.trim()), GEOID.undulation(p[1], p[0]), 1e-4);
        }
    }

    @Test
    void missingExplicitFileIsAClearError(@TempDir Path dir) {
        Path missing = dir.resolve("nope.gtx");
        Ai4cException e = assertThrows(Ai4cException.class, () -> Geoid.locate(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void truncatedFileIsAClearError(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.gtx");
        Files.write(bad, java.util.Arrays.copyOf(Files.readAllBytes(Geoid.DEFAULT_PATH), 1000));
        Ai4cException e = assertThrows(Ai4cException.class, () -> Geoid.load(bad));
        assertTrue(e.getMessage().contains("not a valid GTX"), e.getMessage());
    }

    /** N from PROJ through GDAL: ellipsoid height 0 → EGM96 height −N. */
    private static double[] gdalUndulations(double[][] lonLat) throws Exception {
        StringBuilder in = new StringBuilder();
        for (double[] p : lonLat) in.append(String.format(Locale.ROOT, "%.6f %.6f 0%n", p[0], p[1]));
        String out = runWithInput(in.toString(), "gdaltransform", "-s_srs", "EPSG:4979", "-t_srs", "EPSG:4326+5773");
        String[] lines = out.trim().split("\\R");
        assertEquals(lonLat.length, lines.length, out);
        double[] n = new double[lines.length];
        for (int i = 0; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            n[i] = -Double.parseDouble(f[2]);
        }
        return n;
    }

    static String run(String... cmd) throws Exception {
        return runWithInput(null, cmd);
    }

    static String runWithInput(String input, String... cmd) throws Exception {
        List<String> c = new ArrayList<>(List.of(cmd));
        Process p;
        try {
            p = new ProcessBuilder(c).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(cmd[0] + " is needed for this test (install gdal-bin): " + e.getMessage(), e);
        }
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", c) + " failed: " + out);
        return out;
    }
}
