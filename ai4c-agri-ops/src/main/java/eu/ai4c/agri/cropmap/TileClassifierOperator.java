package eu.ai4c.agri.cropmap;

import eu.ai4c.agri.model.ModelFiles;
import eu.ai4c.agri.model.ModelFormat;
import eu.ai4c.agri.model.SequenceClassifier;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.SideOutputs;
import eu.ai4c.kit.io.geotiff.GeoTiffReader;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Metadata;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.tile.CachedRaster;
import eu.ai4c.kit.tile.TileCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tile_classifier} (specification section 3.2.5): the crop-type map of a tile from its
 * monthly composites and a trained sequence model. Checks the inputs eagerly (model, composite
 * count, bands and grid, crop mask grid) and returns a lazy product: {@link CropTypeRaster}
 * classifies block by block, {@link MajorityFilterRaster} cleans the result over a cached
 * halo. The legend and colour table travel as {@link SideOutputs} ({@link CropMapOutputs}).
 * Stateless.
 */
public final class TileClassifierOperator implements Operator {
    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c");

    @Override
    public OperatorDescriptor descriptor() {
        return TileClassifierDescriptor.DESCRIPTOR;
    }

    @Override
    public Product apply(Map<String, Product> sources, ParameterValues params, ProcessingContext context) throws IOException {
        Path inputDir = params.has("inputDir") ? params.getPath("inputDir") : null;
        if (inputDir != null && !Files.exists(inputDir)) {
            throw Ai4cException.usage("tile_classifier: --input_dir " + inputDir + ": no such folder or file. Give "
                    + "the folder holding the crop mask GeoTIFF (and the model), or leave it out to classify the whole tile.");
        }
        int size = params.getInt("majoritySize");
        if (size != 0 && size % 2 == 0) {
            throw Ai4cException.usage("tile_classifier: --majority_size " + size + " is even; give an odd window "
                    + "size (3, 5, 7, …) or 0 to turn the filter off.");
        }
        Path modelFile = params.has("model") ? params.getPath("model") : modelIn(inputDir);
        Path maskFile = maskIn(inputDir);
        SequenceClassifier first = ModelFiles.open(modelFile);
        ClassifierPool pool = new ClassifierPool(first, () -> ModelFiles.open(modelFile), context.threads());
        try {
            if (pool.classes() > CropTypeLegend.NO_DATA) {
                throw Ai4cException.usage("tile_classifier: --model " + modelFile + " has " + pool.classes()
                        + " classes; a uint8 crop map holds at most 255 (255 is no-data).");
            }
            MonthlyCompositeStack stack = MonthlyCompositeStack.open(params.getPath("mcDir"), "--mc_dir",
                    pool.timesteps(), pool.bands(), context.threads(), context.warnings());
            Raster[] months = stack.rasters();
            Raster mask = null;
            if (maskFile != null) {
                mask = new GeoTiffReader().read(maskFile).raster();
                if (mask.width() != months[0].width() || mask.height() != months[0].height()
                        || !Objects.equals(mask.geoCoding(), months[0].geoCoding())) {
                    String msg = "tile_classifier: crop mask " + maskFile.getFileName() + " (" + mask.width() + "x"
                            + mask.height() + ") is not on the grid of the composites (" + months[0].width() + "x"
                            + months[0].height() + ", " + stack.composites().get(0).file().getFileName() + "); resample "
                            + "the mask to the composites' grid (same size, resolution and projection).";
                    MonthlyCompositeStack.closeAll(mask);
                    stack.close();
                    throw Ai4cException.usage(msg);
                }
            }
            LOG.info("tile_classifier: {} composites {}…{} ({}x{}, {} bands), mask {}, model {} ({} classes), "
                            + "majority filter {}", months.length, stack.composites().get(0).label(),
                    stack.composites().get(months.length - 1).label(), months[0].width(), months[0].height(),
                    pool.bands(), maskFile == null ? "none (whole tile)" : maskFile.getFileName(),
                    modelFile.getFileName(), pool.classes(), size == 0 ? "off" : size + "x" + size);
            Raster map = new CropTypeRaster(months, mask, pool, params.getInt("batchSize"));
            if (size > 1) {
                int[] tile = map.preferredTileSize();
                // the filter reads a halo around each tile: cache inferred tiles so neighbours reuse them
                long cache = Math.min(context.cacheBytes(), 64L << 20);
                map = new MajorityFilterRaster(new CachedRaster(map, tile[0], tile[1], new TileCache(cache)), size,
                        pool.classes());
            }
            Metadata md = new Metadata("metadata");
            Metadata h = md.childOrCreate("Processing_History").addChild("tile_classifier");
            for (Map.Entry<String, Object> e : params.asMap().entrySet()) h.set(e.getKey(), String.valueOf(e.getValue()));
            h.set("model", modelFile.toString()).set("mask", maskFile == null ? "none" : maskFile.toString())
                    .set("months", String.join(",", stack.composites().stream().map(c -> c.label()).toList()));
            return new Product(stack.namePrefix() + "_crop_type", map, md, null)
                    .withAttachment(SideOutputs.class, new CropMapOutputs(map, pool.classes()));
        } catch (IOException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** The crop mask: {@code input_dir} itself when a GeoTIFF, else its only GeoTIFF; null when none. */
    static Path maskIn(Path inputDir) throws IOException {
        if (inputDir == null) return null;
        if (Files.isRegularFile(inputDir)) return inputDir;
        List<Path> tiffs = files(inputDir).stream().filter(TileClassifierOperator::isTiff).toList();
        if (tiffs.size() > 1) {
            throw Ai4cException.usage("tile_classifier: --input_dir " + inputDir + " holds " + tiffs.size()
                    + " GeoTIFFs " + tiffs.stream().map(p -> p.getFileName().toString()).toList() + "; keep only the "
                    + "binary crop mask there, or give the mask file itself as --input_dir.");
        }
        return tiffs.isEmpty() ? null : tiffs.get(0);
    }

    /** The model file of {@code input_dir}: its only file a registered model format accepts. */
    static Path modelIn(Path inputDir) throws IOException {
        if (inputDir == null || !Files.isDirectory(inputDir)) {
            throw Ai4cException.usage("tile_classifier: no model given; give --model <file.h5>, or put the model "
                    + "file in the folder given as --input_dir.");
        }
        List<ModelFormat> formats = ModelFiles.formats();
        List<Path> models = files(inputDir).stream().filter(f -> !isTiff(f) && !f.toString().endsWith(".aux.xml"))
                .filter(f -> formats.stream().anyMatch(m -> m.accepts(f))).toList();
        if (models.size() != 1) {
            throw Ai4cException.usage("tile_classifier: --input_dir " + inputDir + " holds " + (models.isEmpty()
                    ? "no model file" : models.size() + " model files " + models.stream()
                    .map(p -> p.getFileName().toString()).toList()) + "; give the model with --model <file.h5>.");
        }
        return models.get(0);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static boolean isTiff(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".tif") || n.endsWith(".tiff");
    }
}
