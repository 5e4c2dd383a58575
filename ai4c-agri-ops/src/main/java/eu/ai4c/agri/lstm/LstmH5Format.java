package eu.ai4c.agri.lstm;

import eu.ai4c.agri.model.ModelFormat;
import eu.ai4c.agri.model.SequenceClassifier;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ModelFormat} of LSTM classifiers in the Keras/AI4C {@code .h5} layout
 * ({@link LstmH5}). Opens them on DJL/PyTorch ({@link DjlLstmClassifier}, the fastest) when the
 * architecture allows, else (e.g. Keras 1 {@code hard_sigmoid} gates, or the PyTorch natives
 * cannot be loaded) as the plain-Java {@link LstmClassifier}; both are thread-safe. Stateless.
 */
public final class LstmH5Format implements ModelFormat {
    private static final Logger LOG = LoggerFactory.getLogger(LstmH5Format.class);

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
        LstmModel model = LstmH5.read(file);
        if (DjlLstmNetwork.supports(model)) {
            try {
                return new DjlLstmClassifier(model);
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                LOG.warn("{}: PyTorch engine unavailable ({}); classifying with the slower plain-Java LSTM", file,
                        e.getMessage());
            }
        }
        return new LstmClassifier(model);
    }
}
