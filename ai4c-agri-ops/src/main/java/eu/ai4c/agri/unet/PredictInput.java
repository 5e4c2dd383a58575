package eu.ai4c.agri.unet;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.geotiff.GeoTiffReader;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.DerivedRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s2.preprocess.S2PreprocessOperator;
import eu.ai4c.s2.safe.BandFolderReader;
import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.safe.S2Product;
import eu.ai4c.s2.safe.S2ProductReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One input of {@code -action predict}, opened with the model's bands picked out:
 * <ul>
 * <li>a GeoTIFF image tile (layout (a), an S2-preprocess output, a SEN12MS Sentinel-2 patch whose
 * 13 bands are known by position, {@link Sen12ms}), bands chosen by {@link ImageBands};</li>
 * <li>a Sentinel-2 L1C/L2A product (the {@code .SAFE} folder, its {@code MTD_MSIL*.xml} or its
 * {@code .zip}): the model's bands are read as {@code S2-preprocess} makes them with its defaults
 * (reflectance from the product's quantification and, from baseline 04.00, offsets; resampled from
 * their native 10/20/60 m grids to 10 m on the tile's own UTM grid, nearest-neighbour upsampling;
 * no-data NaN; no cloud mask), lazily, so that a product of any size streams. L1C products give
 * top-of-atmosphere reflectance (Sen2Cor is not run). The model's normalisation tells the scale it
 * was trained on: reflectance (S2-preprocess outputs; every band mean below {@value #REFLECTANCE_MEAN_LIMIT})
 * or digital numbers, reflectance × quantification (SEN12MS patches and other uint16 tiles; any
 * mean at or above it, which no reflectance mean reaches); the product's reflectance is multiplied
 * by the quantification (10000) in the second case.</li>
 * </ul>
 * Refused naming the input and the fix: tiles below {@value PatchExtractor#MIN_TILE} px a side,
 * bands the model needs and the input lacks, a product for a model whose bands are no Sentinel-2
 * band names. Not thread-safe to open; the raster is as thread-safe as its reader.
 */
final class PredictInput implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c");
    /** A band mean of the model at or above this cannot be reflectance: the model was trained on DNs. */
    static final double REFLECTANCE_MEAN_LIMIT = 2.0;

    private final String name;
    private final Raster raster;
    private final int[] bands;
    private final Closeable resource;

    private PredictInput(String name, Raster raster, int[] bands, Closeable resource) {
        this.name = name;
        this.raster = raster;
        this.bands = bands;
        this.resource = resource;
    }

    /** The output name: the tile's file name without extension, or the product name. */
    String name() {
        return name;
    }

    Raster raster() {
        return raster;
    }

    /** Indices in {@link #raster()} of the model's bands, in the model's order. */
    int[] bands() {
        return bands.clone();
    }

    /** Whether {@code path} is a Sentinel-2 SAFE product (folder, metadata file or zip), not a tile or a folder of tiles. */
    static boolean isS2Product(Path path) {
        return new S2ProductReader().probe(path) == eu.ai4c.kit.io.ProductReader.Fit.SPECIFIC
                && !BandFolderReader.looksLikeBandFolder(path);
    }

    /** Opens {@code path} for {@code model}. */
    static PredictInput open(Path path, UnetModel model, ProcessingContext context) throws IOException {
        return isS2Product(path) ? openProduct(path, model, context) : openTile(path, model);
    }

    /**
     * Checks that {@code path} can be classified by {@code model} (size, bands), reading only
     * headers and metadata; throws what {@link #open} would.
     */
    static void check(Path path, UnetModel model) throws IOException {
        if (isS2Product(path)) {
            productBands(path, model);
        } else {
            openTile(path, model).close();
        }
    }

    private static PredictInput openTile(Path image, UnetModel model) throws IOException {
        String file = image.getFileName().toString();
        Raster raster = new GeoTiffReader().read(image).raster();
        try {
            if (raster.width() < PatchExtractor.MIN_TILE || raster.height() < PatchExtractor.MIN_TILE) {
                throw Ai4cException.usage("unet: image tile " + image + " is " + raster.width() + "×" + raster.height()
                        + " px; tiles must be at least " + PatchExtractor.MIN_TILE + "×" + PatchExtractor.MIN_TILE
                        + ". Merge it with its neighbours or classify the larger image it was cut from.");
            }
            int[] bands = ImageBands.select(raster, model.bandNames(), Sen12ms.bandOrderOf(image), image,
                    "image tile (for the model's bands)");
            if (!model.bandNames().isEmpty() && bands.length != model.bands()) {
                throw Ai4cException.usage("unet: " + image + " does not fit the model's " + model.bands() + " bands "
                        + model.bandNames());
            }
            return new PredictInput(file.substring(0, file.lastIndexOf('.')), raster,
                    bands, raster instanceof Closeable c ? c : null);
        } catch (RuntimeException e) {
            if (raster instanceof Closeable c) c.close();
            throw e;
        }
    }

    private static PredictInput openProduct(Path path, UnetModel model, ProcessingContext context) throws IOException {
        Product product = productBands(path, model);
        S2Product s2 = product.attachment(S2Product.class).orElseThrow();
        List<String> s2Bands = new ArrayList<>();
        for (String b : model.bandNames()) s2Bands.add(S2Band.parse(b).name());
        S2PreprocessOperator preprocess = new S2PreprocessOperator();
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("bands", String.join(",", s2Bands));
        raw.put("l1cAsToa", "true");
        Raster raster = preprocess.apply(Map.of("input", product), preprocess.descriptor().validate(raw), context)
                .raster();
        double scale = 1;
        for (float m : model.mean()) if (m >= REFLECTANCE_MEAN_LIMIT) scale = s2.quantification();
        LOG.info("unet: {} ({} {}) read as S2-preprocess does: bands {} at 10 m, {}×{} px, {}", s2.name(), s2.level(),
                s2.baseline(), s2Bands, raster.width(), raster.height(), scale == 1 ? "reflectance"
                        : "reflectance × " + (long) scale + " (the model was trained on digital numbers)");
        if (scale != 1) raster = new Scaled(raster, (float) scale);
        int[] bands = new int[s2Bands.size()]; // S2-preprocess gives the bands in the model's order
        for (int b = 0; b < bands.length; b++) bands[b] = b;
        return new PredictInput(s2.name(), raster, bands, null);
    }

    /** The product at {@code path}, checked to hold the model's bands. */
    private static Product productBands(Path path, UnetModel model) throws IOException {
        List<S2Band> s2Bands = new ArrayList<>();
        for (String b : model.bandNames()) {
            S2Band band = S2Band.parseOrNull(b);
            if (band == null) {
                throw Ai4cException.usage("unet: the model's bands " + model.bandNames() + " are not all Sentinel-2"
                        + " band names (" + S2Band.NAMES + "), so they cannot be taken from the product " + path
                        + ". Classify GeoTIFF tiles with the model's bands, or train with -bands.");
            }
            s2Bands.add(band);
        }
        Product product = new S2ProductReader().read(path);
        S2Product s2 = product.attachment(S2Product.class).orElseThrow();
        for (S2Band b : s2Bands) s2.band(b); // a band the product lacks: refused naming it and the bands it has
        return product;
    }

    /** Bands times a factor (float32, NaN stays NaN). */
    private static final class Scaled extends DerivedRaster {
        private final float factor;

        Scaled(Raster source, float factor) {
            super(source, source.bands());
            this.factor = factor;
        }

        @Override
        public Block read(int band, Region region) throws IOException {
            float[] in = source.read(band, region).toFloats(); // may be the source's own array: not changed
            float[] v = new float[in.length];
            for (int i = 0; i < v.length; i++) v[i] = in[i] * factor;
            return new Block(region, DataType.FLOAT32, v);
        }
    }

    @Override
    public void close() throws IOException {
        if (resource != null) resource.close();
    }
}
