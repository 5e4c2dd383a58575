package eu.ai4c.agri.lstm;

import java.util.List;

/**
 * The outcome of a training run: the kept model (best validation accuracy, ties to the lower
 * validation loss; the last epoch without a validation set), every epoch's figures and whether
 * the run was stopped early through {@link LstmTrainer#requestStop()}. Immutable.
 *
 * @param bestEpoch 1-based epoch whose weights {@code model} holds
 */
public record TrainingResult(LstmModel model, List<EpochResult> history, int bestEpoch, boolean stoppedEarly,
                             double seconds) {

    public TrainingResult {
        history = List.copyOf(history);
    }
}
