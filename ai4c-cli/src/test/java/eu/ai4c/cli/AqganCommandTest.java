package eu.ai4c.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.aq.synthetic.SyntheticCams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aqgan commands exactly as the specification's table 14 gives them, without an output option:
 * they write into the config's output_path (relative to the config's folder). Other services still
 * require an output.
 */
class AqganCommandTest {
    @TempDir
    Path dir;

    @Test
    void table14CommandsWriteIntoTheConfiguredOutputPath() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        new SyntheticCams(64, 64, 8, 46.0, 8.0, 0.1, Instant.parse("2024-01-01T00:00:00Z"), 12, 3, 5).write(data);
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, SyntheticCams.TINY_CONFIG.replace("output_path: out", "output_path: results"));
        Cli pre = Cli.run("aqgan-preproc", "--start-date", "2024010100", "--end-date", "2024010221", "--dataset", "cams",
                "--config", config.toString(), "--quiet");
        assertEquals(0, pre.exit(), pre.toString());
        assertTrue(Files.isRegularFile(dir.resolve("results/samples/cams_train.nc")), pre.toString());
        Cli train = Cli.run("aqgan-train", "--model", "srgan", "--start-date", "2024010100", "--end-date", "2024010221",
                "--config", config.toString(), "--quiet");
        assertEquals(0, train.exit(), train.toString());
        assertEquals(dir.resolve("results/srgan_cams.aqgan").toString(), train.out().strip());

        Cli warp = Cli.run("Warp", "--input", config.toString());
        assertEquals(2, warp.exit(), warp.toString());
        assertTrue(warp.err().contains("Missing required option: '--output_path=<path>'"), warp.toString());
    }
}
