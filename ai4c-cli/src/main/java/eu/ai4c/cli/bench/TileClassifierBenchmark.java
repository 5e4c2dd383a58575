package eu.ai4c.cli.bench;

import eu.ai4c.agri.lstm.Activation;
import eu.ai4c.agri.lstm.LstmH5;
import eu.ai4c.agri.lstm.RandomModels;
import eu.ai4c.cli.ServiceRun;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tile_classifier} end to end on an N×N tile (default N = 10980): 12 monthly composites of
 * 9 uint16 bands (DEFLATE GeoTIFFs, fields of 64×64 px with a class-dependent series), a crop mask
 * with 30 % of the pixels to classify, an LSTM model file (12×9 → LSTM 64 → Dense 16, random
 * weights written with {@link LstmH5}: the cost does not depend on the weights), majority filter
 * 3×3 ({@code -Pmajority=K}). No peer: no other tool applies this model to a tile.
 */
public final class TileClassifierBenchmark extends DeclaredBenchmark {
    private static final int MONTHS = 12, CLASSES = 16, FIELD = 64;
    private static final String[] BANDS = {"B2", "B3", "B4", "B5", "B6", "B7", "B8A", "B11", "B12"};
    private static final MapGeoCoding GRID = MapGeoCoding.northUp(Projections.parse("EPSG:32632", 9, 46),
            499980, 5200020, 10, 10);

    public TileClassifierBenchmark() {
        super("tile-classifier",
                "tile_classifier (LSTM 12x9 -> 64 -> 16, majority 3x3) on an NxN tile with 30% crop pixels; no peer (default N 10980).", "majority");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int n = context.size(10980);
        Path[] inputs = inputs(context, n);
        Path in = inputs[0], mc = inputs[1], model = inputs[2];
        Path work = in.getParent();
        int majority = context.intOption("majority", 3, 0);
        Map<String, String> params = Map.of("--input_dir", in.toString(), "--mc_dir", mc.toString(),
                "--model", model.toString(), "--majority_size", Integer.toString(majority));
        Path out = work.resolve("map.tif");
        BenchContext.Measured ours = context.measure(() -> ServiceRun.run("tile_classifier", Map.of(), params, out,
                "GeoTIFF", context.processing()));
        long crop = 0;
        for (int y = 0; y < n; y++) for (int x = 0; x < n; x += FIELD) if (crop(x, y)) crop += Math.min(FIELD, n - x);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("threads", context.processing().threads());
        extra.put("majority_size", majority);
        extra.put("classified_pixels", crop);
        extra.put("classified_per_s", Math.round(crop / ours.seconds()));
        return List.of(BenchResult.of(name(), n + "x" + n + ", 12 months x 9 bands uint16, 30% crop", ours, null,
                Double.NaN, extra));
    }

    /**
     * The inputs of an N×N tile in the work folder, written on first use: the input folder with the
     * crop mask, the folder of the 12 monthly composites, and the model file.
     */
    static Path[] inputs(BenchContext context, int n) throws IOException {
        Path work = Files.createDirectories(context.workDir().resolve("tile-classifier-" + n));
        Path mc = work.resolve("mc"), in = work.resolve("in");
        if (!Files.isDirectory(mc)) {
            Files.createDirectories(in);
            ProductIO.writer("GeoTIFF").write(Product.of("crop_mask", new CropMask(n)), in.resolve("crop_mask.tif"),
                    context.processing());
            Path tmp = Files.createDirectories(work.resolve("mc.partial"));
            for (int t = 0; t < MONTHS; t++) {
                String name = String.format(Locale.ROOT, "T32TNR_MC_%04d-%02d", 2017 + (8 + t) / 12, (8 + t) % 12 + 1);
                ProductIO.writer("GeoTIFF").write(Product.of(name, new Composite(n, t)), tmp.resolve(name + ".tif"),
                        context.processing());
            }
            Files.move(tmp, mc);
        }
        Path model = in.resolve("model.h5");
        if (!Files.exists(model)) {
            LstmH5.write(RandomModels.of(3, MONTHS, BANDS.length, new int[] {64}, new int[] {CLASSES},
                    Activation.LINEAR), model);
        }
        return new Path[] {in, mc, model};
    }

    /** Fields of 64×64 px; 3 in 10 are crops. */
    private static boolean crop(int x, int y) {
        return ((x / FIELD) * 7 + (y / FIELD) * 3) % 10 < 3;
    }

    /** The crop mask: 0 where a pixel is to be classified, 1 elsewhere, computed on demand. */
    private record CropMask(int size) implements Raster {
        @Override public int width() { return size; }
        @Override public int height() { return size; }
        @Override public List<Band> bands() { return List.of(Band.of("crop_mask", DataType.BYTE)); }
        @Override public MapGeoCoding geoCoding() { return GRID; }

        @Override
        public Block read(int band, Region r) {
            byte[] v = new byte[Math.toIntExact(r.area())];
            for (int y = 0; y < r.height(); y++) {
                for (int x = 0; x < r.width(); x++) v[y * r.width() + x] = (byte) (crop(r.x() + x, r.y() + y) ? 0 : 1);
            }
            return new Block(r, DataType.BYTE, v);
        }
    }

    /** One month of composite: per field a class, per class a smooth series, plus 3 bits of noise. */
    private record Composite(int size, int month) implements Raster {
        @Override public int width() { return size; }
        @Override public int height() { return size; }
        @Override public MapGeoCoding geoCoding() { return GRID; }

        @Override
        public List<Band> bands() {
            List<Band> b = new ArrayList<>();
            for (String name : BANDS) b.add(Band.of(name, DataType.UINT16, 0));
            return b;
        }

        @Override
        public Block read(int band, Region r) {
            short[] v = new short[Math.toIntExact(r.area())];
            for (int y = 0; y < r.height(); y++) {
                for (int x = 0; x < r.width(); x++) {
                    int gx = r.x() + x, gy = r.y() + y;
                    int cls = ((gx / FIELD) * 5 + (gy / FIELD) * 11) % CLASSES;
                    int noise = ((gx * 73856093) ^ (gy * 19349663) ^ (band * 83492791)) >>> 29;
                    v[y * r.width() + x] = (short) (1000 + 400 * cls + 30 * month + 7 * band + noise);
                }
            }
            return new Block(r, DataType.UINT16, v);
        }
    }
}
