package eu.ai4c.spark.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.spark.BatchMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ai4c-batch bench spark-batch} at a tiny size: listed, runs, prints its JSON line with the peer and the overhead. */
class SparkBatchBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void tinyRunPrintsOneResultWithItsPeer() throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = BatchMain.run(new String[] {"bench", "spark-batch", "--size", "240", "-Pscenes=2", "--warmup", "0",
                "--work-dir", dir.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, out + "\n" + err);
        String line = out.toString().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
        JsonNode r = new ObjectMapper().readTree(line);
        assertEquals("spark-batch", r.get("name").asText());
        assertEquals("ai4c sequential", r.get("peer").asText());
        assertTrue(r.get("seconds").asDouble() > 0 && r.get("peer_seconds").asDouble() > 0, line);
        assertEquals(2, r.get("scenes").asInt());
        assertTrue(r.get("pixels_identical").asBoolean(), line);
        assertEquals(Math.round((r.get("seconds").asDouble() / r.get("peer_seconds").asDouble() - 1) * 100),
                Math.round(r.get("overhead_percent").asDouble()), 1, line);

        StringWriter list = new StringWriter();
        assertEquals(0, BatchMain.run(new String[] {"bench", "list"}, new PrintWriter(list, true), new PrintWriter(err, true)));
        assertTrue(list.toString().contains("spark-batch"), list.toString());
    }
}
