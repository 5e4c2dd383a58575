package eu.ai4c.agri.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.agri.unet.synthetic.SyntheticLandscape;
import eu.ai4c.kit.io.geotiff.GeoTiffReader;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Raster;
import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small U-Net (ResNet-18, patches of 64 px, a few epochs) learns the synthetic fields, roads
 * and water of {@link SyntheticLandscape}: on a tile it never saw, the predicted map reaches a
 * mean IoU ≥ 0.9 over background and the three classes.
 */
class UnetLearningTest {

    @Test
    void smallModelSegmentsAHeldOutTile(@TempDir Path dir) throws Exception {
        Path tiles = dir.resolve("tiles");
        for (int i = 0; i < 6; i++) {
            SyntheticLandscape.write(tiles, "t" + i, SyntheticLandscape.draw(192, 192, 11 + i));
        }
        Path heldOut = dir.resolve("heldout");
        SyntheticLandscape.Scene truth = SyntheticLandscape.draw(256, 256, 999);
        SyntheticLandscape.write(heldOut, "h", truth);
        ParameterValues params = UnetDescriptor.DESCRIPTOR.validate(Map.of("action", "train",
                "inputDir", tiles.toString(), "backbone", "resnet18", "patch_size", "64", "b", "8", "epochs", "5",
                "lr", "0.002", "selected-classes", "1,2,3"));
        ProcessingContext ctx = ProcessingContext.defaults().withThreads(1);
        Path out = dir.resolve("out");
        long t0 = System.nanoTime();
        List<Path> files = new UnetOperator().write(Map.of(), params, out, ctx);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(out.resolve(UnetDescriptor.DEFAULT_MODEL_FILE), files.get(0));
        for (String f : List.of(UnetTrainingOutputs.LOG, UnetTrainingOutputs.PLOT, UnetTrainingOutputs.CONFUSION,
                UnetTrainingOutputs.METRICS)) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertEquals(6, Files.readAllLines(out.resolve(UnetTrainingOutputs.LOG)).size());
        long t1 = System.nanoTime();
        List<Path> maps = UnetOperator.predict(List.of(heldOut.resolve("images/h.tif")), files.get(0),
                dir.resolve("maps"), ctx);
        double predictSeconds = (System.nanoTime() - t1) / 1e9;
        long[][] m = new long[4][4];
        Raster map = new GeoTiffReader().read(maps.get(0)).raster();
        try {
            byte[] predicted = map.read(0, map.bounds()).bytes();
            for (int p = 0; p < predicted.length; p++) m[truth.labels()[p]][predicted[p]]++;
        } finally {
            if (map instanceof Closeable c) c.close();
        }
        double[] iou = SegmentationMetrics.iou(m);
        double mean = SegmentationMetrics.mean(iou);
        System.out.printf("U-Net learning: held-out mean IoU %.4f (per class %s), training %.1f s, map %.1f s%n", mean,
                java.util.Arrays.toString(iou), trainSeconds, predictSeconds);
        assertTrue(mean >= 0.9, "held-out mean IoU " + mean + " per class " + java.util.Arrays.toString(iou));
        assertTrue(Files.readString(maps.get(2)).startsWith("id,name,colour,pixels\n0,background,"));
    }
}
