package eu.ai4c.agri.lstm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.ai4c.kit.Ai4cException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Keras {@code model_config} JSON of an LSTM classifier: written for AI4C models (a Keras
 * {@code Sequential}: {@code InputLayer [null, timesteps, bands]}, {@code LSTM} layers,
 * {@code Dense} layers) and parsed from Keras-trained files (Sequential or a linear functional
 * model; {@code Dropout} is skipped at inference, an {@code Activation} layer folds into the
 * dense layer before it). Stateless.
 */
final class KerasModelConfig {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One weighted layer as described by the configuration (weights come from the file). */
    record LayerSpec(String kind, String name, int units, Activation activation, Activation recurrentActivation,
                     boolean returnSequences, boolean useBias) {
    }

    /** The parsed configuration: input shape (timesteps may be -1 when not declared) and layers. */
    record Parsed(int timesteps, int bands, List<LayerSpec> layers) {
    }

    private KerasModelConfig() {
    }

    /** The JSON text of {@code model}'s architecture. */
    static String write(LstmModel model) {
        ObjectNode root = JSON.createObjectNode();
        root.put("class_name", "Sequential");
        ObjectNode config = root.putObject("config");
        config.put("name", "ai4c_lstm");
        ArrayNode layers = config.putArray("layers");
        ObjectNode input = layers.addObject();
        input.put("class_name", "InputLayer");
        ObjectNode ic = input.putObject("config");
        ArrayNode shape = ic.putArray("batch_input_shape");
        shape.addNull();
        shape.add(model.timesteps());
        shape.add(model.bands());
        ic.put("dtype", "float32");
        ic.put("name", "series");
        for (LstmLayer l : model.lstm()) {
            ObjectNode c = addLayer(layers, "LSTM", l.name(), l.units());
            c.put("activation", l.activation().kerasName());
            c.put("recurrent_activation", l.recurrentActivation().kerasName());
            c.put("use_bias", true);
            c.put("return_sequences", l.returnSequences());
            c.put("return_state", false);
            c.put("go_backwards", false);
            c.put("stateful", false);
            c.put("unit_forget_bias", true);
        }
        for (DenseLayer d : model.dense()) {
            ObjectNode c = addLayer(layers, "Dense", d.name(), d.units());
            c.put("activation", d.activation().kerasName());
            c.put("use_bias", true);
        }
        return root.toString();
    }

    /** Appends a trainable float32 layer of {@code units} to {@code layers}; returns its config for the class's own keys. */
    private static ObjectNode addLayer(ArrayNode layers, String className, String name, int units) {
        ObjectNode layer = layers.addObject();
        layer.put("class_name", className);
        ObjectNode c = layer.putObject("config");
        c.put("name", name);
        c.put("trainable", true);
        c.put("dtype", "float32");
        c.put("units", units);
        return c;
    }

    /** Parses a Keras {@code model_config}; {@code file} names the source in messages. */
    static Parsed parse(String json, String file) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (Exception e) {
            throw new Ai4cException(file + ": the model_config attribute is not valid JSON (" + e.getMessage()
                    + "). Save the model again with Keras model.save(\"model.h5\") or with train_lstm.");
        }
        JsonNode layers = root.path("config").path("layers");
        if (!layers.isArray()) {
            throw new Ai4cException(file + ": model_config has no config.layers list (class "
                    + root.path("class_name").asText("?") + "). Only Sequential or linear functional LSTM"
                    + " classifiers are supported.");
        }
        int timesteps = -1;
        int bands = -1;
        List<LayerSpec> specs = new ArrayList<>();
        for (JsonNode layer : layers) {
            String kind = layer.path("class_name").asText();
            JsonNode c = layer.path("config");
            String name = c.path("name").asText(layer.path("name").asText(kind.toLowerCase()));
            JsonNode shape = c.has("batch_input_shape") ? c.get("batch_input_shape") : c.get("batch_shape");
            if (shape != null && shape.isArray() && shape.size() == 3) {
                if (shape.get(1).isInt()) timesteps = shape.get(1).asInt();
                if (shape.get(2).isInt()) bands = shape.get(2).asInt();
            }
            switch (kind) {
                case "InputLayer", "Dropout", "SpatialDropout1D", "GaussianNoise" -> {
                    // no weights; identity at inference
                }
                case "LSTM" -> specs.add(new LayerSpec("LSTM", name, c.path("units").asInt(),
                        activation(c, "activation", "tanh", name, file),
                        activation(c, "recurrent_activation", "sigmoid", name, file),
                        c.path("return_sequences").asBoolean(false), c.path("use_bias").asBoolean(true)));
                case "Dense" -> specs.add(new LayerSpec("Dense", name, c.path("units").asInt(),
                        activation(c, "activation", "linear", name, file), null, false,
                        c.path("use_bias").asBoolean(true)));
                case "Activation", "Softmax" -> {
                    Activation a = kind.equals("Softmax") ? Activation.SOFTMAX
                            : activation(c, "activation", "linear", name, file);
                    int last = specs.size() - 1;
                    if (last < 0 || !specs.get(last).kind().equals("Dense")
                            || specs.get(last).activation() != Activation.LINEAR) {
                        throw unsupported(file, name, kind + " layer not directly after a linear Dense layer");
                    }
                    LayerSpec d = specs.get(last);
                    specs.set(last, new LayerSpec("Dense", d.name(), d.units(), a, null, false, d.useBias()));
                }
                default -> throw unsupported(file, name, "layer class " + kind);
            }
            if (kind.equals("LSTM") && (c.path("go_backwards").asBoolean(false) || c.path("stateful").asBoolean(false))) {
                throw unsupported(file, name, "go_backwards/stateful LSTM");
            }
        }
        return new Parsed(timesteps, bands, specs);
    }

    private static Activation activation(JsonNode c, String key, String fallback, String layer, String file) {
        JsonNode node = c.get(key);
        String name = node == null || node.isNull() ? fallback
                : node.isTextual() ? node.asText() : node.path("config").path("name").asText(node.path("class_name").asText());
        Activation a = Activation.ofKeras(name);
        if (a == null) throw unsupported(file, layer, key + " \"" + name + "\"");
        return a;
    }

    private static Ai4cException unsupported(String file, String layer, String what) {
        return new Ai4cException(file + ": layer \"" + layer + "\" uses " + what + ", which the AI4C LSTM"
                + " classifier does not support. Supported: LSTM layers (tanh/sigmoid/hard_sigmoid), then Dense"
                + " layers (relu/linear/tanh/sigmoid, softmax last), Dropout.");
    }
}
