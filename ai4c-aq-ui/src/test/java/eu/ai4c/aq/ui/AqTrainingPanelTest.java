package eu.ai4c.aq.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.aq.model.SrganModelFile;
import eu.ai4c.aq.synthetic.SyntheticCams;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorExecution;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.progress.ProcessingContext;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SRGAN training window's panel driven by a real test-sized training (headless): one chart
 * point per epoch, the validation sample's truth and generated field after each epoch, and the
 * model it writes equal to the one {@code aqgan-train} writes from the command line (watching does
 * not change training); Stop keeps the best epoch so far. Rendered to target/aq-ui/training.png.
 */
class AqTrainingPanelTest {
    @TempDir
    Path dir;

    @Test
    void liveCurvesSampleFieldsAndTheServicesModel() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path data = Files.createDirectories(dir.resolve("data"));
        new SyntheticCams(64, 64, 8, 46.0, 8.0, 0.1, Instant.parse("2024-01-01T00:00:00Z"), 12, 3, 5).write(data);
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, SyntheticCams.TINY_CONFIG.replace("epochs: 1", "epochs: 3"));
        Map<String, String> period = Map.of("startDate", "2024010100", "endDate", "2024010221",
                "config", config.toString());
        Path cli = dir.resolve("cli");
        run("aqgan-preproc", period, cli);
        run("aqgan-train", period, cli);

        AqTrainingPanel[] holder = new AqTrainingPanel[1];
        SwingUtilities.invokeAndWait(() -> holder[0] = new AqTrainingPanel());
        AqTrainingPanel panel = holder[0];
        Path out = dir.resolve("window");
        run("aqgan-preproc", period, out);
        SwingUtilities.invokeAndWait(() -> {
            panel.form().parameter("startDate").setText("2024010100");
            panel.form().parameter("endDate").setText("2024010221");
            panel.form().parameter("config").setText(config.toString());
            panel.form().target().setFolder(out.toString());
        });
        @SuppressWarnings("unchecked")
        CompletableFuture<List<Path>>[] started = new CompletableFuture[1];
        SwingUtilities.invokeAndWait(() -> started[0] = panel.start());
        List<Path> written = started[0].get(180, TimeUnit.SECONDS);
        SwingUtilities.invokeAndWait(() -> { }); // let the queued view updates run
        assertEquals(3, panel.epochsShown(), "one chart point per epoch");
        assertTrue(panel.progressBar().getMaximum() > 0);
        assertEquals(panel.progressBar().getMaximum(), panel.progressBar().getValue(), "every batch of 3 epochs shown");
        Path model = out.resolve("srgan_cams.aqgan");
        assertTrue(written.contains(model), written.toString());
        SrganModelFile fromWindow = SrganModelFile.read(model);
        SrganModelFile fromCli = SrganModelFile.read(cli.resolve("srgan_cams.aqgan"));
        assertEquals(fromCli.epoch(), fromWindow.epoch());
        assertEquals(SrganModelFile.weightsSha256(fromCli.weights(), fromCli.mean(), fromCli.std()),
                SrganModelFile.weightsSha256(fromWindow.weights(), fromWindow.mean(), fromWindow.std()),
                "the window trains exactly as aqgan-train does");

        float[] truth = panel.truthView().field();
        float[] generated = panel.generatedView().field();
        assertNotNull(truth);
        assertNotNull(generated);
        assertEquals(32 * 32, truth.length, "the configuration's 32 x 32 output frame");
        assertEquals(truth.length, generated.length);
        boolean differs = false;
        for (int i = 0; i < truth.length; i++) {
            assertTrue(Float.isFinite(generated[i]), "generated value " + i);
            differs |= generated[i] != truth[i];
        }
        assertTrue(differs, "the generated field is the network's, not the truth");
        assertTrue(panel.generatedView().title().contains("epoch 3"), panel.generatedView().title());
        assertArrayEquals(panel.truthView().range(), panel.generatedView().range(), 0.0, "one colour scale for both");
        render(panel);

        // Stop during the second epoch of a longer run: the best completed epoch is kept
        Path out2 = dir.resolve("stopped");
        run("aqgan-preproc", period, out2);
        Files.writeString(config, SyntheticCams.TINY_CONFIG.replace("epochs: 1", "epochs: 50"));
        SwingUtilities.invokeAndWait(() -> {
            panel.form().target().setFolder(out2.toString());
            started[0] = panel.start();
        });
        AqTrainingSession session = panel.session();
        session.addEpochListener(e -> {
            if (e.epoch() == 2) session.stop();
        });
        started[0].get(180, TimeUnit.SECONDS);
        SwingUtilities.invokeAndWait(() -> { });
        assertTrue(panel.epochsShown() >= 2 && panel.epochsShown() <= 3, "stopped after epoch 2: " + panel.epochsShown());
        assertTrue(Files.isRegularFile(out2.resolve("srgan_cams.aqgan")));
        assertFalse(SrganModelFile.read(out2.resolve("srgan_cams.aqgan")).epoch() > panel.epochsShown());
    }

    private static void run(String alias, Map<String, String> params, Path out) throws Exception {
        Operator op = OperatorRegistry.load().get(alias);
        OperatorExecution.execute(op, Map.of(), op.descriptor().validate(params), out, ProductIO.writer("GeoTIFF"),
                ProcessingContext.defaults(), line -> { });
    }

    private static void render(AqTrainingPanel panel) throws Exception {
        Path png = Path.of("target", "aq-ui", "training.png");
        Files.createDirectories(png.getParent());
        BufferedImage img = new BufferedImage(1100, 700, BufferedImage.TYPE_INT_RGB);
        SwingUtilities.invokeAndWait(() -> {
            panel.setSize(1100, 700);
            panel.doLayout();
            layoutAll(panel);
            java.awt.Graphics2D g = img.createGraphics();
            panel.printAll(g);
            g.dispose();
        });
        ImageIO.write(img, "png", png.toFile());
    }

    private static void layoutAll(java.awt.Container c) {
        c.doLayout();
        for (java.awt.Component child : c.getComponents()) {
            if (child instanceof java.awt.Container cc) layoutAll(cc);
        }
    }
}
