package eu.ai4c.agri.lstm;

/**
 * Weights of one LSTM layer in the Keras layout (gate order i, f, c, o along the {@code 4·units}
 * axis, row-major): {@code kernel} {@code [inputs, 4·units]}, {@code recurrentKernel}
 * {@code [units, 4·units]}, {@code bias} {@code [4·units]}. PyTorch/DJL keep the transposes
 * ({@code weight_ih [4·units, inputs]}, {@code weight_hh [4·units, units]}) and two biases whose
 * sum is {@code bias}; see {@link DjlLstmNetwork}. Arrays are shared: treat them as read-only.
 *
 * @param name                layer name in the model file ({@code lstm}, {@code lstm_1})
 * @param returnSequences     whether the layer passes every step on (true below another LSTM)
 * @param activation          cell/output activation (Keras {@code activation}, normally tanh)
 * @param recurrentActivation gate activation (Keras {@code recurrent_activation}, normally sigmoid)
 */
public record LstmLayer(String name, int inputs, int units, float[] kernel, float[] recurrentKernel, float[] bias,
                        boolean returnSequences, Activation activation, Activation recurrentActivation) {

    public LstmLayer {
        if (kernel.length != inputs * 4 * units || recurrentKernel.length != units * 4 * units
                || bias.length != 4 * units) {
            throw new IllegalArgumentException("LSTM layer " + name + ": weights do not match " + inputs
                    + " inputs and " + units + " units");
        }
    }
}
