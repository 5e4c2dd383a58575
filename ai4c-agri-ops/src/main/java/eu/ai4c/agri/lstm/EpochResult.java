package eu.ai4c.agri.lstm;

/**
 * What one finished training epoch measured. Training loss and accuracy are averages over the
 * epoch's batches (weighted cross-entropy when class weights are on); validation figures use
 * the unweighted cross-entropy and are {@code NaN} without a validation set.
 *
 * @param epoch       1-based epoch number
 * @param epochs      epochs planned
 * @param best        whether this epoch's model is the best so far (kept as the result)
 * @param seconds     wall time of the epoch including validation
 */
public record EpochResult(int epoch, int epochs, double loss, double accuracy, double valLoss, double valAccuracy,
                          boolean best, double seconds) {

    public boolean hasValidation() {
        return !Double.isNaN(valLoss);
    }
}
