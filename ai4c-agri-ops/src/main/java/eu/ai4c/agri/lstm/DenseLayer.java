package eu.ai4c.agri.lstm;

/**
 * Weights of one fully connected layer in the Keras layout: {@code kernel [inputs, units]}
 * row-major and {@code bias [units]} (PyTorch/DJL's {@code weight} is the transpose).
 * Arrays are shared: treat them as read-only.
 */
public record DenseLayer(String name, int inputs, int units, float[] kernel, float[] bias, Activation activation) {

    public DenseLayer {
        if (kernel.length != inputs * units || bias.length != units) {
            throw new IllegalArgumentException("Dense layer " + name + ": weights do not match " + inputs
                    + " inputs and " + units + " units");
        }
    }
}
