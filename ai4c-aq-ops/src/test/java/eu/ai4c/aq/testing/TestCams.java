package eu.ai4c.aq.testing;

import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.aq.config.ConfigYaml;
import eu.ai4c.aq.synthetic.SyntheticCams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Test-sized synthetic CAMS data and a matching configuration (small network, test frames). */
public final class TestCams {
    public static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private TestCams() {
    }

    /** 128 × 128 HR cells of 0.1° (LR 16 × 16 of 0.8°) over northern Italy, {@code steps} 3-hourly steps. */
    public static SyntheticCams data(int steps) {
        return new SyntheticCams(128, 128, 8, 47.0, 5.0, 0.1, START, steps, 3, 7);
    }

    /** The YAML of a test-sized training (frames 4 × 4 → 32 × 32, small networks, a higher learning rate). */
    public static String yaml(int epochs) {
        return """
                input_frame: 4 x 4
                output_frame: 32 x 32
                aoi: {lat_min: 30.0, lat_max: 50.0, lon_min: 0.0, lon_max: 20.0}
                output_path: out
                generator_filters: 16
                discriminator_filters: 8
                residual_blocks: 2
                noise_channels: 2
                learning_rate: 1.0e-3
                batch_size: 32
                critic_steps: 1
                adversarial_weight: 0.001
                epochs: %d
                data:
                  lr_path: data/cams_lr.nc
                  hr_path: data/cams_hr.nc
                  static_path: data/static_hr.nc
                ensemble_size: 10
                """.formatted(epochs);
    }

    /** A tiny set-up for operator tests: 64 × 64 HR cells, a minimal network, one epoch of batches of 8. */
    public static AqConfig setUpTiny(Path dir, int steps) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        new SyntheticCams(64, 64, 8, 46.0, 8.0, 0.1, START, steps, 3, 5).write(dir.resolve("data"));
        Files.writeString(dir.resolve("config.yaml"), yaml(1).replace("generator_filters: 16", "generator_filters: 8")
                .replace("discriminator_filters: 8", "discriminator_filters: 4").replace("residual_blocks: 2",
                        "residual_blocks: 1").replace("batch_size: 32", "batch_size: 8").replace("ensemble_size: 10",
                        "ensemble_size: 4"));
        return ConfigYaml.read(dir.resolve("config.yaml"));
    }

    /** Writes the data into {@code dir/data} and the config into {@code dir/config.yaml}. */
    public static AqConfig setUp(Path dir, int steps, int epochs) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        data(steps).write(dir.resolve("data"));
        Files.writeString(dir.resolve("config.yaml"), yaml(epochs));
        return ConfigYaml.read(dir.resolve("config.yaml"));
    }
}
