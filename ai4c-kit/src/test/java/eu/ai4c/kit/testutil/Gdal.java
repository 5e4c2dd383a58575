package eu.ai4c.kit.testutil;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the GDAL command-line tools as independent checks; a missing tool fails the test. */
public final class Gdal {

    private Gdal() {
    }

    /** Runs a GDAL command, returning its standard output; fails the test on a non-zero exit or a missing tool. */
    public static String run(String... command) {
        return runWithInput(null, command);
    }

    /**
     * {@code gdalinfo -json} of {@code file}, parsed. GDAL's warnings share the output stream (see
     * {@link #run}), so the JSON object is taken from the first '{' to the last '}'.
     */
    public static JsonNode info(Path file) {
        String out = run("gdalinfo", "-json", file.toString());
        int start = out.indexOf('{'), end = out.lastIndexOf('}');
        if (start < 0 || end < start) return fail("gdalinfo -json " + file + " printed no JSON:\n" + out);
        try {
            return new ObjectMapper().readTree(out.substring(start, end + 1));
        } catch (JsonProcessingException e) {
            return fail("gdalinfo -json " + file + " printed unreadable JSON (" + e.getOriginalMessage() + "):\n" + out);
        }
    }

    /** Like {@link #run} with {@code input} written to the tool's standard input. */
    public static String runWithInput(String input, String... command) {
        List<String> cmd = new ArrayList<>(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("GDAL_NUM_THREADS", "1");
        try {
            Process p = pb.start();
            try (var stdin = p.getOutputStream()) {
                if (input != null) stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", cmd) + " did not finish in 120 s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) fail(String.join(" ", cmd) + " failed (" + p.exitValue() + "):\n" + text);
            return text;
        } catch (IOException e) {
            return fail(command[0] + " is not installed or not on PATH (" + e.getMessage()
                    + "): install gdal-bin to run this check.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }
}
