package eu.ai4c.agri.unet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.WeightsDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pre-trained encoder file {@value #FILE} of {@code -action pretrain}: a safetensors file
 * ({@link Safetensors}) holding the ResNet encoder's tensors under the U-Net's names
 * ({@code encoder.conv1.weight}, {@code encoder.bn1.running_mean}, {@code encoder.layer2.0.downsample.0.weight},
 * …, the key layout of {@link UnetNetwork}; strip {@code encoder.} for a torchvision ResNet) and in
 * {@code __metadata__}:
 * <ul>
 * <li>{@value #KEY}: {@code {"format": "ai4c-unet-backbone", "version": 1, "backbone": "resnet18",
 * "bands": [...], "patch_size": 64, "mean": [...], "std": [...], "method": "simclr",
 * "temperature": 0.15, "projection": [512, 128], "epochs": 20, "seed": 42}} — the bands and
 * per-band normalisation the encoder was pre-trained with, so that fine-tuning checks the bands;</li>
 * <li>{@value UnetModelFile#WEIGHTS_SHA256}: SHA-256 of that description and the tensors, checked when read.</li>
 * </ul>
 * {@code -pretrained True} reads it ({@link #forTraining}), like any safetensors file of encoder
 * tensors with or without the {@code encoder.} prefix. Stateless.
 */
public final class BackboneFile {
    /** The file name {@code -action pretrain} writes into {@code --output_dir}, and the default of {@code -pretrained True}. */
    public static final String FILE = "backbone.safetensors";
    /** The metadata key of the description. */
    public static final String KEY = "ai4c_backbone";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a pre-training run stores beside the weights. */
    public record Description(Backbone backbone, List<String> bands, int patchSize, float[] mean, float[] std,
                              float temperature, int epochs, long seed) {
    }

    private BackboneFile() {
    }

    /** Writes the encoder tensors with their description (the caller makes it atomic). */
    public static void write(Path file, Description d, Map<String, Safetensors.Tensor> encoder) throws IOException {
        ObjectNode j = JSON.createObjectNode();
        j.put("format", "ai4c-unet-backbone").put("version", 1).put("backbone", d.backbone().id());
        var bands = j.putArray("bands");
        d.bands().forEach(bands::add);
        j.put("patch_size", d.patchSize());
        var mean = j.putArray("mean");
        for (float v : d.mean()) mean.add(v);
        var std = j.putArray("std");
        for (float v : d.std()) std.add(v);
        j.put("method", "simclr").put("temperature", d.temperature());
        j.putArray("projection").add(d.backbone().stageChannels(3)).add(ContrastiveNetwork.PROJECTION);
        j.put("epochs", d.epochs()).put("seed", d.seed());
        String text = JSON.writeValueAsString(j);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(KEY, text);
        metadata.put(UnetModelFile.WEIGHTS_SHA256, UnetModelFile.weightsSha256(text, encoder));
        Safetensors.write(file, metadata, encoder);
    }

    /**
     * The file {@code -pretrained True} uses: {@code --backbone_weights}, else {@value #FILE} in
     * {@code outputDir} (where {@code -action pretrain} with the same {@code --output_dir} put it);
     * neither is an error saying how to get one.
     */
    public static Path locate(Path givenOrNull, Path outputDir) {
        if (givenOrNull != null) {
            if (!Files.isRegularFile(givenOrNull)) {
                throw Ai4cException.usage("unet: --backbone_weights " + givenOrNull + ": no such file.");
            }
            return givenOrNull;
        }
        Path dflt = outputDir == null ? null : outputDir.resolve(FILE);
        if (dflt == null || !Files.isRegularFile(dflt)) {
            throw Ai4cException.usage("unet: -pretrained True needs pre-trained encoder weights: --backbone_weights"
                    + " <file.safetensors> (encoder tensors in torchvision ResNet names, e.g. a model of an earlier run),"
                    + " or the " + FILE + " that unet -action pretrain writes into --output_dir"
                    + (dflt == null ? "" : " (none at " + dflt + ")") + ". Run -action pretrain with the same"
                    + " --output_dir first, or give --backbone_weights.");
        }
        return dflt;
    }

    /**
     * The encoder tensors of {@code file} as the initial weights of a {@code backbone} U-Net.
     * A file of {@code -action pretrain} must be for that backbone and, when {@code dataBands} is
     * not empty, for those bands in that order; its checksum is checked.
     */
    public static UnetModel forTraining(Path file, Backbone backbone, List<String> dataBands) throws IOException {
        Safetensors.Contents c = Safetensors.read(file);
        Map<String, Safetensors.Tensor> encoder = new LinkedHashMap<>();
        c.tensors().forEach((k, v) -> {
            if (k.startsWith("encoder.")) encoder.put(k, v);
            else if (k.startsWith("conv1.") || k.startsWith("bn1.") || k.startsWith("layer")) encoder.put("encoder." + k, v);
        });
        if (encoder.isEmpty()) {
            throw Ai4cException.usage("unet: --backbone_weights " + file + " holds no ResNet encoder tensor (conv1.*,"
                    + " bn1.*, layer1-4.*, optionally prefixed encoder.).");
        }
        String text = c.metadata().get(KEY);
        if (text != null) {
            Description d = description(file, text);
            String sum = c.metadata().get(UnetModelFile.WEIGHTS_SHA256);
            if (sum != null) WeightsDigest.require("unet: backbone " + file, sum, UnetModelFile.weightsSha256(text, c.tensors()));
            if (d.backbone() != backbone) {
                throw Ai4cException.usage("unet: the backbone " + file + " was pre-trained for --backbone "
                        + d.backbone().id() + ", not " + backbone.id() + "; give --backbone " + d.backbone().id()
                        + " or pre-train again.");
            }
            if (!dataBands.isEmpty() && !d.bands().equals(dataBands)) {
                throw Ai4cException.usage("unet: the backbone " + file + " was pre-trained on the bands " + d.bands()
                        + " but the training patches have " + dataBands + "; train with the same bands in the same order"
                        + " (-bands " + String.join(",", d.bands()) + ") or pre-train again on these bands.");
            }
        }
        return new UnetModel(backbone, List.of("x"), new int[] {0, 1}, 64, new float[1], new float[] {1}, encoder);
    }

    /** The description of a file of {@code -action pretrain}. */
    public static Description description(Path file, String text) {
        JsonNode d;
        try {
            d = JSON.readTree(text);
        } catch (IOException e) {
            d = null;
        }
        if (d == null || !d.isObject()) {
            throw Ai4cException.usage("unet: the backbone " + file + " has a damaged description (" + KEY + " is not a"
                    + " JSON object); pre-train again.");
        }
        List<String> bands = new ArrayList<>();
        d.path("bands").forEach(n -> bands.add(n.asText()));
        float[] mean = new float[d.path("mean").size()];
        float[] std = new float[d.path("std").size()];
        for (int i = 0; i < mean.length; i++) mean[i] = (float) d.path("mean").get(i).asDouble();
        for (int i = 0; i < std.length; i++) std[i] = (float) d.path("std").get(i).asDouble();
        return new Description(Backbone.of(d.path("backbone").asText()), bands, d.path("patch_size").asInt(), mean, std,
                (float) d.path("temperature").asDouble(), d.path("epochs").asInt(), d.path("seed").asLong());
    }
}
