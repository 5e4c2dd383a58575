package eu.ai4c.kit.io.geotiff;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.kit.raster.Block;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper: runs the GDAL command-line tools (failing the test with a clear message when one is
 * missing or fails), writes ENVI raw files as GDAL input, and extracts samples of blocks as doubles.
 */
final class GdalFiles {
    private static final Pattern EPSG_ID = Pattern.compile("ID\\[\"EPSG\",(\\d+)\\]\\]\\s*$");

    private GdalFiles() {
    }

    /** Runs a command, returns its standard output; fails the test if the tool is missing or exits non-zero. */
    static String run(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        try {
            Process p = pb.start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> slurp(p.getErrorStream()));
            String out = slurp(p.getInputStream());
            int rc = p.waitFor();
            if (rc != 0) fail(String.join(" ", command) + " failed (" + rc + "): " + err.join());
            return out;
        } catch (IOException e) {
            return fail("GDAL tool " + command.get(0) + " is not available (" + e.getMessage()
                    + "); install gdal-bin to run this test.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    static String run(String... command) {
        return run(List.of(command));
    }

    private static String slurp(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** gdalinfo -json of a file. */
    static JsonNode info(Path file) throws IOException {
        return new ObjectMapper().readTree(run("gdalinfo", "-json", file.toString()));
    }

    /** The EPSG code of the CRS reported by gdalinfo -json (the outermost ID), or -1. */
    static int epsg(JsonNode info) {
        JsonNode wkt = info.path("coordinateSystem").path("wkt");
        if (wkt.isMissingNode()) return -1;
        Matcher m = EPSG_ID.matcher(wkt.asText());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The geotransform reported by gdalinfo -json. */
    static double[] geoTransform(JsonNode info) {
        JsonNode gt = info.path("geoTransform");
        double[] d = new double[gt.size()];
        for (int i = 0; i < d.length; i++) d[i] = gt.get(i).asDouble();
        return d;
    }

    /** Writes an ENVI header for a little-endian band-sequential raw file {@code raw}. */
    static void writeEnviHeader(Path raw, int width, int height, int bands, int enviType, List<String> bandNames)
            throws IOException {
        String name = raw.getFileName().toString();
        Path hdr = raw.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".hdr");
        List<String> lines = new ArrayList<>(List.of("ENVI", "samples = " + width, "lines = " + height,
                "bands = " + bands, "header offset = 0", "file type = ENVI Standard", "data type = " + enviType,
                "interleave = bsq", "byte order = 0"));
        if (bandNames != null) lines.add("band names = {" + String.join(", ", bandNames) + "}");
        Files.write(hdr, lines);
    }

    /** The samples of a block as doubles (real and imaginary parts for complex), unsigned types unsigned. */
    static double[] values(Block b) {
        int n = Math.toIntExact(b.region().area()) * b.type().valuesPerSample();
        double[] d = new double[n];
        switch (b.type()) {
            case BYTE -> { byte[] a = b.bytes(); for (int i = 0; i < n; i++) d[i] = a[i] & 0xFF; }
            case INT16 -> { short[] a = b.shorts(); for (int i = 0; i < n; i++) d[i] = a[i]; }
            case UINT16 -> { short[] a = b.shorts(); for (int i = 0; i < n; i++) d[i] = a[i] & 0xFFFF; }
            case INT32 -> { int[] a = b.ints(); for (int i = 0; i < n; i++) d[i] = a[i]; }
            case FLOAT32, CFLOAT32 -> { float[] a = b.floats(); for (int i = 0; i < n; i++) d[i] = a[i]; }
            case FLOAT64 -> System.arraycopy(b.doubles(), 0, d, 0, n);
        }
        return d;
    }

    /** Byte value written by {@link #byteImage} at (x, y) of band b. */
    static int byteValue(int x, int y, int b) {
        return (x + 3 * y + 50 * b) & 0xFF;
    }

    /** Writes an ENVI Byte image {@code name.bin} (+ .hdr) of {@link #byteValue} samples. */
    static Path byteImage(Path dir, String name, int width, int height, int bands, List<String> bandNames)
            throws IOException {
        byte[] data = new byte[width * height * bands];
        for (int b = 0, i = 0; b < bands; b++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) data[i++] = (byte) byteValue(x, y, b);
            }
        }
        Path raw = dir.resolve(name + ".bin");
        Files.write(raw, data);
        writeEnviHeader(raw, width, height, bands, 1, bandNames);
        return raw;
    }

    /** gdal_translate -q {@code args} src dst; returns dst. */
    static Path translate(Path src, Path dst, String... args) {
        List<String> cmd = new ArrayList<>(List.of("gdal_translate", "-q"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of(src.toString(), dst.toString()));
        run(cmd);
        return dst;
    }
}
