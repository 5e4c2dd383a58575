package eu.ai4c.aq.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.WeightsDigest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checkpoint {@code aqgan-train} rewrites after every completed epoch: a model file ({@link
 * SrganModelFile}, so generate and predict load it too) whose zip also holds the {@link
 * TrainingState}: {@value #STATE} (step counts, best epoch and score, skipped updates, and the
 * SHA-256 of the arrays below, checked at load) and {@value #FIRST_MOMENT}, {@value
 * #SECOND_MOMENT}, {@value #BEST} (little-endian float32 in the order of {@link
 * SrganArchitecture#parameters()}, like {@code weights.bin}). A checkpoint of an earlier version
 * has no state: it resumes with Adam's moments restarted ({@link #state} null).
 *
 * @param model the weights of the last completed epoch, with normalisation and configuration
 * @param state the optimiser's state after that epoch, or null (an earlier version's checkpoint)
 */
public record SrganCheckpoint(SrganModelFile model, TrainingState state) {
    public static final String FORMAT = "ai4c-aqgan-training-state-1";
    static final String STATE = "training_state.json";
    static final String FIRST_MOMENT = "adam_m.bin";
    static final String SECOND_MOMENT = "adam_v.bin";
    static final String BEST = "best.bin";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes the checkpoint (atomically). */
    public Path write(Path file) throws IOException {
        Map<String, byte[]> extra = new LinkedHashMap<>();
        if (state != null) {
            ObjectNode root = JSON.createObjectNode();
            root.put("format", FORMAT);
            root.put("critic_steps", state.criticSteps());
            root.put("generator_steps", state.generatorSteps());
            root.put("best_epoch", state.bestEpoch());
            // as text: exact (shortest round-trip form) and also for +∞/NaN, which JSON numbers cannot hold
            root.put("best_score", Double.toString(state.bestScore()));
            root.put("skipped_updates", state.skipped());
            root.put("sha256", digest(state));
            extra.put(STATE, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            extra.put(FIRST_MOMENT, floats(state.firstMoment()));
            extra.put(SECOND_MOMENT, floats(state.secondMoment()));
            if (state.best() != null) extra.put(BEST, floats(state.best()));
        }
        return model.write(file, extra);
    }

    /** Reads a checkpoint; a clear error naming the file when it or its state is damaged. */
    public static SrganCheckpoint read(Path file) throws IOException {
        Map<String, byte[]> entries = SrganModelFile.entries(file);
        SrganModelFile model = SrganModelFile.fromEntries(file, entries);
        if (!entries.containsKey(STATE)) return new SrganCheckpoint(model, null);
        JsonNode root;
        try {
            root = JSON.readTree(entries.get(STATE));
        } catch (IOException e) {
            throw damaged(file, STATE + " is not JSON (" + e.getMessage() + ")");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw damaged(file, STATE + " is not of format " + FORMAT);
        }
        SrganArchitecture arch = model.weights().architecture();
        SrganWeights m = weights(file, entries, FIRST_MOMENT, arch);
        SrganWeights v = weights(file, entries, SECOND_MOMENT, arch);
        SrganWeights best = entries.containsKey(BEST) ? weights(file, entries, BEST, arch) : null;
        TrainingState state;
        try {
            state = new TrainingState(m, v, count(file, root, "critic_steps"), count(file, root, "generator_steps"),
                    count(file, root, "best_epoch"), Double.parseDouble(root.path("best_score").asText()), best,
                    count(file, root, "skipped_updates"));
        } catch (NumberFormatException e) {
            throw damaged(file, STATE + " has best_score \"" + root.path("best_score").asText() + "\"");
        }
        WeightsDigest.require("Checkpoint " + file + " (" + STATE + ")", root.path("sha256").asText(), digest(state));
        return new SrganCheckpoint(model, state);
    }

    /** SHA-256 (hex) of the step counts, best epoch and score and the moment and best arrays. */
    static String digest(TrainingState s) {
        WeightsDigest d = new WeightsDigest().putText(s.criticSteps() + " " + s.generatorSteps() + " " + s.bestEpoch()
                + " " + s.bestScore() + " " + s.skipped());
        for (SrganWeights w : new SrganWeights[] {s.firstMoment(), s.secondMoment(), s.best()}) {
            if (w == null) continue;
            for (SrganArchitecture.Param p : w.parameters()) d.putText(p.name()).putFloats(w.get(p.name()));
        }
        return d.hex();
    }

    private static byte[] floats(SrganWeights w) {
        long n = 0;
        for (SrganArchitecture.Param p : w.parameters()) n += p.size();
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(4 * n)).order(ByteOrder.LITTLE_ENDIAN);
        for (SrganArchitecture.Param p : w.parameters()) {
            b.asFloatBuffer().put(w.get(p.name()));
            b.position(b.position() + 4 * p.size());
        }
        return b.array();
    }

    private static SrganWeights weights(Path file, Map<String, byte[]> entries, String entry, SrganArchitecture arch) {
        byte[] bytes = entries.get(entry);
        if (bytes == null) throw damaged(file, "it has " + STATE + " but no " + entry);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, float[]> values = new LinkedHashMap<>();
        for (SrganArchitecture.Param p : arch.parameters()) {
            if (b.remaining() < 4L * p.size()) throw damaged(file, entry + " ends before " + p.name());
            float[] v = new float[p.size()];
            b.asFloatBuffer().get(v);
            b.position(b.position() + 4 * v.length);
            values.put(p.name(), v);
        }
        if (b.hasRemaining()) throw damaged(file, entry + " holds " + b.remaining() + " bytes more than the architecture needs");
        return SrganWeights.of(arch, values);
    }

    private static int count(Path file, JsonNode root, String key) {
        JsonNode n = root.path(key);
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 0) {
            throw damaged(file, STATE + " gives " + key + " = " + (n.isMissingNode() ? "nothing" : n.toString())
                    + " (expected a whole number ≥ 0)");
        }
        return n.asInt();
    }

    private static Ai4cException damaged(Path file, String what) {
        return new Ai4cException("Checkpoint " + file + " is damaged: " + what + ". Resume from an intact copy, or"
                + " train again without --resume.");
    }
}
