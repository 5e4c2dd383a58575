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
        Files.writeString(config, String.join("\n", "input_frame: 4 x 4", "output_frame: 32 x 32",
                "aoi: {lat_min: 30.0, lat_max: 50.0, lon_min: 0.0, lon_max: 20.0}", "output_path: results",
                "generator_filters: 8", "discriminator_filters: 4", "residual_blocks: 1", "noise_channels: 2",
                "learning_rate: 1.0e-3", "batch_size: 8", "epochs: 1", "data:", "  lr_path: data/cams_lr.nc",
                "  hr_path: data/cams_hr.nc", "  static_path: data/static_hr.nc", "ensemble_size: 2", ""));
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
