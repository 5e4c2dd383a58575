package eu.ai4c.agri.unet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.ai4c.agri.npy.Npy;
import eu.ai4c.agri.npy.NpyArray;
import eu.ai4c.agri.npy.NpyType;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.AtomicOutput;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The patch set folder written by {@code -action extract_data} and read by {@code -action train}:
 * {@code X_train.npy} (float32 {@code [N, bands, P, P]}, normalised), {@code y_train.npy} (uint8
 * {@code [N, P, P]}, class indices), the same for {@code _val}, {@value #DESCRIPTION} (bands,
 * class ids, patch size, per-band mean and std, patch counts) and {@value #SUMMARY} (per class:
 * id, training and validation pixels). Written all or nothing. Stateless.
 */
public final class PatchSetFiles {
    public static final String DESCRIPTION = "patchset.json";
    public static final String SUMMARY = "extract_summary.csv";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A patch set read back: the two sets and their description. */
    public record Loaded(PatchSet train, PatchSet validation, List<String> bandNames, int[] classIds, float[] mean,
                         float[] std, ClassNames classNames) {
        /** The set of an extraction done in this run. */
        public static Loaded of(PatchExtractor.Extracted e) {
            return new Loaded(e.train(), e.validation(), e.bandNames(), e.classIds(), e.mean(), e.std(), e.classNames());
        }
    }

    private PatchSetFiles() {
    }

    /** Writes the set into {@code dir}; returns the files, the description first. */
    public static List<Path> write(PatchExtractor.Extracted e, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        try (AtomicOutput out = AtomicOutput.create()) {
            ObjectNode d = JSON.createObjectNode();
            d.put("format", "ai4c-unet-patches").put("version", 1).put("patch_size", e.train().size());
            var bands = d.putArray("bands");
            e.bandNames().forEach(bands::add);
            var ids = d.putArray("class_ids");
            for (int c : e.classIds()) ids.add(c);
            var mean = d.putArray("mean");
            for (float v : e.mean()) mean.add(v);
            var std = d.putArray("std");
            for (float v : e.std()) std.add(v);
            if (!e.classNames().isEmpty()) {
                ObjectNode names = d.putObject("class_names");
                e.classNames().asMap().forEach((id, name) -> names.put(Integer.toString(id), name));
            }
            d.put("tiles", e.tiles()).put("train_patches", e.train().count()).put("val_patches", e.validation().count());
            Path description = dir.resolve(DESCRIPTION);
            JSON.writeValue(out.temporaryFor(description).toFile(), d);
            files.add(description);
            for (String part : new String[] {"train", "val"}) {
                PatchSet s = part.equals("train") ? e.train() : e.validation();
                Path x = dir.resolve("X_" + part + ".npy");
                Path y = dir.resolve("y_" + part + ".npy");
                Npy.write(NpyArray.ofFloats(s.x(), s.count(), s.bands(), s.size(), s.size()), out.temporaryFor(x));
                int[] labels = new int[s.y().length];
                for (int i = 0; i < labels.length; i++) labels[i] = s.y()[i];
                Npy.write(NpyArray.ofInts(NpyType.UINT8, labels, s.count(), s.size(), s.size()), out.temporaryFor(y));
                files.add(x);
                files.add(y);
            }
            Path summary = dir.resolve(SUMMARY);
            try (Writer w = Files.newBufferedWriter(out.temporaryFor(summary), StandardCharsets.UTF_8)) {
                w.write("class_id,train_pixels,val_pixels,name\n");
                for (int k = 0; k < e.classIds().length; k++) {
                    int id = e.classIds()[k];
                    w.write(id + "," + e.pixelsPerClass()[0][k] + "," + e.pixelsPerClass()[1][k] + ","
                            + ClassLegend.csvCell(e.classNames().name(id)) + "\n");
                }
            }
            files.add(summary);
            out.commit();
        }
        return files;
    }

    /** Reads a patch set folder; a folder that is not one is refused naming what is missing. */
    public static Loaded read(Path dir) throws IOException {
        Path description = dir.resolve(DESCRIPTION);
        if (!Files.isRegularFile(description)) {
            throw Ai4cException.usage("unet: " + dir + " holds no " + DESCRIPTION + "; give the folder written by "
                    + "unet -action extract_data (or run -action full).");
        }
        JsonNode d = JSON.readTree(description.toFile());
        List<String> bands = new ArrayList<>();
        d.path("bands").forEach(n -> bands.add(n.asText()));
        int[] ids = new int[d.path("class_ids").size()];
        for (int i = 0; i < ids.length; i++) ids[i] = d.path("class_ids").get(i).asInt();
        float[] mean = new float[bands.size()];
        float[] std = new float[bands.size()];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (float) d.path("mean").path(i).asDouble();
            std[i] = (float) d.path("std").path(i).asDouble(1);
        }
        java.util.Map<Integer, String> names = new java.util.TreeMap<>();
        d.path("class_names").fields().forEachRemaining(f -> {
            if (f.getKey().matches("\\d{1,3}") && f.getValue().isTextual()) names.put(Integer.parseInt(f.getKey()), f.getValue().asText());
        });
        return new Loaded(part(dir, "train", bands.size(), ids.length), part(dir, "val", bands.size(), ids.length),
                bands, ids, mean, std, ClassNames.of(names));
    }

    private static PatchSet part(Path dir, String part, int bands, int classes) {
        Path xf = dir.resolve("X_" + part + ".npy");
        Path yf = dir.resolve("y_" + part + ".npy");
        if (!Files.isRegularFile(xf) || !Files.isRegularFile(yf)) {
            throw Ai4cException.usage("unet: " + dir + " lacks " + xf.getFileName() + " or " + yf.getFileName()
                    + "; extract the patch set again.");
        }
        NpyArray x = Npy.read(xf);
        NpyArray y = Npy.read(yf);
        int[] xs = x.shape();
        int[] ys = y.shape();
        if (xs.length != 4 || ys.length != 3 || xs[0] != ys[0] || xs[1] != bands || xs[2] != ys[1] || xs[3] != ys[2]
                || xs[2] != xs[3]) {
            throw Ai4cException.usage("unet: " + xf + " " + java.util.Arrays.toString(xs) + " and " + yf.getFileName()
                    + " " + java.util.Arrays.toString(ys) + " are not [N, " + bands + ", P, P] and [N, P, P]; extract "
                    + "the patch set again.");
        }
        int[] labels = y.toIntsOrNull();
        byte[] yb = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw Ai4cException.usage("unet: " + yf + " holds class index " + labels[i] + " but " + DESCRIPTION
                        + " lists " + classes + " classes; extract the patch set again.");
            }
            yb[i] = (byte) labels[i];
        }
        return new PatchSet(x.toFloats(), yb, xs[0], xs[1], xs[2]);
    }
}
