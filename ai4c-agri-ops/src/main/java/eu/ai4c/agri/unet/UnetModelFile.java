package eu.ai4c.agri.unet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The U-Net model file: one safetensors file ({@link Safetensors}) holding every tensor of the
 * network under its PyTorch state-dict name (layout in {@link UnetNetwork}) and, in the header's
 * {@code __metadata__}, {@value #KEY}: a JSON architecture description
 * <pre>{"format": "ai4c-unet", "version": 1, "backbone": "resnet50", "decoder_channels": [256,128,64,32,16],
 *  "bands": ["B2","B3","B4","B8"], "class_ids": [0,1,2,3], "patch_size": 256,
 *  "mean": [...], "std": [...]}</pre>
 * Inputs are normalised as {@code (x - mean) / std} per band, channels first; the network's
 * output channel {@code k} is label {@code class_ids[k]}. Python users load the weights with
 * {@code safetensors.torch.load_file} into a U-Net of that layout (the batch-norm
 * {@code num_batches_tracked} counters are not stored: load with {@code strict=False}).
 * Stateless.
 */
public final class UnetModelFile {
    /** The metadata key of the architecture description. */
    public static final String KEY = "ai4c_unet";
    /** The model file's extension. */
    public static final String EXTENSION = ".safetensors";
    private static final ObjectMapper JSON = new ObjectMapper();

    private UnetModelFile() {
    }

    /** Writes {@code model} to {@code file} (the caller makes it atomic). */
    public static void write(UnetModel model, Path file) throws IOException {
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
        Safetensors.write(file, Map.of(KEY, JSON.writeValueAsString(d)), model.weights());
    }

    /** Reads a model file; a file that is not one is refused naming it and the fix. */
    public static UnetModel read(Path file) throws IOException {
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
        UnetModel model = new UnetModel(backbone, bands, ids, patch, mean, std, c.tensors());
        return model;
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
