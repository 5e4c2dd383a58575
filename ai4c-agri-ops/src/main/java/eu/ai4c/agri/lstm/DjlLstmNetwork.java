package eu.ai4c.agri.lstm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * The LSTM classifier as a DJL (PyTorch) block, and the weight mapping between DJL and the
 * Keras layout of {@link LstmModel}. The block takes normalised series {@code [batch, timesteps,
 * bands]} (batch first) and returns logits {@code [batch, classes]}; softmax is applied outside
 * (in the loss when training, in {@link DjlLstmClassifier} when predicting).
 *
 * <p>Mapping (PyTorch's LSTM, gate order i, f, g, o = Keras's i, f, c, o):
 * Keras {@code kernel = weight_ihᵀ}, {@code recurrent_kernel = weight_hhᵀ},
 * {@code bias = bias_ih + bias_hh}; importing puts Keras's bias into {@code bias_ih} and zeros
 * into {@code bias_hh}. Dense: Keras {@code kernel = weightᵀ}. PyTorch's LSTM has tanh cell and
 * sigmoid gates only, so only such models run on DJL. Stateless.</p>
 */
public final class DjlLstmNetwork {

    /** Layer sizes of a network: LSTM units bottom-up, then dense layers (the last one is the classes). */
    public record Architecture(int bands, int[] lstmUnits, int[] denseUnits, Activation[] denseActivations) {
    }

    private DjlLstmNetwork() {
    }

    /** An uninitialised block for {@code shape}. */
    public static SequentialBlock build(Architecture shape) {
        SequentialBlock net = new SequentialBlock();
        for (int units : shape.lstmUnits()) {
            net.add(LSTM.builder().setStateSize(units).setNumLayers(1).optBatchFirst(true).optReturnState(false).build());
        }
        net.add(new LambdaBlock(list -> new NDList(list.singletonOrThrow().get(":, -1, :")), "last_step"));
        for (int i = 0; i < shape.denseUnits().length; i++) {
            net.add(Linear.builder().setUnits(shape.denseUnits()[i]).build());
            Activation a = shape.denseActivations()[i];
            boolean last = i == shape.denseUnits().length - 1;
            if (!last && a != Activation.LINEAR) net.add(activationBlock(a));
        }
        return net;
    }

    private static Block activationBlock(Activation a) {
        return switch (a) {
            case RELU -> new LambdaBlock(l -> new NDList(ai.djl.nn.Activation.relu(l.singletonOrThrow())), "relu");
            case TANH -> new LambdaBlock(l -> new NDList(l.singletonOrThrow().tanh()), "tanh");
            case SIGMOID -> new LambdaBlock(l -> new NDList(ai.djl.nn.Activation.sigmoid(l.singletonOrThrow())), "sigmoid");
            default -> throw new IllegalArgumentException("hidden dense activation " + a + " not supported on DJL");
        };
    }

    /** Whether DJL can run {@code model}: tanh/sigmoid LSTM layers, hidden dense layers relu/tanh/sigmoid/linear. */
    public static boolean supports(LstmModel model) {
        for (LstmLayer l : model.lstm()) {
            if (l.activation() != Activation.TANH || l.recurrentActivation() != Activation.SIGMOID) return false;
        }
        for (int i = 0; i < model.dense().size(); i++) {
            Activation a = model.dense().get(i).activation();
            boolean last = i == model.dense().size() - 1;
            if (last ? a != Activation.SOFTMAX : a == Activation.SOFTMAX || a == Activation.HARD_SIGMOID) return false;
        }
        return true;
    }

    /** The shape of {@code model}; fails for activations PyTorch's LSTM does not have. */
    public static Architecture shapeOf(LstmModel model) {
        int[] lstm = new int[model.lstm().size()];
        for (int i = 0; i < lstm.length; i++) {
            LstmLayer l = model.lstm().get(i);
            if (l.activation() != Activation.TANH || l.recurrentActivation() != Activation.SIGMOID) {
                throw new IllegalArgumentException("LSTM layer " + l.name() + " uses " + l.activation().kerasName()
                        + "/" + l.recurrentActivation().kerasName() + "; DJL's LSTM has tanh/sigmoid only");
            }
            lstm[i] = l.units();
        }
        int[] dense = new int[model.dense().size()];
        Activation[] acts = new Activation[dense.length];
        for (int i = 0; i < dense.length; i++) {
            dense[i] = model.dense().get(i).units();
            acts[i] = model.dense().get(i).activation();
        }
        return new Architecture(model.bands(), lstm, dense, acts);
    }

    /** Builds the block of {@code model} and loads its weights. */
    public static SequentialBlock load(LstmModel model, NDManager manager) {
        SequentialBlock net = build(shapeOf(model));
        net.initialize(manager, DataType.FLOAT32, new Shape(1, model.timesteps(), model.bands()));
        int li = 0;
        int di = 0;
        for (Block child : net.getChildren().values()) {
            if (child instanceof LSTM) {
                LstmLayer l = model.lstm().get(li++);
                int g4 = 4 * l.units();
                set(child, "i2h_WEIGHT", transpose(l.kernel(), l.inputs(), g4), g4, l.inputs());
                set(child, "h2h_WEIGHT", transpose(l.recurrentKernel(), l.units(), g4), g4, l.units());
                set(child, "i2h_BIAS", l.bias(), g4);
                set(child, "h2h_BIAS", new float[g4], g4);
            } else if (child instanceof Linear) {
                DenseLayer d = model.dense().get(di++);
                set(child, "weight", transpose(d.kernel(), d.inputs(), d.units()), d.units(), d.inputs());
                set(child, "bias", d.bias(), d.units());
            }
        }
        return net;
    }

    /** The weights of an initialised block as an {@link LstmModel} (copies). */
    public static LstmModel export(SequentialBlock net, Architecture shape, int timesteps, float[] mean, float[] std) {
        List<LstmLayer> lstm = new ArrayList<>();
        List<DenseLayer> dense = new ArrayList<>();
        int in = shape.bands();
        int li = 0;
        int di = 0;
        for (Block child : net.getChildren().values()) {
            if (child instanceof LSTM) {
                int u = shape.lstmUnits()[li];
                int g4 = 4 * u;
                float[] bih = get(child, "i2h_BIAS");
                float[] bhh = get(child, "h2h_BIAS");
                float[] bias = new float[g4];
                for (int j = 0; j < g4; j++) bias[j] = bih[j] + bhh[j];
                String name = li == 0 ? "lstm" : "lstm_" + li;
                lstm.add(new LstmLayer(name, in, u, transpose(get(child, "i2h_WEIGHT"), g4, in),
                        transpose(get(child, "h2h_WEIGHT"), g4, u), bias, li < shape.lstmUnits().length - 1,
                        Activation.TANH, Activation.SIGMOID));
                in = u;
                li++;
            } else if (child instanceof Linear) {
                int u = shape.denseUnits()[di];
                boolean last = di == shape.denseUnits().length - 1;
                String name = di == 0 ? "dense" : "dense_" + di;
                dense.add(new DenseLayer(name, in, u, transpose(get(child, "weight"), u, in), get(child, "bias"),
                        last ? Activation.SOFTMAX : shape.denseActivations()[di]));
                in = u;
                di++;
            }
        }
        return new LstmModel(timesteps, shape.bands(), mean.clone(), std.clone(), lstm, dense);
    }

    private static Parameter parameter(Block block, String suffix) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getKey().endsWith(suffix)) return p.getValue();
        }
        throw new IllegalStateException("no parameter *" + suffix + " in " + block);
    }

    private static float[] get(Block block, String suffix) {
        return parameter(block, suffix).getArray().toFloatArray();
    }

    private static void set(Block block, String suffix, float[] values, long... shape) {
        Parameter p = parameter(block, suffix);
        NDArray array = p.getArray();
        if (!array.getShape().equals(new Shape(shape))) {
            throw new IllegalStateException(suffix + ": DJL shape " + array.getShape() + " vs " + new Shape(shape));
        }
        array.set(java.nio.FloatBuffer.wrap(values));
    }

    /** {@code [rows, cols]} row-major → {@code [cols, rows]}. */
    static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) t[c * rows + r] = m[r * cols + c];
        }
        return t;
    }
}
