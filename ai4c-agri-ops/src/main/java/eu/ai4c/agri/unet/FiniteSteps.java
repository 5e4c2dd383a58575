package eu.ai4c.agri.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a training step again until all its gradients are finite: PyTorch 2.7.1's oneDNN
 * convolution backward pass rarely returns a NaN gradient for a finite loss (see the module
 * README), which DJL would keep in its gradient buffers for good. Between tries the gradients are
 * zeroed and the batch-norm running statistics restored, so a step computed again does not count
 * its batch twice. At most {@link UnetTrainer#RETRIES} tries again. Stateless.
 */
final class FiniteSteps {
    private static final Logger LOG = LoggerFactory.getLogger(FiniteSteps.class);

    /** One forward and backward pass; returns its values, the loss first. */
    interface Step {
        float[] run();
    }

    private FiniteSteps() {
    }

    /**
     * Runs {@code step} until {@code net}'s gradients are finite.
     *
     * @param what the kind of batch, for messages ("training", "pre-training")
     * @return the step's values followed by the number of steps computed again
     */
    static float[] run(Block net, String what, Step step) {
        List<Parameter> running = new ArrayList<>();
        List<NDArray> saved = new ArrayList<>();
        for (Parameter p : net.getParameters().values()) {
            if (p.getType() == Parameter.Type.RUNNING_MEAN || p.getType() == Parameter.Type.RUNNING_VAR) {
                running.add(p);
                saved.add(p.getArray().duplicate());
            }
        }
        try {
            for (int attempt = 0; ; attempt++) {
                float[] values = step.run();
                if (finiteGradients(net)) {
                    float[] out = java.util.Arrays.copyOf(values, values.length + 1);
                    out[values.length] = attempt;
                    return out;
                }
                clearGradients(net);
                for (int i = 0; i < running.size(); i++) saved.get(i).copyTo(running.get(i).getArray());
                if (attempt >= UnetTrainer.RETRIES) {
                    throw new IllegalStateException("unet: the gradients of a " + what + " batch stayed non-finite after "
                            + UnetTrainer.RETRIES + " tries (loss " + values[0] + "); lower -lr, or check the patches"
                            + " for extreme values.");
                }
                LOG.debug("unet: non-finite gradient in a {} step (loss {}); step computed again", what, values[0]);
            }
        } finally {
            for (NDArray a : saved) a.close();
        }
    }

    /** Whether every trainable parameter's gradient is finite. */
    static boolean finiteGradients(Block net) {
        for (Parameter p : net.getParameters().values()) {
            if (!p.requiresGradient()) continue;
            if (!Float.isFinite(p.getArray().getGradient().sum().getFloat())) return false;
        }
        return true;
    }

    /** Sets every gradient to 0 (a subtraction would keep NaN). */
    static void clearGradients(Block net) {
        for (Parameter p : net.getParameters().values()) {
            if (!p.requiresGradient()) continue;
            NDArray g = p.getArray().getGradient();
            g.set(FloatBuffer.wrap(new float[(int) g.size()]));
        }
    }
}
