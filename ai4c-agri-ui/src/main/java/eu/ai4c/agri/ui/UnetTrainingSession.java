package eu.ai4c.agri.ui;

import eu.ai4c.agri.unet.UnetOperator;
import eu.ai4c.agri.unet.UnetTrainer;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One {@code unet -action train} run as the U-Net training window drives it, without any display:
 * the service's own training ({@link UnetOperator#train}: the same patches, model, log, curves,
 * confusion matrix and metrics files as the command line) with the window's listener on each
 * finished epoch. {@link #stop()} ends training after the current batch and keeps the best
 * epoch so far. One run per instance: {@link #run} on a background thread, {@link #stop()} from
 * any thread.
 */
public final class UnetTrainingSession {
    private final ParameterValues params;
    private final Path outputDir;
    private final List<UnetTrainer.Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile UnetTrainer trainer;
    private volatile boolean stopRequested;

    /**
     * @param params    validated {@code unet} parameters with {@code -action train}
     * @param outputDir the output folder (model and reports)
     */
    public UnetTrainingSession(ParameterValues params, Path outputDir) {
        if (!"train".equals(params.getString("action"))) {
            throw new IllegalArgumentException("a U-Net training session runs -action train, not " + params.getString("action"));
        }
        this.params = params;
        this.outputDir = outputDir;
    }

    /** Receives each finished epoch (on the training thread). */
    public void addListener(UnetTrainer.Listener listener) {
        listeners.add(listener);
    }

    /** Ends training after the current batch; the run keeps and writes the best model so far. */
    public void stop() {
        stopRequested = true;
        UnetTrainer t = trainer;
        if (t != null) t.requestStop();
    }

    /** Trains and writes the service's outputs (model first); {@code context} carries threads and progress. */
    public UnetOperator.Trained run(ProcessingContext context) throws IOException {
        UnetTrainer t = new UnetTrainer(UnetOperator.options(params, context));
        t.addListener(e -> {
            // a stop asked for before training began (while the tiles were cut) reaches the trainer here
            if (stopRequested) t.requestStop();
            for (UnetTrainer.Listener l : listeners) l.onEpoch(e);
        });
        trainer = t;
        if (stopRequested) t.requestStop();
        return UnetOperator.train(params, params.getPath("inputDir"), outputDir, t, context);
    }
}
