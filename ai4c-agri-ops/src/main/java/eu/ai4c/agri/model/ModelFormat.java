package eu.ai4c.agri.model;

import java.nio.file.Path;

/**
 * A file format of trained sequence classifiers (for instance the AI4C/Keras LSTM {@code .h5}
 * layout). Implementations are registered in
 * {@code META-INF/services/eu.ai4c.agri.model.ModelFormat} and found by {@link ModelFiles}.
 * Implementations are stateless and thread-safe.
 */
public interface ModelFormat {

    /** Short name for messages, e.g. {@code "LSTM .h5"}. */
    String name();

    /** Whether this format reads {@code file} (cheap check: extension, signature, a header group). */
    boolean accepts(Path file);

    /** Opens the model; errors are {@code Ai4cException}s naming the file, the problem and the fix. */
    SequenceClassifier open(Path file);
}
