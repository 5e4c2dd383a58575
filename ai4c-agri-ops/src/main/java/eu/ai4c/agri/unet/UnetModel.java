package eu.ai4c.agri.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained U-Net: its architecture, the per-band normalisation of its inputs, the label ids of
 * its output classes and its weights (PyTorch names of {@link UnetNetwork#namedWeights()}).
 * Immutable by convention (arrays are not copied on access; do not modify them).
 *
 * @param backbone  encoder
 * @param bandNames input bands in order (as given by {@code -bands}, or {@code band_1…} when none was given)
 * @param classIds  label id of each output class; {@code classIds[0] == 0} is the background
 * @param patchSize the training patch side (px), also the prediction window
 * @param mean      per-band mean of the training pixels (input units)
 * @param std       per-band standard deviation of the training pixels (> 0)
 * @param weights   tensors by PyTorch name
 * @param classNames names of the class ids (legends, reports), restricted to {@code classIds}
 */
public record UnetModel(Backbone backbone, List<String> bandNames, int[] classIds, int patchSize, float[] mean,
                        float[] std, Map<String, Safetensors.Tensor> weights, ClassNames classNames) {

    public UnetModel {
        bandNames = List.copyOf(bandNames);
        classNames = classNames == null ? ClassNames.NONE : classNames.restrictedTo(classIds);
        if (mean.length != bandNames.size() || std.length != bandNames.size()) {
            throw new IllegalArgumentException("normalisation of " + mean.length + " bands for " + bandNames.size());
        }
    }

    /** A model whose classes have no names of their own ("class N"). */
    public UnetModel(Backbone backbone, List<String> bandNames, int[] classIds, int patchSize, float[] mean,
                     float[] std, Map<String, Safetensors.Tensor> weights) {
        this(backbone, bandNames, classIds, patchSize, mean, std, weights, ClassNames.NONE);
    }

    /** This model with {@code names} for its classes. */
    public UnetModel withClassNames(ClassNames names) {
        return new UnetModel(backbone, bandNames, classIds, patchSize, mean, std, weights, names);
    }

    /** The name of output class {@code k}'s label id. */
    public String className(int k) {
        return classNames.name(classIds[k]);
    }

    public int bands() {
        return bandNames.size();
    }

    public int classes() {
        return classIds.length;
    }

    /** A network of this architecture with these weights, initialised for windows of {@link #patchSize}. */
    public UnetNetwork network(NDManager manager) {
        UnetNetwork net = new UnetNetwork(backbone, bands(), classes());
        net.initialize(manager, DataType.FLOAT32, new Shape(1, bands(), patchSize, patchSize));
        Map<String, Parameter> named = net.namedWeights();
        if (!named.keySet().equals(weights.keySet())) {
            throw new IllegalStateException("model weights " + weights.size() + " do not match the " + backbone.id()
                    + " U-Net's " + named.size() + " tensors");
        }
        for (Map.Entry<String, Parameter> e : named.entrySet()) {
            Safetensors.Tensor t = weights.get(e.getKey());
            NDArray a = e.getValue().getArray();
            if (!a.getShape().equals(new Shape(t.shape()))) {
                throw new IllegalStateException(e.getKey() + ": model " + new Shape(t.shape()) + ", network " + a.getShape());
            }
            a.set(FloatBuffer.wrap(t.values()));
        }
        return net;
    }

    /**
     * A model with the engine's initial weights for {@code seed} (benchmarks, tests): bands
     * {@code B1…}, class ids {@code 0…classes-1}, normalisation mean 0, std 1.
     */
    public static UnetModel initialised(Backbone backbone, int bands, int classes, int patchSize, int seed) {
        eu.ai4c.agri.torch.TorchRuntime.init().setRandomSeed(seed);
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu(), eu.ai4c.agri.torch.TorchRuntime.ENGINE)) {
            UnetNetwork net = new UnetNetwork(backbone, bands, classes);
            net.initialize(m, DataType.FLOAT32, new Shape(1, bands, patchSize, patchSize));
            List<String> names = new java.util.ArrayList<>();
            for (int b = 0; b < bands; b++) names.add("B" + (b + 1));
            int[] ids = new int[classes];
            for (int c = 0; c < classes; c++) ids[c] = c;
            float[] std = new float[bands];
            java.util.Arrays.fill(std, 1f);
            return of(net, names, ids, patchSize, new float[bands], std);
        }
    }

    /** The weights of an initialised network (copies), with the given description. */
    public static UnetModel of(UnetNetwork net, List<String> bandNames, int[] classIds, int patchSize, float[] mean,
                               float[] std) {
        Map<String, Safetensors.Tensor> w = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : net.namedWeights().entrySet()) {
            NDArray a = e.getValue().getArray();
            w.put(e.getKey(), new Safetensors.Tensor(a.getShape().getShape(), a.toFloatArray()));
        }
        return new UnetModel(net.backbone(), bandNames, classIds.clone(), patchSize, mean.clone(), std.clone(), w);
    }
}
