package eu.ai4c.agri.lstm;

/**
 * Settings of one LSTM training run. The service parameters of {@code train_lstm} plus the
 * architecture (defaults: one LSTM layer of 64 units, 16 TimeSen2Crop classes).
 *
 * @param epochs       passes over the training set (&gt; 1)
 * @param batchSize    series per optimiser step (&gt; 2, a power of two)
 * @param classWeights weight each series's loss by {@code N / (K·n_c)} of its class c
 *                     (K classes present, n_c series of class c), as Keras's "balanced" weights
 * @param learningRate Adam step size, in (0, 1)
 * @param seed         seeds weight initialisation and batch shuffling: same seed, same model
 * @param units        LSTM units per layer
 * @param lstmLayers   stacked LSTM layers
 * @param classes      output classes (class ids 0 … classes-1)
 */
public record TrainingOptions(int epochs, int batchSize, boolean classWeights, double learningRate, long seed,
                              int units, int lstmLayers, int classes) {

    /** TimeSen2Crop classes. */
    public static final int TIMESEN2CROP_CLASSES = 16;

    public TrainingOptions {
        if (epochs < 1 || batchSize < 1 || !(learningRate > 0 && learningRate < 1) || units < 1 || lstmLayers < 1
                || classes < 2) {
            throw new IllegalArgumentException("invalid training options " + epochs + "/" + batchSize + "/"
                    + learningRate + "/" + units + "/" + lstmLayers + "/" + classes);
        }
    }

    /** The service defaults: 50 epochs, batch 32, no class weights, lr 1e-3, LSTM 64 → 16 classes. */
    public static TrainingOptions defaults() {
        return new TrainingOptions(50, 32, false, 1e-3, 42L, 64, 1, TIMESEN2CROP_CLASSES);
    }

    public TrainingOptions withEpochs(int n) {
        return new TrainingOptions(n, batchSize, classWeights, learningRate, seed, units, lstmLayers, classes);
    }

    public TrainingOptions withBatchSize(int n) {
        return new TrainingOptions(epochs, n, classWeights, learningRate, seed, units, lstmLayers, classes);
    }

    public TrainingOptions withClassWeights(boolean on) {
        return new TrainingOptions(epochs, batchSize, on, learningRate, seed, units, lstmLayers, classes);
    }

    public TrainingOptions withLearningRate(double lr) {
        return new TrainingOptions(epochs, batchSize, classWeights, lr, seed, units, lstmLayers, classes);
    }

    public TrainingOptions withSeed(long s) {
        return new TrainingOptions(epochs, batchSize, classWeights, learningRate, s, units, lstmLayers, classes);
    }

    public TrainingOptions withArchitecture(int lstmUnits, int layers) {
        return new TrainingOptions(epochs, batchSize, classWeights, learningRate, seed, lstmUnits, layers, classes);
    }
}
