package eu.ai4c.agri.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.agri.unet.Safetensors;
import eu.ai4c.agri.unet.UnetModelFile;
import eu.ai4c.agri.unet.UnetOperator;
import eu.ai4c.agri.unet.synthetic.SyntheticLandscape;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.progress.ProcessingContext;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The U-Net training window's panel driven by a real test-sized training (headless): one point per
 * epoch on both charts, every batch on the progress bar, the validation confusion matrix named by
 * the class names, and the model it writes equal to the one {@code unet -action train} writes from
 * the command line (watching does not change training); Stop keeps the best epoch so far. Rendered
 * to target/agri-ui/unet-training.png.
 */
class UnetTrainingPanelTest {
    @TempDir
    Path dir;

    private static final Map<String, String> OPTIONS = Map.of("backbone", "resnet18", "patch_size", "64",
            "b", "4", "lr", "0.002", "selected-classes", "1,2,3", "class_names", SyntheticLandscape.CLASS_NAMES,
            "val_fraction", "0.25");

    @Test
    void liveCurvesConfusionMatrixTheServicesModelAndStop() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path tiles = dir.resolve("tiles");
        for (int i = 0; i < 3; i++) SyntheticLandscape.write(tiles, "tile" + i, SyntheticLandscape.draw(128, 128, 5 + i));

        // the command line's training of the same tiles
        Map<String, String> raw = new LinkedHashMap<>(OPTIONS);
        raw.put("action", "train");
        raw.put("inputDir", tiles.toString());
        raw.put("epochs", "2");
        Path cli = dir.resolve("cli");
        new UnetOperator().write(Map.of(), OperatorRegistry.load().get("unet").descriptor().validate(raw), cli,
                ProcessingContext.defaults());

        UnetTrainingPanel[] holder = new UnetTrainingPanel[1];
        SwingUtilities.invokeAndWait(() -> holder[0] = new UnetTrainingPanel());
        UnetTrainingPanel panel = holder[0];
        Path out = Files.createDirectories(dir.resolve("window"));
        SwingUtilities.invokeAndWait(() -> {
            panel.form().parameter("action").setText("predict"); // the window trains whatever this says
            panel.form().parameter("inputDir").setText(tiles.toString());
            OPTIONS.forEach((k, v) -> panel.form().parameter(key(k)).setText(v));
            panel.form().parameter("epochs").setText("2");
            panel.form().target().setFolder(out.toString());
        });
        @SuppressWarnings("unchecked")
        CompletableFuture<UnetOperator.Trained>[] run = new CompletableFuture[1];
        SwingUtilities.invokeAndWait(() -> run[0] = panel.start());
        UnetOperator.Trained trained = run[0].get(300, TimeUnit.SECONDS);
        SwingUtilities.invokeAndWait(() -> { }); // let the queued view updates run
        assertEquals(2, panel.epochsShown(), "one loss point per epoch");
        assertEquals(2, panel.iouPointsShown(), "one validation IoU point per epoch");
        assertTrue(panel.progressBar().getMaximum() > 0);
        assertEquals(panel.progressBar().getMaximum(), panel.progressBar().getValue(), "every batch shown");
        Path model = out.resolve("unet_model" + UnetModelFile.EXTENSION);
        assertEquals(model, trained.files().get(0));
        assertEquals(Safetensors.read(cli.resolve(model.getFileName())).metadata().get(UnetModelFile.WEIGHTS_SHA256),
                Safetensors.read(model).metadata().get(UnetModelFile.WEIGHTS_SHA256),
                "the window trains exactly as unet -action train does");
        assertEquals(4, panel.confusionTable().getRowCount(), "background and the three classes");
        assertEquals("2 roads", panel.confusionTable().getValueAt(2, 0));
        assertEquals("water", panel.confusionTable().getColumnName(4));
        assertEquals("IoU", panel.confusionTable().getColumnName(5));
        long counted = 0;
        for (int r = 0; r < 4; r++) for (int c = 1; c <= 4; c++) counted += (Long) panel.confusionTable().getValueAt(r, c);
        assertEquals(total(trained.result().confusion()), counted, "every validation pixel counted once");
        render(panel);

        // Stop during the run: training ends early and the best epoch so far is written
        Path out2 = Files.createDirectories(dir.resolve("window2"));
        SwingUtilities.invokeAndWait(() -> {
            panel.form().parameter("epochs").setText("30");
            panel.form().target().setFolder(out2.toString());
            run[0] = panel.start();
        });
        UnetTrainingSession session = panel.session();
        session.addListener(e -> session.stop());
        UnetOperator.Trained stopped = run[0].get(300, TimeUnit.SECONDS);
        assertTrue(stopped.result().stopped());
        assertTrue(stopped.result().history().size() < 30, "stopped early: " + stopped.result().history().size());
        assertTrue(Files.isRegularFile(out2.resolve("unet_model" + UnetModelFile.EXTENSION)));
        assertEquals("roads", UnetModelFile.read(out2.resolve("unet_model" + UnetModelFile.EXTENSION)).className(2));
    }

    private static long total(long[][] m) {
        long t = 0;
        for (long[] row : m) for (long v : row) t += v;
        return t;
    }

    /** The descriptor's parameter name of an option spelling used above. */
    private static String key(String option) {
        return switch (option) {
            case "patch_size" -> "patchSize";
            case "b" -> "batchSize";
            case "selected-classes" -> "selectedClasses";
            case "class_names" -> "classNames";
            case "val_fraction" -> "valFraction";
            default -> option;
        };
    }

    private static void render(UnetTrainingPanel panel) throws Exception {
        BufferedImage img = new BufferedImage(1100, 700, BufferedImage.TYPE_INT_RGB);
        SwingUtilities.invokeAndWait(() -> {
            panel.setSize(1100, 700);
            layout(panel);
            panel.printAll(img.getGraphics());
        });
        Path png = Path.of("target/agri-ui", "unet-training.png");
        Files.createDirectories(png.getParent());
        ImageIO.write(img, "png", png.toFile());
    }

    private static void layout(java.awt.Container c) {
        c.doLayout();
        for (java.awt.Component k : c.getComponents()) if (k instanceof java.awt.Container cc) layout(cc);
    }
}
