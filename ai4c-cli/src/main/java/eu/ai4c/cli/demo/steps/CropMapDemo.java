package eu.ai4c.cli.demo.steps;

import eu.ai4c.agri.npy.Npy;
import eu.ai4c.agri.timesen2crop.CropClass;
import eu.ai4c.agri.timesen2crop.synthetic.SyntheticTimeSen2Crop;
import eu.ai4c.cli.ServiceRun;
import eu.ai4c.cli.demo.DemoOutcome;
import eu.ai4c.cli.demo.DemoStep;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Demo of the agriculture chain: synthetic TimeSen2Crop-format samples → {@code timesen2crop-export}
 * (12 monthly medians, held-out part) → {@code train_lstm} (a few epochs on CPU) → a synthetic
 * tile of fields whose monthly composites follow held-out samples of known crops →
 * {@code tile_classifier} → crop map PNG with the TimeSen2Crop colours.
 */
public final class CropMapDemo implements DemoStep {
    private static final int SIZE = 240, FIELDS = 6;
    private static final String[] BANDS = {"B2", "B3", "B4", "B5", "B6", "B7", "B8A", "B11", "B12"};

    @Override
    public String name() {
        return "crop-map";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public DemoOutcome run(Path outDir, ProcessingContext context) throws IOException {
        Path data = outDir.resolve("timesen2crop");
        SyntheticTimeSen2Crop.write(data, 40, 5, "33UVP");
        Path npy = ServiceRun.run("timesen2crop-export", Map.of(), Map.of("--input_dir", data.toString(),
                "--val_fraction", "0.25"), outDir.resolve("training-set"), "GeoTIFF", context).getParent();
        Path model = ServiceRun.run("train_lstm", Map.of(), Map.of("--input_dir", npy.toString(),
                "--val", npy.resolve("val").toString(), "--n_epochs", "20", "--learning_rate", "5e-3"),
                outDir.resolve("model"), "GeoTIFF", context);

        // fields of FIELDS × FIELDS cells, each the monthly series of one held-out sample (+1 % noise)
        float[] series = Npy.read(npy.resolve("val/train.npy")).toFloats();
        int[] labels = Npy.read(npy.resolve("val/y_train.npy")).toIntsOrNull();
        int[] truth = new int[SIZE * SIZE];
        Path composites = writeComposites(outDir.resolve("composites"), series, labels, truth);
        Path map = ServiceRun.run("tile_classifier", Map.of(), Map.of("--mc_dir", composites.toString(),
                "--model", model.toString()), outDir, "GeoTIFF", context);

        Raster classes = ProductIO.read(map).raster();
        Block c = classes.read(0, Region.of(SIZE, SIZE));
        int ok = 0;
        for (int i = 0; i < truth.length; i++) if ((int) c.getDouble(i) == truth[i]) ok++;
        Path png = outDir.resolve("crop_map.png");
        writePng(c, png);
        Path truthPng = outDir.resolve("fields_truth.png");
        writePng(new Block(Region.of(SIZE, SIZE), DataType.INT32, truth), truthPng);
        return new DemoOutcome(String.format(java.util.Locale.ROOT, "Synthetic TimeSen2Crop tile 33UVP (40 samples per "
                        + "class, 73 dates with clouds, shadows and snow) exported as 12 monthly medians, an LSTM "
                        + "trained for 20 epochs on CPU, then a %d×%d px tile of %d fields whose monthly composites "
                        + "follow held-out samples of known crops classified with tile_classifier (3×3 majority "
                        + "filter). Left: crop map in the TimeSen2Crop colours; right: the fields' true crops. "
                        + "Pixels classified as their field's crop: %.1f %%.", SIZE, SIZE, FIELDS * FIELDS,
                        100.0 * ok / truth.length),
                List.of(model, map), List.of(png, truthPng));
    }

    private static Path writeComposites(Path dir, float[] series, int[] labels, int[] truth) throws IOException {
        Files.createDirectories(dir);
        int per = 12 * BANDS.length;
        SplittableRandom rnd = new SplittableRandom(17);
        int cell = SIZE / FIELDS;
        int[] fieldSample = new int[FIELDS * FIELDS];
        for (int f = 0; f < fieldSample.length; f++) fieldSample[f] = rnd.nextInt(labels.length);
        short[][][] months = new short[12][BANDS.length][SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int s = fieldSample[Math.min(FIELDS - 1, y / cell) * FIELDS + Math.min(FIELDS - 1, x / cell)];
                truth[y * SIZE + x] = labels[s];
                for (int m = 0; m < 12; m++) {
                    for (int b = 0; b < BANDS.length; b++) {
                        double v = series[s * per + m * BANDS.length + b] * (1 + 0.01 * rnd.nextGaussian());
                        months[m][b][y * SIZE + x] = (short) Math.max(1, Math.min(65535, Math.round(v)));
                    }
                }
            }
        }
        MapGeoCoding grid = MapGeoCoding.northUp(Projections.parse("EPSG:32633", 0, 0), 500000, 5300000, 10, -10);
        for (int m = 0; m < 12; m++) {
            List<Band> bands = new ArrayList<>();
            Block[] blocks = new Block[BANDS.length];
            for (int b = 0; b < BANDS.length; b++) {
                bands.add(Band.of(BANDS[b], DataType.UINT16, 0));
                blocks[b] = new Block(Region.of(SIZE, SIZE), DataType.UINT16, months[m][b]);
            }
            String month = java.time.YearMonth.of(2017, 9).plusMonths(m).toString();
            ProductIO.writer("GeoTIFF").write(Product.of("mc", new MemoryRaster(bands, blocks, grid)),
                    dir.resolve("T33UVP_MC_" + month + ".tif"), ProcessingContext.defaults());
        }
        return dir;
    }

    /** Class ids in the TimeSen2Crop colours (255 no-data black). */
    private static void writePng(Block classes, Path png) throws IOException {
        int w = classes.region().width(), h = classes.region().height();
        BufferedImage img = new BufferedImage(w * 2, h * 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h * 2; y++) {
            for (int x = 0; x < w * 2; x++) {
                int id = (int) classes.getDouble((y / 2) * w + x / 2);
                img.setRGB(x, y, id >= 0 && id < CropClass.COUNT ? CropClass.ofId(id).rgb() : 0);
            }
        }
        ImageIO.write(img, "png", png.toFile());
    }
}
