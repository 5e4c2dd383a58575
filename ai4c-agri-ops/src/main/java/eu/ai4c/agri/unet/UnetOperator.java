package eu.ai4c.agri.unet;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.geotiff.GdalColourTable;
import eu.ai4c.kit.op.FileOperator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code unet} (specification section 3.2.1): the actions of {@link UnetDescriptor} —
 * extract_data ({@link PatchExtractor}, {@link PatchSetFiles}), train ({@link UnetTrainer},
 * {@link UnetTrainingOutputs}), pretrain ({@link PretrainAction}), predict ({@link ClassMapRaster}) and
 * full (the three in turn:
 * patches in {@code <output_dir>/patches}, model and reports in {@code <output_dir>}, maps in
 * {@code <output_dir>/maps}). Each action writes its files all or nothing. Stateless.
 */
public final class UnetOperator implements FileOperator {
    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c");
    public static final String PATCHES = "patches";
    public static final String MAPS = "maps";

    @Override
    public OperatorDescriptor descriptor() {
        return UnetDescriptor.DESCRIPTOR;
    }

    @Override
    public List<Path> write(Map<String, Product> sources, ParameterValues params, Path outputDir,
                            ProcessingContext context) throws IOException {
        Path input = params.getPath("inputDir");
        if (!Files.exists(input)) {
            throw Ai4cException.usage("unet: --input_dir " + input + ": no such folder or file.");
        }
        String action = params.getString("action");
        return switch (action) {
            case "extract_data" -> PatchSetFiles.write(extract(params, input), outputDir);
            case "train" -> train(params, input, outputDir, null, context).files();
            case "predict" -> predict(imagesOf(input), modelFileForPredict(params), outputDir,
                    params.getBoolean("probabilities"), context);
            case "pretrain" -> PretrainAction.run(params, input, outputDir, context);
            case "full" -> {
                List<Path> out = new ArrayList<>(PatchSetFiles.write(extract(params, input), outputDir.resolve(PATCHES)));
                Trained t = train(params, outputDir.resolve(PATCHES), outputDir, null, context);
                out.addAll(0, t.files());
                out.addAll(predict(imagesOf(input), t.files().get(0), outputDir.resolve(MAPS),
                        params.getBoolean("probabilities"), context));
                yield out;
            }
            default -> throw Ai4cException.usage("unet: unknown -action " + action);
        };
    }

    /** Cuts the labelled tiles of {@code input} with the parameters' bands, patch size, classes and split. */
    public static PatchExtractor.Extracted extract(ParameterValues params, Path input) throws IOException {
        List<LabelledTiles.Tile> tiles = LabelledTiles.list(input);
        boolean simplified = params.getBoolean("simplified");
        if (simplified && tiles.get(0).layout() == LabelledTiles.Layout.IMAGES_LABELS) {
            throw Ai4cException.usage("unet: -simplified True maps the IGBP labels of SEN12MS patches, but --input_dir "
                    + input + " holds images/ and labels/ tiles; leave -simplified False, or give the SEN12MS folder.");
        }
        for (LabelledTiles.Tile t : tiles) {
            if (t.layout() != tiles.get(0).layout()) {
                throw Ai4cException.usage("unet: --input_dir " + input + " mixes " + tiles.get(0).layout() + " labels ("
                        + tiles.get(0).label() + ") with " + t.layout() + " labels (" + t.label() + "), whose classes"
                        + " differ; give one kind per run.");
            }
        }
        ClassNames names = Sen12ms.classNames(tiles.get(0).layout(), simplified)
                .overriddenBy(ClassNames.parse(params.has("classNames") ? params.getString("classNames") : null));
        PatchExtractor.Extracted e = PatchExtractor.extract(tiles, bands(params), patchSize(params),
                selectedClasses(params), params.getDouble("valFraction"), params.getInt("seed"), simplified)
                .withClassNames(names);
        if (e.train().count() == 0) {
            throw Ai4cException.usage("unet: the tiles of " + input + " gave no training patch; give more or larger"
                    + " tiles, or a smaller --val_fraction.");
        }
        LOG.info("unet: {} tiles → {} training and {} validation patches of {}×{}² (classes {})", e.tiles(),
                e.train().count(), e.validation().count(), e.bandNames().size(), e.train().size(),
                java.util.Arrays.toString(e.classIds()));
        return e;
    }

    /** A finished training: the run and the files written (model first). */
    public record Trained(UnetTrainer.Result result, List<Path> files) {
    }

    /**
     * Trains on a patch set folder, or on labelled tiles (extracted in memory), and writes the
     * model and reports into {@code outputDir}.
     *
     * @param trainerOrNull a trainer to use (to listen to it or stop it), or null for one of the parameters' options
     */
    public static Trained train(ParameterValues params, Path input, Path outputDir, UnetTrainer trainerOrNull,
                                ProcessingContext context) throws IOException {
        PatchSetFiles.Loaded data;
        if (Files.isRegularFile(input.resolve(PatchSetFiles.DESCRIPTION))) {
            data = PatchSetFiles.read(input);
            if (data.train().size() != patchSize(params)) {
                LOG.info("unet: the patch set holds patches of {} px; training at that size (-patch_size {} ignored)",
                        data.train().size(), patchSize(params));
            }
        } else {
            PatchExtractor.Extracted e = extract(params, input);
            data = PatchSetFiles.Loaded.of(e);
        }
        UnetTrainer trainer = trainerOrNull != null ? trainerOrNull : new UnetTrainer(options(params, context));
        UnetModel initial = null;
        if (params.getBoolean("pretrained")) initial = backboneWeights(params, outputDir, data.bandNames());
        UnetTrainer.Result result = trainer.train(data.train(), data.validation().count() == 0 ? null : data.validation(),
                data.bandNames(), data.classIds(), data.mean(), data.std(), initial, context.progress())
                .withClassNames(data.classNames().overriddenBy(ClassNames.parse(params.has("classNames")
                        ? params.getString("classNames") : null)));
        String name = params.has("modelFile") ? params.getString("modelFile") : UnetDescriptor.DEFAULT_MODEL_FILE;
        if (name.contains("/") || name.contains("\\")) {
            throw Ai4cException.usage("unet: -model_file " + name + " names a path; for training give a file name, it is"
                    + " written into --output_dir.");
        }
        boolean onnx = "onnx".equals(params.getString("modelFormat"));
        if (name.endsWith(UnetOnnx.EXTENSION)) name = name.substring(0, name.length() - UnetOnnx.EXTENSION.length());
        if (!name.endsWith(UnetModelFile.EXTENSION)) name += UnetModelFile.EXTENSION;
        List<Path> files = UnetTrainingOutputs.write(result, outputDir, name, onnx);
        LOG.info("unet: wrote {}{} (epoch {} of {}) and the training reports into {}", name,
                onnx ? " and " + UnetTrainingOutputs.onnxName(name) : "", result.bestEpoch(), result.history().size(),
                outputDir);
        return new Trained(result, files);
    }

    /** The trainer options of validated parameters. */
    public static UnetTrainer.Options options(ParameterValues params, ProcessingContext context) {
        return new UnetTrainer.Options(Backbone.of(params.getString("backbone")), params.getInt("batchSize"),
                params.getInt("epochs"), params.getDouble("lr"),
                params.getString("criterion").equals("focal_loss") ? UnetTrainer.Criterion.FOCAL_LOSS
                        : UnetTrainer.Criterion.CROSS_ENTROPY, params.getBoolean("dataAug"), params.getInt("seed"),
                context.threads());
    }

    /**
     * The initial encoder of {@code -pretrained True}: {@code --backbone_weights}, else the
     * {@value BackboneFile#FILE} of {@code -action pretrain} in {@code outputDir}
     * ({@link BackboneFile#locate}); checked against the training bands when not empty.
     */
    static UnetModel backboneWeights(ParameterValues params, Path outputDir, List<String> bands) throws IOException {
        Path file = BackboneFile.locate(params.has("backboneWeights") ? params.getPath("backboneWeights") : null,
                outputDir);
        return BackboneFile.forTraining(file, Backbone.of(params.getString("backbone")), bands);
    }

    private static Path modelFileForPredict(ParameterValues params) {
        if (!params.has("modelFile")) {
            throw Ai4cException.usage("unet: -action predict needs -model_file <model.safetensors> (written by -action"
                    + " train).");
        }
        return Path.of(params.getString("modelFile"));
    }

    /**
     * The images to classify: the file itself or a Sentinel-2 product ({@link PredictInput}), the
     * folder's images/ subfolder, the SEN12MS Sentinel-2 patches below it, or the folder's GeoTIFFs
     * and Sentinel-2 products.
     */
    static List<Path> imagesOf(Path input) throws IOException {
        if (Files.isRegularFile(input) || PredictInput.isS2Product(input)) return List.of(input);
        Path images = input.resolve(LabelledTiles.IMAGES);
        if (Files.isDirectory(images)) input = images;
        else if (Sen12ms.holdsPatches(input)) return Sen12ms.s2Patches(input);
        List<Path> found;
        try (java.util.stream.Stream<Path> s = Files.list(input)) {
            found = s.filter(p -> Files.isRegularFile(p) && LabelledTiles.isTiff(p) || PredictInput.isS2Product(p))
                    .sorted().toList();
        }
        if (found.isEmpty()) {
            throw Ai4cException.usage("unet: --input_dir " + input + " holds no GeoTIFF image tile and no Sentinel-2"
                    + " product (.SAFE folder or .zip).");
        }
        return found;
    }

    /**
     * Writes the class map {@code <output_dir>/<NAME>.tif} (+ {@code .tif.aux.xml} colour table
     * and {@code <NAME>_legend.csv}) of each image; all files or none.
     */
    public static List<Path> predict(List<Path> images, Path modelFile, Path outputDir, ProcessingContext context)
            throws IOException {
        return predict(images, modelFile, outputDir, false, context);
    }

    /**
     * As {@link #predict(List, Path, Path, ProcessingContext)}, with {@code NAME_probabilities.tif}
     * (float32, one band per class, {@link ClassMapFiles}) beside each map when {@code withProbabilities}.
     */
    public static List<Path> predict(List<Path> images, Path modelFile, Path outputDir, boolean withProbabilities,
                                     ProcessingContext context) throws IOException {
        return predict(images, modelFile, outputDir, withProbabilities, UnetEngine.forThisJvm(), context);
    }

    /** As {@link #predict(List, Path, Path, boolean, ProcessingContext)}, with the windows computed by {@code engine}. */
    public static List<Path> predict(List<Path> images, Path modelFile, Path outputDir, boolean withProbabilities,
                                     UnetEngine engine, ProcessingContext context) throws IOException {
        UnetModel model = UnetModelFile.read(modelFile);
        List<Path> files = new ArrayList<>();
        try (AtomicOutput out = AtomicOutput.create()) {
            // every input is checked before the first is classified: a bad one stops the run at once, nothing written
            for (Path image : images) PredictInput.check(image, model);
            for (Path image : images) {
                try (PredictInput in = PredictInput.open(image, model, context)) {
                    String name = in.name();
                    Raster raster = in.raster();
                    Path map = outputDir.resolve(name + ".tif");
                    long t0 = System.nanoTime();
                    try (ClassMapRaster classes = new ClassMapRaster(raster, in.bands(), model, context.threads(),
                            engine)) {
                        LOG.info("unet: classifying {} with the {} forward pass", image.getFileName(),
                                classes.engine().describe());
                        Path probabilities = map.resolveSibling(name + ClassMapFiles.PROBABILITIES + ".tif");
                        long[] counts = ClassMapFiles.write(classes, model, name, out.temporaryFor(map),
                                withProbabilities ? out.temporaryFor(probabilities) : null, context);
                        Files.writeString(out.temporaryFor(map.resolveSibling(name + ".tif.aux.xml")),
                                GdalColourTable.pamDocument(ClassLegend.palette()));
                        Path legend = map.resolveSibling(name + "_legend.csv");
                        try (Writer w = Files.newBufferedWriter(out.temporaryFor(legend), StandardCharsets.UTF_8)) {
                            w.write(legendCsv(model, counts));
                        }
                        files.add(map);
                        files.add(map.resolveSibling(name + ".tif.aux.xml"));
                        files.add(legend);
                        if (withProbabilities) files.add(probabilities);
                    }
                    LOG.info("unet: class map of {} ({}×{}) in {} s", image.getFileName(), raster.width(),
                            raster.height(), String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
                }
            }
            out.commit();
        }
        return files;
    }

    /** {@code id,name,colour,pixels}: one row per model class, then 255 (no data). */
    static String legendCsv(UnetModel model, long[] counts) {
        StringBuilder sb = new StringBuilder("id,name,colour,pixels\n");
        for (int c = 0; c < model.classes(); c++) {
            int id = model.classIds()[c];
            sb.append(id).append(',').append(ClassLegend.csvCell(model.className(c))).append(',')
                    .append(ClassLegend.hex(id)).append(',').append(counts[id]).append('\n');
        }
        int nd = ClassMapRaster.NO_DATA;
        sb.append(nd).append(',').append(ClassLegend.name(nd)).append(",transparent,").append(counts[nd]).append('\n');
        return sb.toString();
    }

    static List<String> bands(ParameterValues params) {
        return params.has("bands") ? params.getList("bands") : List.of();
    }

    static int patchSize(ParameterValues params) {
        return Integer.parseInt(params.getString("patchSize"));
    }

    static int[] selectedClasses(ParameterValues params) {
        String text = params.getString("selectedClasses");
        List<Integer> ids = new ArrayList<>();
        for (String s : text.split(",")) {
            if (s.isBlank()) continue;
            try {
                // "a-b": every id from a to b, e.g. 1-17 for all IGBP classes
                String[] range = s.trim().split("-", -1);
                int from = Integer.parseInt(range[0].trim());
                int to = range.length == 2 ? Integer.parseInt(range[1].trim()) : from;
                if (range.length > 2 || to < from) throw new NumberFormatException(s);
                for (int id = from; id <= to && id <= 256; id++) ids.add(id);
            } catch (NumberFormatException e) {
                throw Ai4cException.usage("unet: invalid value \"" + text + "\" for -selected-classes: expected"
                        + " comma-separated class ids 1-255 or ranges, e.g. 1,2,3 or 1-10.");
            }
        }
        if (ids.isEmpty()) throw Ai4cException.usage("unet: -selected-classes is empty; give class ids 1-255.");
        int[] selected = ids.stream().mapToInt(Integer::intValue).toArray();
        PatchExtractor.classIds(selected); // refuses ids outside 1-255
        return selected;
    }
}
