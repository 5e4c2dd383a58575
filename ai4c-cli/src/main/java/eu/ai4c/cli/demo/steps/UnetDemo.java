package eu.ai4c.cli.demo.steps;

import eu.ai4c.agri.unet.ClassLegend;
import eu.ai4c.agri.unet.SegmentationMetrics;
import eu.ai4c.agri.unet.synthetic.SyntheticLandscape;
import eu.ai4c.cli.ServiceRun;
import eu.ai4c.cli.demo.DemoOutcome;
import eu.ai4c.cli.demo.DemoStep;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Raster;
import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Demo of the U-Net service: synthetic labelled Sentinel-2 tiles of fields, roads and water
 * ({@link SyntheticLandscape}) → {@code unet -action train} (ResNet-18, patches of 64 px, a few
 * epochs on CPU) → {@code unet -action predict} on a tile it never saw → class map PNG next to
 * the truth, with the mean IoU.
 */
public final class UnetDemo implements DemoStep {
    private static final int TILES = 4;
    private static final int TRAIN_SIZE = 192;
    private static final int SIZE = 256;

    @Override
    public String name() {
        return "unet";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public DemoOutcome run(Path outDir, ProcessingContext context) throws IOException {
        Path tiles = outDir.resolve("tiles");
        for (int i = 0; i < TILES; i++) {
            SyntheticLandscape.write(tiles, "tile" + i, SyntheticLandscape.draw(TRAIN_SIZE, TRAIN_SIZE, 11 + i));
        }
        Path heldOut = outDir.resolve("new-tile");
        SyntheticLandscape.Scene truth = SyntheticLandscape.draw(SIZE, SIZE, 999);
        SyntheticLandscape.write(heldOut, "new", truth);
        Path model = ServiceRun.run("unet", Map.of(), Map.of("-action", "train", "--input_dir", tiles.toString(),
                "--backbone", "resnet18", "-patch_size", "64", "-b", "8", "-epochs", "5", "-lr", "0.002",
                "-selected-classes", "1,2,3", "--class_names", SyntheticLandscape.CLASS_NAMES), outDir.resolve("model"),
                "GeoTIFF", context);
        Path map = ServiceRun.run("unet", Map.of(), Map.of("-action", "predict", "--input_dir",
                heldOut.resolve("images").toString(), "-model_file", model.toString()), outDir.resolve("map"),
                "GeoTIFF", context);
        byte[] predicted;
        Raster r = ProductIO.read(map).raster();
        try {
            predicted = r.read(0, r.bounds()).bytes();
        } finally {
            if (r instanceof Closeable c) c.close();
        }
        long[][] m = new long[4][4];
        for (int p = 0; p < predicted.length; p++) m[truth.labels()[p]][predicted[p] & 3]++;
        double iou = SegmentationMetrics.mean(SegmentationMetrics.iou(m));
        Path png = outDir.resolve("unet_map_vs_truth.png");
        writePng(predicted, truth.labels(), png);
        return new DemoOutcome(String.format(Locale.ROOT, "%d synthetic labelled 4-band tiles of %d×%d px (fields,"
                        + " roads, water on bare soil) → unet -action train (ResNet-18 U-Net, patches of 64 px, 5 epochs"
                        + " on CPU) → unet -action predict on a new %d×%d tile. Left: the predicted class map; right: the"
                        + " truth (grey background, blue fields, orange roads, green water). Mean IoU on the new tile:"
                        + " %.3f.", TILES, TRAIN_SIZE, TRAIN_SIZE, SIZE, SIZE, iou),
                List.of(model, map), List.of(png));
    }

    private static void writePng(byte[] predicted, byte[] truth, Path png) throws IOException {
        BufferedImage img = new BufferedImage(2 * SIZE + 8, SIZE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < 2 * SIZE + 8; x++) img.setRGB(x, y, 0xFFFFFF);
            for (int x = 0; x < SIZE; x++) {
                img.setRGB(x, y, ClassLegend.argb(predicted[y * SIZE + x] & 0xFF) & 0xFFFFFF);
                img.setRGB(SIZE + 8 + x, y, ClassLegend.argb(truth[y * SIZE + x]) & 0xFFFFFF);
            }
        }
        ImageIO.write(img, "png", png.toFile());
    }
}
