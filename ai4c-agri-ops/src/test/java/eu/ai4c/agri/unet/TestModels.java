package eu.ai4c.agri.unet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Models for the tests of the U-Net's engines. */
public final class TestModels {
    private TestModels() {
    }

    /**
     * {@code model} with batch-norm parameters and running statistics drawn away from their
     * initial 1/0 (so that folding or ignoring them would show) and a non-trivial input
     * normalisation. The last batch norm of each bottleneck gets small scales, as trained ResNets
     * tend to have: with scales near 1 the 16 residual sums of the untrained network grow to
     * logits of ~150, where float32 rounding alone exceeds the tolerance.
     */
    public static UnetModel perturbed(UnetModel model, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, Safetensors.Tensor> w = new LinkedHashMap<>();
        for (Map.Entry<String, Safetensors.Tensor> e : model.weights().entrySet()) {
            String name = e.getKey();
            Safetensors.Tensor t = e.getValue();
            boolean bn = model.weights().containsKey(name.substring(0, name.lastIndexOf('.')) + ".running_var");
            if (!bn) {
                w.put(name, t);
                continue;
            }
            float[] v = new float[t.values().length];
            for (int i = 0; i < v.length; i++) {
                double u = rng.nextDouble();
                v[i] = (float) (name.endsWith(".running_var") ? 0.5 + 1.5 * u
                        : name.endsWith(".bn3.weight") ? 0.1 + 0.2 * u // small last gammas keep the residual sums bounded
                        : name.endsWith(".weight") ? 0.6 + 0.8 * u : 0.4 * (u - 0.5));
            }
            w.put(name, new Safetensors.Tensor(t.shape(), v));
        }
        return new UnetModel(model.backbone(), List.of("B2", "B3", "B4", "B8"), model.classIds(), model.patchSize(),
                new float[] {700, 800, 600, 2500}, new float[] {300, 350, 400, 900}, w);
    }

}
