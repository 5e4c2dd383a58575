package eu.ai4c.agri.unet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.ai4c.agri.unet.inference.UnetInference;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.WeightsDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The U-Net model file: one safetensors file ({@link Safetensors}) holding every tensor of the
 * network under its PyTorch state-dict name (layout in {@link UnetNetwork}) and, in the header's
 * {@code __metadata__}, {@value #KEY}: a JSON architecture description
 * <pre>{"format": "ai4c-unet", "version": 1, "backbone": "resnet50", "decoder_channels": [256,128,64,32,16],
 *  "bands": ["B2","B3","B4","B8"], "class_ids": [0,1,2,3], "patch_size": 256,
 *  "mean": [...], "std": [...], "class_names": {"1": "water", "2": "road"}}</pre>
 * Inputs are normalised as {@code (x - mean) / std} per band, channels first; the network's
 * output channel {@code k} is label {@code class_ids[k]}; {@code class_names} (optional, written
 * when the classes have names) names label ids for legends and reports. Python users load the weights with
 * {@code safetensors.torch.load_file} into a U-Net of that layout (the batch-norm
 * {@code num_batches_tracked} counters are not stored: load with {@code strict=False}). The
 * metadata also holds {@value #WEIGHTS_SHA256}, the SHA-256 of description and weights, which
 * {@link #read} checks: a damaged model is refused naming the file.
 * Stateless.
 */
public final class UnetModelFile {
    /** The metadata key of the architecture description. */
    public static final String KEY = "ai4c_unet";
    /** The model file's extension. */
    public static final String EXTENSION = ".safetensors";
    /** The metadata key of the SHA-256 of the weights ({@link #weightsSha256}). */
    public static final String WEIGHTS_SHA256 = "ai4c_weights_sha256";
    private static final Logger LOG = LoggerFactory.getLogger(UnetModelFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private UnetModelFile() {
    }

    /** Writes {@code model} to {@code file} (the caller makes it atomic). */
    public static void write(UnetModel model, Path file) throws IOException {
        String description = description(model);
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        metadata.put(KEY, description);
        metadata.put(WEIGHTS_SHA256, weightsSha256(description, model.weights()));
        Safetensors.write(file, metadata, model.weights());
    }

    /** The architecture description (JSON) recorded as {@value #KEY}. */
    static String description(UnetModel model) throws IOException {
        ObjectNode d = JSON.createObjectNode();
        d.put("format", "ai4c-unet").put("version", 1).put("backbone", model.backbone().id());
        var dec = d.putArray("decoder_channels");
        for (int c : UnetNetwork.DECODER_CHANNELS) dec.add(c);
        var bands = d.putArray("bands");
        model.bandNames().forEach(bands::add);
        var ids = d.putArray("class_ids");
        for (int c : model.classIds()) ids.add(c);
        d.put("patch_size", model.patchSize());
        var mean = d.putArray("mean");
        for (float v : model.mean()) mean.add(v);
        var std = d.putArray("std");
        for (float v : model.std()) std.add(v);
        if (!model.classNames().isEmpty()) {
            ObjectNode names = d.putObject("class_names");
            model.classNames().asMap().forEach((id, name) -> names.put(Integer.toString(id), name));
        }
        return JSON.writeValueAsString(d);
    }

    /**
     * SHA-256 (hex) of the description and every tensor (name, shape, values) in file order: what
     * the network computes with. Recorded as {@value #WEIGHTS_SHA256} and checked at load.
     */
    public static String weightsSha256(String description, Map<String, Safetensors.Tensor> tensors) {
        WeightsDigest digest = new WeightsDigest().putText(description);
        for (Map.Entry<String, Safetensors.Tensor> e : tensors.entrySet()) {
            digest.putText(e.getKey() + " " + java.util.Arrays.toString(e.getValue().shape()));
            digest.putFloats(e.getValue().values());
        }
        return digest.hex();
    }

    /** Reads a model file; a file that is not one is refused naming it and the fix. */
    public static UnetModel read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        if (fileName.endsWith(UnetOnnx.EXTENSION)) {
            throw Ai4cException.usage("unet: -model_file " + file + " is the ONNX form of a model, for onnxruntime; give"
                    + " the " + EXTENSION + " model written beside it (" + fileName.substring(0, fileName.length()
                    - UnetOnnx.EXTENSION.length()) + EXTENSION + ").");
        }
        if (!Files.isRegularFile(file)) {
            throw Ai4cException.usage("unet: -model_file " + file + ": no such file. Give the "
                    + EXTENSION + " model written by unet -action train.");
        }
        Safetensors.Contents c = Safetensors.read(file);
        String text = c.metadata().get(KEY);
        if (text == null) {
            throw Ai4cException.usage("unet: -model_file " + file + " is a safetensors file without the U-Net "
                    + "description (" + KEY + " metadata); give a model written by unet -action train.");
        }
        JsonNode d;
        try {
            d = JSON.readTree(text);
        } catch (IOException e) {
            d = null;
        }
        if (d == null || !d.isObject()) {
            throw Ai4cException.usage("unet: -model_file " + file + " has a damaged U-Net description (" + KEY
                    + " is not a JSON object); write the model again.");
        }
        Backbone backbone = Backbone.of(d.path("backbone").asText());
        List<String> bands = new ArrayList<>();
        d.path("bands").forEach(n -> bands.add(n.asText()));
        int[] ids = ints(d.path("class_ids"));
        float[] mean = floats(d.path("mean"));
        float[] std = floats(d.path("std"));
        int patch = d.path("patch_size").asInt();
        for (float v : std) {
            if (!(v > 0) || !Float.isFinite(v)) {
                throw Ai4cException.usage("unet: -model_file " + file + " has the band standard deviation " + v
                        + " (must be positive); write the model again.");
            }
        }
        if (bands.isEmpty() || ids.length < 2 || mean.length != bands.size() || std.length != bands.size()
                || patch < UnetNetwork.STRIDE) {
            throw Ai4cException.usage("unet: -model_file " + file + " has an incomplete U-Net description (bands "
                    + bands + ", class_ids " + ids.length + ", patch_size " + patch + "); write the model again.");
        }
        String sum = c.metadata().get(WEIGHTS_SHA256);
        if (sum != null) {
            WeightsDigest.require("unet: -model_file " + file, sum, weightsSha256(text, c.tensors()));
        } else {
            LOG.info("{}: no {} metadata (a model not written by unet -action train); its weights cannot be checked",
                    file, WEIGHTS_SHA256);
        }
        UnetModel model = new UnetModel(backbone, bands, ids, patch, mean, std, c.tensors(),
                classNames(d.path("class_names"), file));
        try {
            UnetInference.requireMatchingTensors(model);
        } catch (IllegalArgumentException e) {
            throw Ai4cException.usage("unet: -model_file " + file + " does not hold a " + backbone.id() + " U-Net of "
                    + bands.size() + " bands and " + ids.length + " classes as its description says: " + e.getMessage()
                    + ". Write the model again with unet -action train.");
        }
        return model;
    }

    private static ClassNames classNames(JsonNode names, Path file) {
        if (names.isMissingNode() || names.isNull()) return ClassNames.NONE;
        java.util.Map<Integer, String> m = new java.util.TreeMap<>();
        boolean ok = names.isObject();
        for (var it = names.fields(); ok && it.hasNext(); ) {
            var e = it.next();
            ok = e.getKey().matches("\\d{1,3}") && e.getValue().isTextual();
            if (ok) m.put(Integer.parseInt(e.getKey()), e.getValue().asText());
        }
        if (!ok) {
            throw Ai4cException.usage("unet: -model_file " + file + " has damaged class names (" + KEY
                    + " class_names is not an object of id: name); write the model again.");
        }
        return ClassNames.of(m);
    }

    private static int[] ints(JsonNode a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = a.get(i).asInt();
        return v;
    }

    private static float[] floats(JsonNode a) {
        float[] v = new float[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = (float) a.get(i).asDouble();
        return v;
    }
}
