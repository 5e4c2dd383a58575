package eu.ai4c.agri.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.agri.lstm.LstmH5;
import eu.ai4c.agri.timesen2crop.TimeSen2CropExportOperator;
import eu.ai4c.agri.timesen2crop.synthetic.SyntheticTimeSen2Crop;
import eu.ai4c.kit.progress.ProcessingContext;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training window's panel driven by a real short training run (headless): one chart point
 * per epoch in order, Stop keeps the best epoch so far and writes the model, the confusion matrix
 * of the validation set fills the table; the panel is rendered to target/agri-ui/training.png.
 */
class TrainingPanelTest {
    @TempDir
    Path dir;

    @Test
    void liveCurvesStopAndConfusionMatrix() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path data = dir.resolve("data");
        SyntheticTimeSen2Crop.write(data, 12, 3, "33UVP");
        TimeSen2CropExportOperator export = new TimeSen2CropExportOperator();
        Path npy = dir.resolve("npy");
        export.export(export.descriptor().validate(Map.of("--input_dir", data.toString(), "--val_fraction", "0.3")),
                npy, ProcessingContext.defaults());

        TrainingPanel[] holder = new TrainingPanel[1];
        SwingUtilities.invokeAndWait(() -> holder[0] = new TrainingPanel());
        TrainingPanel panel = holder[0];
        Path out = Files.createDirectories(dir.resolve("model"));
        SwingUtilities.invokeAndWait(() -> {
            panel.form().parameter("inputDir").setText(npy.toString());
            panel.form().parameter("val").setText(npy.resolve("val").toString());
            panel.form().parameter("nEpochs").setText("3");
            panel.form().parameter("batchSize").setText("16");
            panel.form().target().setFolder(out.toString());
        });
        @SuppressWarnings("unchecked")
        java.util.concurrent.CompletableFuture<TrainingSession.Outcome>[] run = new java.util.concurrent.CompletableFuture[1];
        SwingUtilities.invokeAndWait(() -> run[0] = panel.start());
        TrainingSession.Outcome outcome = run[0].get(120, TimeUnit.SECONDS);
        SwingUtilities.invokeAndWait(() -> { }); // let the queued view updates run
        assertEquals(3, outcome.result().history().size());
        assertEquals(3, panel.epochsShown(), "one chart point per epoch");
        assertTrue(Files.exists(out.resolve("model.h5")));
        assertEquals(16, panel.confusionTable().getRowCount(), "one row per TimeSen2Crop class");
        long total = 0;
        for (int t = 0; t < 16; t++) total += outcome.validation().support(t);
        assertEquals(16 * Math.round(12 * 0.3), total, "every validation series counted once");
        render(panel, "training.png");

        // Stop after the second epoch: training ends early and the best epoch so far is written
        Path out2 = Files.createDirectories(dir.resolve("model2"));
        SwingUtilities.invokeAndWait(() -> {
            panel.form().parameter("nEpochs").setText("40");
            panel.form().target().setFolder(out2.toString());
            run[0] = panel.start();
        });
        TrainingSession session = sessionOf(panel);
        session.addListener(r -> {
            if (r.epoch() == 2) session.stop();
        });
        TrainingSession.Outcome stopped = run[0].get(120, TimeUnit.SECONDS);
        assertTrue(stopped.result().history().size() < 40, "stopped early: " + stopped.result().history().size());
        assertTrue(stopped.result().bestEpoch() <= stopped.result().history().size());
        assertEquals(stopped.result().model().classes(), LstmH5.read(out2.resolve("model.h5")).classes());
    }

    private static TrainingSession sessionOf(TrainingPanel panel) throws Exception {
        java.lang.reflect.Field f = TrainingPanel.class.getDeclaredField("session");
        f.setAccessible(true);
        return (TrainingSession) f.get(panel);
    }

    private static void render(TrainingPanel panel, String name) throws Exception {
        BufferedImage img = new BufferedImage(1000, 640, BufferedImage.TYPE_INT_RGB);
        SwingUtilities.invokeAndWait(() -> {
            panel.setSize(1000, 640);
            panel.doLayout();
            layout(panel);
            panel.printAll(img.getGraphics());
        });
        Path png = Path.of("target/agri-ui", name);
        Files.createDirectories(png.getParent());
        ImageIO.write(img, "png", png.toFile());
    }

    private static void layout(java.awt.Container c) {
        c.doLayout();
        for (java.awt.Component k : c.getComponents()) if (k instanceof java.awt.Container cc) layout(cc);
    }
}
