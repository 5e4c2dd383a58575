package eu.ai4c.desktop.form;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.ProductWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the target product goes: an existing folder (the product is written there under its own
 * name plus the format's extension, as {@code --output_path <folder>} does) and an output format
 * among the registered writers (as {@code --output_format}).
 *
 * <h2>Thread-safety</h2>
 * Not thread-safe; used on the event thread or by one test thread.
 */
public final class TargetField {
    /** The command line's default output format. */
    public static final String DEFAULT_FORMAT = "GeoTIFF";
    private String folder = "";
    private String format = DEFAULT_FORMAT;

    TargetField() {
    }

    /** Canonical names of the registered writers, e.g. GeoTIFF, COG, BEAM-DIMAP. */
    public static List<String> formats() {
        return ProductIO.writers().stream().map(w -> w.formatNames().get(0)).toList();
    }

    public String folder() {
        return folder;
    }

    public void setFolder(String value) {
        this.folder = value == null ? "" : value;
    }

    public String format() {
        return format;
    }

    public void setFormat(String value) {
        this.format = value == null || value.isBlank() ? DEFAULT_FORMAT : value;
    }

    /** The writer of the chosen format. */
    public ProductWriter writer() {
        return ProductIO.writer(format);
    }

    /** The target folder; call only when {@link #message()} is empty. */
    public Path folderPath() {
        return Path.of(folder.strip());
    }

    /** What is wrong with folder or format, or empty when both are usable. */
    public Optional<String> message() {
        Optional<String> f = formatMessage();
        return f.isPresent() ? f : folderMessage();
    }

    /** What is wrong with the format, or empty when a writer has it. */
    public Optional<String> formatMessage() {
        try {
            ProductIO.writer(format);
            return Optional.empty();
        } catch (Ai4cException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** What is wrong with the folder, or empty when it exists and is writable. */
    public Optional<String> folderMessage() {
        if (folder.isBlank()) return Optional.of("Choose the target folder the product is written into.");
        try {
            Path p = Path.of(folder.strip());
            if (!Files.isDirectory(p)) {
                return Optional.of("Target folder " + p + " does not exist: choose an existing folder.");
            }
            if (!Files.isWritable(p)) return Optional.of("Target folder " + p + " is not writable: choose another.");
            return Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.of("Target folder \"" + folder + "\" is not a valid path: " + e.getReason() + ".");
        }
    }
}
