package eu.ai4c.kit.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.kit.raster.DataType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the GDAL command-line tools as independent checks of written files. A missing tool fails
 * the test with a message saying what to install.
 */
final class GdalTools {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GdalTools() {
    }

    /** Runs a command, failing the test on a non-zero exit; returns stdout. */
    static String run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            fail(command[0] + " is not installed (" + e.getMessage() + "): install gdal-bin (apt-get install gdal-bin)"
                    + " to run the GeoTIFF writer tests.");
            throw e;
        }
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish");
        }
        String stderr = new String(err, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            fail(String.join(" ", command) + " failed (" + p.exitValue() + "): " + stderr);
        }
        return new String(out, StandardCharsets.UTF_8) + (stderr.isBlank() ? "" : "\nSTDERR: " + stderr);
    }

    /** {@code gdalinfo -json} parsed; fails on any warning or error GDAL prints. */
    static JsonNode info(Path file, String... options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("gdalinfo", "-json"));
        cmd.addAll(List.of(options));
        cmd.add(file.toString());
        String out = run(cmd.toArray(String[]::new));
        int err = out.indexOf("\nSTDERR: ");
        if (err >= 0) fail("gdalinfo reported problems with " + file + ": " + out.substring(err));
        return JSON.readTree(out);
    }

    private static int headerValue(String hdr, String key) {
        Matcher m = Pattern.compile("(?m)^\\s*" + key + "\\s*=\\s*(\\d+)").matcher(hdr);
        if (!m.find()) fail("ENVI header has no " + key + ": " + hdr);
        return Integer.parseInt(m.group(1));
    }

    /**
     * Converts {@code file} (or one of its overview levels when {@code overview >= 0}) to ENVI with
     * gdal_translate and reads the raw band-sequential samples back, one array per band.
     */
    static Object[] readThroughEnvi(Path file, int overview, DataType type, Path workDir)
            throws IOException, InterruptedException {
        String stem = file.getFileName().toString().replace('.', '_') + (overview >= 0 ? "_ovr" + overview : "");
        Path envi = workDir.resolve(stem + ".bin");
        List<String> cmd = new ArrayList<>(List.of("gdal_translate", "-q", "-of", "ENVI"));
        if (overview >= 0) cmd.addAll(List.of("-oo", "OVERVIEW_LEVEL=" + overview));
        cmd.add(file.toString());
        cmd.add(envi.toString());
        run(cmd.toArray(String[]::new));
        String hdr = Files.readString(workDir.resolve(stem + ".hdr"));
        int w = headerValue(hdr, "samples"), h = headerValue(hdr, "lines"), bands = headerValue(hdr, "bands");
        assertEquals(0, headerValue(hdr, "byte order"), "ENVI output is little-endian");
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(envi)).order(ByteOrder.LITTLE_ENDIAN);
        int n = w * h;
        assertEquals((long) n * bands * type.bytesPerSample(), buf.capacity(), "ENVI file size");
        Object[] out = new Object[bands];
        for (int b = 0; b < bands; b++) {
            Object a = type.allocate(n);
            switch (type) {
                case BYTE -> buf.get((byte[]) a);
                case INT16, UINT16 -> {
                    buf.asShortBuffer().get((short[]) a);
                    buf.position(buf.position() + 2 * n);
                }
                case INT32 -> {
                    buf.asIntBuffer().get((int[]) a);
                    buf.position(buf.position() + 4 * n);
                }
                case FLOAT32, CFLOAT32 -> {
                    int values = n * type.valuesPerSample();
                    buf.asFloatBuffer().get((float[]) a, 0, values);
                    buf.position(buf.position() + 4 * values);
                }
                case FLOAT64 -> {
                    buf.asDoubleBuffer().get((double[]) a);
                    buf.position(buf.position() + 8 * n);
                }
            }
            out[b] = a;
        }
        return out;
    }
}
