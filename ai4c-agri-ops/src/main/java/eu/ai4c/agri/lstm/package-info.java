/**
 * LSTM crop-type classification of pixel time series (monthly composites, TimeSen2Crop).
 *
 * <ul>
 * <li>{@link eu.ai4c.agri.lstm.LstmModel} — architecture, weights (Keras layout) and per-band
 *     normalisation; {@link eu.ai4c.agri.lstm.LstmH5} reads/writes it as {@code model.h5}
 *     (Keras 2 {@code model.save} layout plus {@code /normalization}).</li>
 * <li>{@link eu.ai4c.agri.lstm.LstmTrainer} — DJL/PyTorch CPU training with
 *     {@link eu.ai4c.agri.lstm.TrainingOptions}, {@link eu.ai4c.agri.lstm.TrainingListener}
 *     ({@code onEpoch(EpochResult)}), {@code requestStop()} keeping the best epoch, returning a
 *     {@link eu.ai4c.agri.lstm.TrainingResult}.</li>
 * <li>{@link eu.ai4c.agri.lstm.DjlLstmClassifier} — thread-safe PyTorch
 *     {@link eu.ai4c.agri.model.SequenceClassifier} (what {@code ModelFiles.open} returns through
 *     {@link eu.ai4c.agri.lstm.LstmH5Format}); {@link eu.ai4c.agri.lstm.LstmClassifier} is the
 *     plain-Java counterpart, for models PyTorch's LSTM cannot run and as a cross-check.</li>
 * <li>{@link eu.ai4c.agri.lstm.TrainLstmOperator} — the {@code train_lstm} service.</li>
 * </ul>
 */
package eu.ai4c.agri.lstm;
