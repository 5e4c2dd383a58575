package eu.ai4c.desktop.form;

import eu.ai4c.kit.op.SourceDescriptor;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A source product in a form: the path of a file or folder (a {@code .SAFE} folder, a
 * {@code .zip}, a GeoTIFF, …) as text. The accepted formats are those of the descriptor's
 * description, shown as the picker's hint.
 *
 * <h2>Thread-safety</h2>
 * Not thread-safe; used on the event thread or by one test thread.
 */
public final class SourceField {
    private final SourceDescriptor descriptor;
    private String text = "";

    SourceField(SourceDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    public SourceDescriptor descriptor() {
        return descriptor;
    }

    /** The source name ({@code input}, {@code input1}); the view names its editor {@code source.<name>}. */
    public String name() {
        return descriptor.name();
    }

    public String text() {
        return text;
    }

    public void setText(String value) {
        this.text = value == null ? "" : value;
    }

    public boolean isGiven() {
        return !text.isBlank();
    }

    /** The path, or empty when none is given. */
    public Optional<Path> path() {
        return isGiven() ? Optional.of(Path.of(text.strip())) : Optional.empty();
    }

    /** What is wrong with the current value (missing, no such file), or empty when it is usable. */
    public Optional<String> message() {
        if (!isGiven()) {
            return descriptor.optional() ? Optional.empty()
                    : Optional.of("Choose the source product " + descriptor.name() + ": " + descriptor.description() + ".");
        }
        try {
            Path p = Path.of(text.strip());
            if (!Files.exists(p)) return Optional.of("Source " + p + " does not exist: check the path.");
            return Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.of("Source \"" + text + "\" is not a valid path: " + e.getReason() + ".");
        }
    }
}
