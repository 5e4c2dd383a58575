package eu.ai4c.agri.model;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.EngineServices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Opens trained model files with the first registered {@link ModelFormat} that accepts them. */
public final class ModelFiles {
    private ModelFiles() {
    }

    /** The registered formats (see {@link EngineServices}), in class-path order. */
    public static List<ModelFormat> formats() {
        return EngineServices.load(ModelFormat.class);
    }

    /** Opens {@code file} as a sequence classifier; the caller closes it. */
    public static SequenceClassifier open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw Ai4cException.usage("--model " + file + ": no such file. Give a model file written by"
                    + " train_lstm (.h5).");
        }
        List<ModelFormat> formats = formats();
        for (ModelFormat format : formats) {
            if (format.accepts(file)) return format.open(file);
        }
        List<String> names = formats.stream().map(ModelFormat::name).toList();
        throw Ai4cException.usage("--model " + file + ": not a model file AI4C reads (formats: "
                + (names.isEmpty() ? "none installed" : String.join(", ", names))
                + "). Give a model written by train_lstm or converted to its .h5 layout.");
    }
}
