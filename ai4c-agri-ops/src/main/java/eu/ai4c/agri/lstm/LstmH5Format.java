package eu.ai4c.agri.lstm;

import eu.ai4c.agri.model.ModelFormat;
import eu.ai4c.agri.model.SequenceClassifier;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@link ModelFormat} of LSTM classifiers in the Keras/AI4C {@code .h5} layout
 * ({@link LstmH5}); opens them as a thread-safe {@link LstmClassifier}. Stateless.
 */
public final class LstmH5Format implements ModelFormat {

    @Override
    public String name() {
        return "LSTM .h5";
    }

    @Override
    public boolean accepts(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return (n.endsWith(".h5") || n.endsWith(".hdf5") || n.endsWith(".keras.h5")) && LstmH5.isModelFile(file);
    }

    @Override
    public SequenceClassifier open(Path file) {
        return new LstmClassifier(LstmH5.read(file));
    }
}
