package eu.ai4c.desktop.view;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** GDAL command-line tools as independent checks; a missing tool fails the test saying what to install. */
final class Gdal {
    private Gdal() {
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (IOException e) {
            fail(command[0] + " is not installed (" + e.getMessage() + "): install gdal-bin (apt-get install gdal-bin).");
            throw e;
        }
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish");
        }
        if (p.exitValue() != 0) fail(String.join(" ", command) + " failed: " + new String(err, StandardCharsets.UTF_8));
        return new String(out, StandardCharsets.UTF_8);
    }

    static JsonNode info(Path file) throws IOException, InterruptedException {
        return new ObjectMapper().readTree(run("gdalinfo", "-json", file.toString()));
    }
}
