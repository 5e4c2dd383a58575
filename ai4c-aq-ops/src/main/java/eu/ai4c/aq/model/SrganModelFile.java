package eu.ai4c.aq.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.aq.config.ConfigYaml;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.WeightsDigest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A trained SRGAN as one zip file (extension {@code .aqgan}) that {@code aqgan-generate} and
 * {@code aqgan-predict} load: {@code model.json} (architecture, variable names, normalisation,
 * frame sizes, epoch), {@code weights.bin} (every parameter as little-endian float32 in the order
 * of {@link SrganArchitecture#parameters()}) and {@code config.yaml} (the configuration it was
 * trained with). {@code model.json} records {@value #WEIGHTS_SHA256}, the SHA-256 of weights and
 * normalisation, checked at load: a damaged model is refused naming the file. Written atomically.
 *
 * @param weights      the parameters (generator and critic: a checkpoint resumes both)
 * @param lrInputs     LR input variables, in channel order
 * @param staticInputs HR static inputs, in channel order
 * @param target       the HR output variable
 * @param mean         per LR input mean (normalisation)
 * @param std          per LR input standard deviation
 * @param epoch        the epoch these weights come from
 * @param config       the configuration used
 */
public record SrganModelFile(SrganWeights weights, List<String> lrInputs, List<String> staticInputs, String target,
                             double[] mean, double[] std, int epoch, AqConfig config) {
    public static final String FORMAT = "ai4c-aqgan-srgan-1";
    /** The {@code model.json} key of the SHA-256 of the weights and normalisation ({@link #weightsSha256}). */
    public static final String WEIGHTS_SHA256 = "weights_sha256";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SrganModelFile.class);

    /** Writes the model to {@code file} (atomically). */
    public Path write(Path file) throws IOException {
        return write(file, Map.of());
    }

    /**
     * Writes the model with further zip entries (a checkpoint's training state, {@link
     * SrganCheckpoint}) after the model's own, atomically.
     */
    Path write(Path file, Map<String, byte[]> extra) throws IOException {
        SrganArchitecture a = weights.architecture();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode arch = root.putObject("architecture");
        arch.put("lr_channels", a.lrChannels());
        arch.put("static_channels", a.staticChannels());
        arch.put("generator_filters", a.filters());
        arch.put("discriminator_filters", a.criticFilters());
        arch.put("residual_blocks", a.blocks());
        arch.put("noise_channels", a.noise());
        arch.put("target_channel", a.targetChannel());
        arch.put("factor", SrganArchitecture.FACTOR);
        root.putPOJO("lr_inputs", lrInputs);
        root.putPOJO("hr_static_inputs", staticInputs);
        root.put("hr_output", target);
        ArrayNode m = root.putArray("lr_mean");
        for (double v : mean) m.add(v);
        ArrayNode s = root.putArray("lr_std");
        for (double v : std) s.add(v);
        root.put("epoch", epoch);
        root.put(WEIGHTS_SHA256, weightsSha256(weights, mean, std));
        ArrayNode params = root.putArray("parameters");
        for (SrganArchitecture.Param p : a.parameters()) {
            ObjectNode o = params.addObject();
            o.put("name", p.name());
            ArrayNode sh = o.putArray("shape");
            for (long x : p.shape()) sh.add(x);
        }
        try (AtomicOutput out = AtomicOutput.create()) {
            Path tmp = out.temporaryFor(file);
            try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os)) {
                zip.putNextEntry(new ZipEntry("model.json"));
                zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("weights.bin"));
                for (SrganArchitecture.Param p : a.parameters()) {
                    float[] v = weights.get(p.name());
                    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                    b.asFloatBuffer().put(v);
                    zip.write(b.array());
                }
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("config.yaml"));
                zip.write(ConfigYaml.write(config).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                for (Map.Entry<String, byte[]> e : extra.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            out.commit();
        }
        return file;
    }

    /** Reads a model file; a clear error when it is missing or not an AI4C SRGAN model. */
    public static SrganModelFile read(Path file) throws IOException {
        return fromEntries(file, entries(file));
    }

    /** The zip entries of a model file, by name; a clear error when it is missing or not a zip file. */
    static Map<String, byte[]> entries(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw Ai4cException.usage("Model " + file + " does not exist. Give the .aqgan file written by aqgan-train.");
        }
        // deflate expands at most ~1032:1, so no entry of a whole file is larger than this
        long maxEntry = Math.min(Integer.MAX_VALUE - 8L, 1032L * Files.size(file) + 1024);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream is = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(is)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                byte[] buf = new byte[1 << 16];
                for (int n; (n = zip.read(buf)) > 0; ) {
                    if (b.size() + (long) n > maxEntry) {
                        throw new Ai4cException(file + " is damaged: its entry " + e.getName() + " expands beyond what"
                                + " the file can hold. Copy the model again or retrain it.");
                    }
                    b.write(buf, 0, n);
                }
                entries.put(e.getName(), b.toByteArray());
            }
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: ZipInputStream's refusal of a malformed entry name
            throw new Ai4cException(file + " is not a readable model file (" + e.getMessage() + "). Give the .aqgan file"
                    + " written by aqgan-train.", e);
        }
        return entries;
    }

    /** The model held by the entries of {@code file}. */
    static SrganModelFile fromEntries(Path file, Map<String, byte[]> entries) {
        if (!entries.containsKey("model.json") || !entries.containsKey("weights.bin")) {
            throw new Ai4cException(file + " is not an AI4C SRGAN model (no model.json/weights.bin). Give the .aqgan"
                    + " file written by aqgan-train.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(entries.get("model.json"));
        } catch (IOException e) {
            throw new Ai4cException(file + " is damaged: its model.json is not JSON (" + e.getMessage() + "). Copy the"
                    + " model again or retrain it.", e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            String format = root == null ? "" : root.path("format").asText();
            throw new Ai4cException(file + " has the model format \"" + format + "\", not " + FORMAT
                    + ". Train it again with this version of AI4C.");
        }
        JsonNode a = root.path("architecture");
        SrganArchitecture arch;
        try {
            arch = new SrganArchitecture(count(a, "lr_channels", 1, file), count(a, "static_channels", 0, file),
                    count(a, "generator_filters", 4, file), count(a, "discriminator_filters", 1, file),
                    count(a, "residual_blocks", 0, file), count(a, "noise_channels", 0, file),
                    count(a, "target_channel", 0, file));
            if (arch.targetChannel() >= arch.lrChannels()) {
                throw new IllegalArgumentException("target channel " + arch.targetChannel() + " of "
                        + arch.lrChannels() + " LR channels");
            }
        } catch (IllegalArgumentException e) {
            throw new Ai4cException(file + " has an impossible architecture (" + e.getMessage() + "). Copy the model"
                    + " again or retrain it.", e);
        }
        byte[] weightBytes = entries.get("weights.bin");
        ByteBuffer b = ByteBuffer.wrap(weightBytes).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, float[]> values = new LinkedHashMap<>();
        for (SrganArchitecture.Param p : arch.parameters()) {
            long n = 1;
            for (long d : p.shape()) n *= d; // each dimension ≤ 2^16 + 2 (count): no overflow
            if (b.remaining() < 4 * n) {
                throw new Ai4cException(file + " is truncated: weights.bin ends before " + p.name()
                        + ". Copy the model again.");
            }
            float[] v = new float[(int) n];
            b.asFloatBuffer().get(v);
            b.position(b.position() + v.length * 4);
            values.put(p.name(), v);
        }
        if (b.hasRemaining()) {
            throw new Ai4cException(file + " is damaged: weights.bin holds " + b.remaining() + " bytes more than the"
                    + " architecture in model.json needs. Copy the model again or retrain it.");
        }
        String yaml = entries.containsKey("config.yaml")
                ? new String(entries.get("config.yaml"), StandardCharsets.UTF_8) : "";
        AqConfig cfg = ConfigYaml.parse(yaml, file + "!config.yaml");
        List<String> lr = strings(root.path("lr_inputs")), st = strings(root.path("hr_static_inputs"));
        double[] mean = doubles(root.path("lr_mean")), std = doubles(root.path("lr_std"));
        if (lr.size() != arch.lrChannels() || st.size() != arch.staticChannels() || mean.length != lr.size()
                || std.length != lr.size() || !root.path("hr_output").isTextual()) {
            throw new Ai4cException(file + " is damaged: model.json lists " + lr.size() + " LR inputs, " + st.size()
                    + " static inputs, " + mean.length + " means and " + std.length
                    + " deviations for an architecture of " + arch.lrChannels() + " LR and " + arch.staticChannels()
                    + " static channels"
                    + (root.path("hr_output").isTextual() ? "" : ", and no hr_output") + ". Copy the model again or"
                    + " retrain it.");
        }
        SrganWeights weights = SrganWeights.of(arch, values);
        JsonNode sum = root.path(WEIGHTS_SHA256);
        if (sum.isTextual()) {
            WeightsDigest.require("Model " + file, sum.asText(), weightsSha256(weights, mean, std));
        } else {
            LOG.warn("{}: model.json records no {} (a model from an earlier version); its weights cannot be checked",
                    file, WEIGHTS_SHA256);
        }
        return new SrganModelFile(weights, lr, st, root.path("hr_output").asText(), mean, std,
                root.path("epoch").asInt(), cfg);
    }

    /**
     * SHA-256 (hex) of the normalisation and every parameter (name, shape, values) in the order of
     * {@link SrganArchitecture#parameters()}: what the networks compute with.
     */
    public static String weightsSha256(SrganWeights weights, double[] mean, double[] std) {
        WeightsDigest d = new WeightsDigest().putText(java.util.Arrays.toString(mean) + " "
                + java.util.Arrays.toString(std));
        for (SrganArchitecture.Param p : weights.architecture().parameters()) {
            d.putText(p.name() + " " + java.util.Arrays.toString(p.shape())).putFloats(weights.get(p.name()));
        }
        return d.hex();
    }

    /** A whole number of the architecture, {@code min … 65536}: larger ones are no model of this project. */
    private static int count(JsonNode a, String key, int min, Path file) {
        JsonNode n = a.path(key);
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < min || n.asInt() > 1 << 16) {
            throw new Ai4cException(file + " is damaged: model.json gives architecture/" + key + " = "
                    + (n.isMissingNode() ? "nothing" : n.toString()) + " (expected a whole number from " + min
                    + " to 65536). Copy the model again or retrain it.");
        }
        return n.asInt();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static double[] doubles(JsonNode n) {
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) out[i] = n.get(i).asDouble();
        return out;
    }
}
