package eu.ai4c.agri.lstm;

/**
 * Receives the progress of an {@link LstmTrainer} run as it happens, e.g. a desktop training
 * window drawing loss curves. Called on the training thread: return quickly, hand work to the
 * UI thread. To stop early keeping the best model so far, call {@link LstmTrainer#requestStop()}.
 */
public interface TrainingListener {

    /** An epoch finished (after its validation). */
    void onEpoch(EpochResult result);

    /** A batch of the current epoch finished ({@code batch} of {@code batches}, 1-based). */
    default void onBatch(int epoch, int batch, int batches) {
    }
}
