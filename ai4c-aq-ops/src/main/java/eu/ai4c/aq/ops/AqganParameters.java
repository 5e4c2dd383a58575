package eu.ai4c.aq.ops;

import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.aq.config.ConfigYaml;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import eu.ai4c.kit.op.ParameterValues;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The parameters the aqgan commands share (specification table 14), declared once: {@code
 * --start-date}, {@code --end-date} (YYYYMMDDHH, UTC), {@code --dataset}, {@code --config},
 * {@code --model}; and their parsing.
 */
public final class AqganParameters {
    private static final DateTimeFormatter HOURLY = DateTimeFormatter.ofPattern("yyyyMMddHH");

    private AqganParameters() {
    }

    public static ParameterDescriptor startDate() {
        return ParameterDescriptor.builder("startDate", ParameterType.STRING).option("--start-date").required()
                .label("Start date").description("First time step, YYYYMMDDHH (UTC), e.g. 2024010100.").build();
    }

    public static ParameterDescriptor endDate() {
        return ParameterDescriptor.builder("endDate", ParameterType.STRING).option("--end-date").required()
                .label("End date").description("Last time step (inclusive), YYYYMMDDHH (UTC).").build();
    }

    public static ParameterDescriptor dataset() {
        return ParameterDescriptor.builder("dataset", ParameterType.STRING).option("--dataset").defaultValue("cams")
                .label("Dataset name").description("Name of the pre-processed samples and of the model trained on them.")
                .build();
    }

    public static ParameterDescriptor config() {
        return ParameterDescriptor.builder("config", ParameterType.PATH).option("--config").required()
                .label("Configuration (YAML)")
                .description("YAML configuration (table 15 settings; data paths relative to its folder).").build();
    }

    public static ParameterDescriptor model() {
        return ParameterDescriptor.builder("model", ParameterType.CHOICE).option("--model").valueSet("srgan")
                .defaultValue("srgan").label("Model type").description("Type of super-resolution model (only srgan).")
                .build();
    }

    /** A YYYYMMDDHH date as an instant (UTC). */
    public static Instant date(ParameterValues p, String name, String option) {
        String v = p.getString(name).trim();
        try {
            return LocalDateTime.parse(v, HOURLY).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw Ai4cException.usage("invalid value \"" + v + "\" for " + option + ": expected YYYYMMDDHH, e.g. 2024010100.");
        }
    }

    /** The configuration, with the output folder the front end gives. */
    public static AqConfig config(ParameterValues p, Path outputDir) throws IOException {
        return ConfigYaml.read(p.getPath("config")).withOutputPath(outputDir.toAbsolutePath().toString());
    }

    /**
     * The config's {@code output_path} (relative to the config's folder): where the aqgan commands
     * write when no output folder is given, as in the specification's table 14 commands.
     */
    public static Path configuredOutput(ParameterValues p) throws IOException {
        return base(p).resolve(ConfigYaml.read(p.getPath("config")).outputPath()).normalize();
    }

    /** The folder relative data paths are resolved against: the config file's. */
    public static Path base(ParameterValues p) {
        Path parent = p.getPath("config").toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }
}
