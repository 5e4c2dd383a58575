package eu.ai4c.agri.lstm;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.WeightsDigest;
import eu.ai4c.kit.io.netcdf.Hdf5Files;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes LSTM classifiers as HDF5 in the layout of a Keras 2 {@code model.save("x.h5")},
 * so Keras-trained files with the same architecture load, plus AI4C's normalisation:
 * <pre>
 * /                       attrs model_config (Keras JSON), keras_version, backend, ai4c_layout
 * /model_weights          attr layer_names = [lstm, …, dense, …]
 *   /lstm                 attr weight_names = [lstm/lstm_cell/kernel:0, …/recurrent_kernel:0, …/bias:0]
 *     /lstm/lstm_cell/kernel:0             float32 [inputs, 4·units]   gates i, f, c, o
 *     /lstm/lstm_cell/recurrent_kernel:0   float32 [units, 4·units]
 *     /lstm/lstm_cell/bias:0               float32 [4·units]
 *   /dense                attr weight_names = [dense/kernel:0, dense/bias:0]
 *     /dense/kernel:0     float32 [inputs, units]
 *     /dense/bias:0       float32 [units]
 * /normalization/mean     float32 [bands]   x' = (x - mean) / std, per band
 * /normalization/std      float32 [bands]
 * </pre>
 * A file without {@code /normalization} (plain Keras) is read with mean 0 and std 1 (a warning
 * is logged). Errors name the file, what is missing and the fix. Stateless, thread-safe.
 */
public final class LstmH5 {
    /** Value of the root attribute {@code ai4c_layout}. */
    public static final String LAYOUT = "ai4c-lstm-1";
    /**
     * Root attribute of the files this class writes: the SHA-256 of the network and its
     * normalisation ({@link #weightsSha256}). HDF5 itself keeps no checksum of contiguous
     * datasets, so without it a damaged weight would be used as it is.
     */
    public static final String WEIGHTS_SHA256 = "ai4c_weights_sha256";
    private static final Logger LOG = LoggerFactory.getLogger(LstmH5.class);

    private LstmH5() {
    }

    /** Writes {@code model} to {@code file} (callers use a temporary of {@code AtomicOutput}). */
    public static void write(LstmModel model, Path file) {
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            h5.putAttribute("model_config", KerasModelConfig.write(model));
            h5.putAttribute("keras_version", "2.13.1");
            h5.putAttribute("backend", "tensorflow");
            h5.putAttribute("ai4c_layout", LAYOUT);
            h5.putAttribute(WEIGHTS_SHA256, weightsSha256(model));
            WritableGroup weights = h5.putGroup("model_weights");
            List<String> names = new ArrayList<>();
            for (LstmLayer l : model.lstm()) names.add(l.name());
            for (DenseLayer d : model.dense()) names.add(d.name());
            weights.putAttribute("layer_names", names.toArray(String[]::new));
            weights.putAttribute("keras_version", "2.13.1");
            weights.putAttribute("backend", "tensorflow");
            for (LstmLayer l : model.lstm()) {
                WritableGroup layer = weights.putGroup(l.name());
                String prefix = l.name() + "/lstm_cell/";
                layer.putAttribute("weight_names", new String[] {prefix + "kernel:0", prefix + "recurrent_kernel:0",
                        prefix + "bias:0"});
                WritableGroup cell = layer.putGroup(l.name()).putGroup("lstm_cell");
                cell.putDataset("kernel:0", matrix(l.kernel(), l.inputs(), 4 * l.units()));
                cell.putDataset("recurrent_kernel:0", matrix(l.recurrentKernel(), l.units(), 4 * l.units()));
                cell.putDataset("bias:0", l.bias().clone());
            }
            for (DenseLayer d : model.dense()) {
                WritableGroup layer = weights.putGroup(d.name());
                layer.putAttribute("weight_names", new String[] {d.name() + "/kernel:0", d.name() + "/bias:0"});
                WritableGroup inner = layer.putGroup(d.name());
                inner.putDataset("kernel:0", matrix(d.kernel(), d.inputs(), d.units()));
                inner.putDataset("bias:0", d.bias().clone());
            }
            WritableGroup norm = h5.putGroup("normalization");
            norm.putAttribute("formula", "(x - mean) / std for each band, statistics of the training set");
            norm.putDataset("mean", model.mean().clone());
            norm.putDataset("std", model.std().clone());
        } catch (RuntimeException e) {
            if (e instanceof Ai4cException) throw e;
            throw new Ai4cException("Cannot write the model file " + file + ": " + e.getMessage()
                    + ". Check that the output folder is writable and has space.", e);
        }
    }

    /** The file for jHDF, memory-mapped: a damaged size field then fails at once instead of allocating it. */
    private static HdfFile open(Path file) {
        try {
            return Hdf5Files.open(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Whether {@code file} is HDF5 with a Keras {@code model_config} (cheap: header and root attributes). */
    public static boolean isModelFile(Path file) {
        try (HdfFile h5 = open(file)) {
            return h5.getAttribute("model_config") != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Reads a model written by {@link #write} or by Keras with a supported architecture. */
    public static LstmModel read(Path file) {
        String where = file.toString();
        try (HdfFile h5 = open(file)) {
            Attribute config = h5.getAttribute("model_config");
            if (config == null) {
                throw new Ai4cException(where + ": no model_config attribute (a weights-only file?). Save the"
                        + " whole model with Keras model.save(\"model.h5\") or train it with train_lstm.");
            }
            KerasModelConfig.Parsed parsed = KerasModelConfig.parse(text(config.getData()), where);
            Node weightsNode = h5.getChild("model_weights");
            if (!(weightsNode instanceof Group weights)) {
                throw new Ai4cException(where + ": no /model_weights group. Save the model with its weights.");
            }
            List<LstmLayer> lstm = new ArrayList<>();
            List<DenseLayer> dense = new ArrayList<>();
            int inputs = -1;
            for (KerasModelConfig.LayerSpec spec : parsed.layers()) {
                List<Dataset> ds = layerWeights(weights, spec.name(), where);
                if (spec.kind().equals("LSTM")) {
                    if (!dense.isEmpty()) {
                        throw new Ai4cException(where + ": LSTM layer " + spec.name() + " after a Dense layer is not"
                                + " supported (expected LSTM layers, then Dense layers).");
                    }
                    Dataset k = find(ds, "kernel", spec.name(), where);
                    Dataset r = find(ds, "recurrent_kernel", spec.name(), where);
                    int in = k.getDimensions()[0];
                    float[] bias = spec.useBias() ? floats(find(ds, "bias", spec.name(), where)) : new float[4 * spec.units()];
                    lstm.add(new LstmLayer(spec.name(), in, spec.units(), floats(k), floats(r), bias,
                            spec.returnSequences(), spec.activation(), spec.recurrentActivation()));
                    if (inputs < 0) inputs = in;
                } else {
                    Dataset k = find(ds, "kernel", spec.name(), where);
                    int in = k.getDimensions()[0];
                    float[] bias = spec.useBias() ? floats(find(ds, "bias", spec.name(), where)) : new float[spec.units()];
                    dense.add(new DenseLayer(spec.name(), in, spec.units(), floats(k), bias, spec.activation()));
                }
            }
            if (lstm.isEmpty() || dense.isEmpty()) {
                throw new Ai4cException(where + ": not an LSTM classifier (needs LSTM layers followed by Dense"
                        + " layers, found " + lstm.size() + " LSTM and " + dense.size() + " Dense).");
            }
            int bands = parsed.bands() > 0 ? parsed.bands() : inputs;
            int timesteps = parsed.timesteps();
            if (timesteps <= 0) {
                timesteps = 12;
                LOG.warn("{}: the model does not declare its number of time steps; assuming 12 monthly steps", where);
            }
            float[] mean = new float[bands];
            float[] std = new float[bands];
            java.util.Arrays.fill(std, 1f);
            Node norm = h5.getChild("normalization");
            if (norm instanceof Group g && g.getChild("mean") instanceof Dataset m && g.getChild("std") instanceof Dataset s) {
                mean = floats(m);
                std = floats(s);
                if (mean.length != bands || std.length != bands) {
                    throw new Ai4cException(where + ": /normalization has " + mean.length + " values for " + bands
                            + " bands. Write the model again with train_lstm.");
                }
                for (int b = 0; b < bands; b++) {
                    if (!(std[b] > 0)) {
                        throw new Ai4cException(where + ": /normalization/std[" + b + "] is " + std[b] + "; it must be > 0.");
                    }
                }
            } else {
                LOG.warn("{}: no /normalization group; series are fed to the network unnormalised", where);
            }
            LstmModel model;
            try {
                model = new LstmModel(timesteps, bands, mean, std, lstm, dense);
            } catch (IllegalArgumentException e) {
                throw new Ai4cException(where + ": inconsistent model: " + e.getMessage() + ".", e);
            }
            Attribute sum = h5.getAttribute(WEIGHTS_SHA256);
            if (sum != null) {
                WeightsDigest.require(where, text(sum.getData()), weightsSha256(model));
            } else {
                LOG.info("{}: no {} attribute (a model not written by train_lstm); its weights cannot be checked",
                        where, WEIGHTS_SHA256);
            }
            return model;
        } catch (Ai4cException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Ai4cException(where + ": cannot be read as an HDF5 model file (" + e.getMessage()
                    + "). Give a .h5 written by train_lstm or by Keras model.save.", e);
        }
    }

    /**
     * SHA-256 (hex) of what the network computes with: time steps, bands, normalisation, and each
     * layer's name, sizes, activations and weights as IEEE-754 bits, in layer order.
     */
    public static String weightsSha256(LstmModel m) {
        WeightsDigest d = new WeightsDigest();
        d.putInt(m.timesteps()).putInt(m.bands()).putFloats(m.mean()).putFloats(m.std());
        for (LstmLayer l : m.lstm()) {
            d.putText("LSTM " + l.name() + " " + l.inputs() + " " + l.units() + " " + l.returnSequences() + " "
                    + l.activation() + " " + l.recurrentActivation());
            d.putFloats(l.kernel()).putFloats(l.recurrentKernel()).putFloats(l.bias());
        }
        for (DenseLayer dl : m.dense()) {
            d.putText("Dense " + dl.name() + " " + dl.inputs() + " " + dl.units() + " " + dl.activation());
            d.putFloats(dl.kernel()).putFloats(dl.bias());
        }
        return d.hex();
    }

    /** The weight datasets of one layer: by its {@code weight_names} attribute, else every dataset below it. */
    private static List<Dataset> layerWeights(Group weights, String layer, String where) {
        if (!(weights.getChild(layer) instanceof Group group)) {
            throw new Ai4cException(where + ": /model_weights/" + layer + " is missing (the configuration names"
                    + " that layer). The file is incomplete: save the model again.");
        }
        List<Dataset> out = new ArrayList<>();
        Attribute names = group.getAttribute("weight_names");
        if (names != null) {
            Object data = names.getData();
            int n = data.getClass().isArray() ? Array.getLength(data) : 1;
            for (int i = 0; i < n; i++) {
                String name = text(data.getClass().isArray() ? Array.get(data, i) : data);
                Node node = group.getByPath(name);
                if (node instanceof Dataset d) out.add(d);
            }
        }
        if (out.isEmpty()) collect(group, out);
        return out;
    }

    private static void collect(Group group, List<Dataset> out) {
        for (Node child : group.getChildren().values()) {
            if (child instanceof Dataset d) out.add(d);
            else if (child instanceof Group g) collect(g, out);
        }
    }

    /** The dataset whose last path element is {@code role} (with or without Keras's {@code :0}). */
    private static Dataset find(List<Dataset> datasets, String role, String layer, String where) {
        for (Dataset d : datasets) {
            String name = d.getName();
            int colon = name.indexOf(':');
            if ((colon < 0 ? name : name.substring(0, colon)).equals(role)) return d;
        }
        throw new Ai4cException(where + ": layer " + layer + " has no " + role + " weights. The file is"
                + " incomplete or not a Keras LSTM classifier.");
    }

    private static float[] floats(Dataset d) {
        Object flat = d.getDataFlat();
        if (flat instanceof float[] f) return f;
        if (flat instanceof double[] v) {
            float[] f = new float[v.length];
            for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
            return f;
        }
        throw new Ai4cException(d.getPath() + " holds " + d.getJavaType() + ", expected float32 or float64 weights.");
    }

    private static float[][] matrix(float[] flat, int rows, int cols) {
        float[][] m = new float[rows][cols];
        for (int r = 0; r < rows; r++) System.arraycopy(flat, r * cols, m[r], 0, cols);
        return m;
    }

    private static String text(Object data) {
        if (data instanceof String s) return s;
        if (data instanceof byte[] b) return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        if (data != null && data.getClass().isArray() && Array.getLength(data) == 1) return text(Array.get(data, 0));
        return String.valueOf(data);
    }
}
