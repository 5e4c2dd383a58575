package eu.ai4c.aq.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.aq.generate.EnsembleOutputs;
import eu.ai4c.aq.model.SrganArchitecture;
import eu.ai4c.aq.model.SrganModelFile;
import eu.ai4c.aq.model.SrganWeights;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.netcdf.CfGrid;
import eu.ai4c.kit.io.netcdf.NcType;
import eu.ai4c.kit.io.netcdf.Netcdf3Writer;
import eu.ai4c.kit.render.ColourRamp;
import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JEditorPane;
import javax.swing.JLabel;
import javax.swing.JSlider;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The air-quality view, headless, on outputs written by the services' own writer ({@link
 * EnsembleOutputs}) from a known ensemble: the file reader returns the ensemble mean and standard
 * deviation of each time step (computed here independently) and the period's value ranges; the
 * view shows the step the slider selects, each cell in the viridis colour of its value over the
 * period's range, colour bars labelled in µg/m³; the GeoTIFF of the mean opens without spread;
 * a model's training curves and inputs are shown; "Load expected input format" shows the help.
 * The panel is rendered to {@code target/aq-ui/air-quality.png}.
 */
class AirQualityPanelTest {
    private static final int W = 12;
    private static final int H = 8;
    private static final List<Instant> TIMES = List.of(Instant.parse("2024-06-01T00:00:00Z"),
            Instant.parse("2024-06-01T03:00:00Z"), Instant.parse("2024-06-01T06:00:00Z"));

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** [time][member][cell]: a plume that grows with time, members differing by a cell-dependent offset. */
    private static float[][][] ensemble() {
        float[][][] e = new float[TIMES.size()][3][W * H];
        for (int t = 0; t < TIMES.size(); t++) {
            for (int m = 0; m < 3; m++) {
                for (int r = 0; r < H; r++) {
                    for (int c = 0; c < W; c++) {
                        double plume = 40 * Math.exp(-((r - 4) * (r - 4) + (c - 3 - 2 * t) * (c - 3 - 2 * t)) / 6.0);
                        e[t][m][r * W + c] = (float) (5 + 10 * t + plume + (m - 1) * 0.1 * (1 + c));
                    }
                }
            }
        }
        e[1][0][5] = Float.NaN; // a no-data cell in one member: mean and std NaN there
        e[1][1][5] = Float.NaN;
        e[1][2][5] = Float.NaN;
        return e;
    }

    private Path writeOutputs(float[][][] e) throws Exception {
        CfGrid grid = CfGrid.regular(W, H, 46.0, 8.0, 0.1, 0.1);
        Path nc = dir.resolve("cams_srgan.nc");
        EnsembleOutputs.netcdf(nc, grid, TIMES, e, "pm2p5", "ug m-3", "test");
        EnsembleOutputs.meanGeoTiff(dir.resolve("cams_srgan_mean.tif"), grid, TIMES, e);
        return nc;
    }

    @Test
    void readsTheMeanAndSpreadOfEveryStep() throws Exception {
        float[][][] e = ensemble();
        Path nc = writeOutputs(e);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        try (EnsembleFile f = EnsembleFile.open(nc)) {
            assertEquals(TIMES, f.times());
            assertEquals("pm2p5", f.variable());
            assertEquals("µg/m³", f.units());
            assertEquals(W, f.width());
            assertEquals(H, f.height());
            assertEquals(46.0, f.north(), 1e-9);
            assertEquals(8.0, f.west(), 1e-9);
            assertTrue(f.hasSpread());
            for (int t = 0; t < TIMES.size(); t++) {
                float[] mean = f.mean(t);
                float[] std = f.std(t);
                for (int i = 0; i < W * H; i++) {
                    // independent: two-pass mean and unbiased standard deviation of the three members
                    double m = (e[t][0][i] + e[t][1][i] + e[t][2][i]) / 3.0;
                    double ss = 0;
                    for (int k = 0; k < 3; k++) ss += (e[t][k][i] - m) * (e[t][k][i] - m);
                    if (Double.isNaN(m)) {
                        assertTrue(Float.isNaN(mean[i]) && Float.isNaN(std[i]), "no data at step " + t + " cell " + i);
                        continue;
                    }
                    // float accumulation in the writer against double here: a few ulps of ~50
                    assertEquals(m, mean[i], 1e-5, "mean step " + t + " cell " + i);
                    assertEquals(Math.sqrt(ss / 2), std[i], 1e-5, "std step " + t + " cell " + i);
                    lo = Math.min(lo, mean[i]);
                    hi = Math.max(hi, mean[i]);
                }
            }
            assertArrayEquals(new double[] {lo, hi}, f.meanRange());
        }
        try (EnsembleFile tif = EnsembleFile.open(dir.resolve("cams_srgan_mean.tif"))) {
            assertEquals(TIMES, tif.times());
            assertFalse(tif.hasSpread());
            assertEquals(0.1, tif.lonStep(), 1e-9);
            try (EnsembleFile f = EnsembleFile.open(nc)) {
                for (int t = 0; t < TIMES.size(); t++) assertArrayEquals(f.mean(t), tif.mean(t));
            }
            Ai4cException noSpread = assertThrows(Ai4cException.class, () -> tif.std(0));
            assertTrue(noSpread.getMessage().contains("Open the .nc file beside it"), noSpread.getMessage());
        }
    }

    @Test
    void refusesAFileWithoutEnsembleMean() throws Exception {
        Path other = dir.resolve("era5.nc");
        new Netcdf3Writer().dimension("time", 1).dimension("lat", 2).dimension("lon", 2)
                .variable("t2m", NcType.FLOAT, List.of("time", "lat", "lon"), Map.of("units", "K"))
                .write(other, (name, index, out) -> java.util.Arrays.fill(out, 280));
        Ai4cException e = assertThrows(Ai4cException.class, () -> EnsembleFile.open(other));
        assertTrue(e.getMessage().contains(other.toString()) && e.getMessage().contains("no ensemble mean")
                && e.getMessage().contains("[t2m]"), e.getMessage());
    }

    @Test
    void viewShowsTheSelectedStepWithColourBarsAndCurves() throws Exception {
        Path nc = writeOutputs(ensemble());
        AirQualityPanel[] holder = new AirQualityPanel[1];
        SwingUtilities.invokeAndWait(() -> holder[0] = new AirQualityPanel());
        AirQualityPanel panel = holder[0];
        panel.open(nc).get();
        settle(panel);
        JSlider slider = find(panel, "aq.time", JSlider.class);
        assertEquals(2, slider.getMaximum());
        SwingUtilities.invokeAndWait(() -> slider.setValue(2));
        settle(panel);
        try (EnsembleFile f = EnsembleFile.open(nc)) {
            FieldView mean = find(panel, "aq.mean", FieldView.class);
            FieldView std = find(panel, "aq.std", FieldView.class);
            assertArrayEquals(f.mean(2), mean.field());
            assertArrayEquals(f.std(2), std.field());
            assertArrayEquals(f.meanRange(), mean.range());
            assertArrayEquals(f.stdRange(), std.range());
            assertTrue(mean.tickLabels()[2].endsWith(" µg/m³"), mean.tickLabels()[2]);
            assertTrue(std.tickLabels()[2].endsWith(" µg/m³"), std.tickLabels()[2]);
            // every cell in the ramp colour of its value over the period's range
            int[] ramp = ColourRamp.VIRIDIS.table();
            double[] r = f.meanRange();
            float[] v = f.mean(2);
            for (int i = 0; i < v.length; i++) {
                int expected = ramp[(int) Math.round((v[i] - r[0]) / (r[1] - r[0]) * 255)];
                assertEquals(expected, mean.image().getRGB(i % W, i / W), "cell " + i);
            }
            assertEquals("2024-06-01 06:00 UTC  (3/3)", find(panel, "aq.timeLabel", JLabel.class).getText());
        }
        // the no-data cell of step 2 (index 1) is transparent
        SwingUtilities.invokeAndWait(() -> slider.setValue(1));
        settle(panel);
        assertEquals(0, find(panel, "aq.mean", FieldView.class).image().getRGB(5, 0) >>> 24);

        // a model's training curves and inputs
        Path model = dir.resolve("srgan_cams.aqgan");
        new SrganModelFile(SrganWeights.initial(new SrganArchitecture(8, 2, 8, 4, 1, 2, 0), 1),
                AqConfig.defaults().lrInputs(), List.of("urban_frac", "orog_scal"), "pm2p5", new double[8],
                filled(8, 1), 4, AqConfig.defaults()).write(model);
        BufferedImage png = new BufferedImage(240, 120, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(png, "png", dir.resolve("srgan_cams_training_curves.png").toFile());
        assertEquals(dir.resolve("srgan_cams_training_curves.png"),
                AirQualityPanel.curvesOf(dir.resolve("srgan_cams_checkpoint.aqgan")));
        panel.openModel(model).get();
        settle(panel);
        JTabbedPane tabs = find(panel, "aq.tabs", JTabbedPane.class);
        assertEquals(AirQualityPanel.TAB_CURVES, tabs.getSelectedIndex());
        ImageIcon icon = (ImageIcon) find(panel, "aq.curves", JLabel.class).getIcon();
        assertEquals(240, icon.getIconWidth());

        // "Load expected input format": the help, with the opened model's inputs
        SwingUtilities.invokeAndWait(() -> find(panel, "aq.inputFormat", JButton.class).doClick());
        assertEquals(AirQualityPanel.TAB_INPUT, tabs.getSelectedIndex());
        String help = find(panel, "aq.inputFormatText", JEditorPane.class).getText();
        assertTrue(help.contains("regular latitude-longitude grid"), help);
        assertTrue(help.contains("pm2p5, u10, v10, t2m, lsm, sp, z, pm10"), help);
        assertTrue(help.contains("urban_frac, orog_scal"), help);

        // a model without curves beside it: said in the status line
        Path lone = Files.createDirectories(dir.resolve("lone")).resolve("srgan_x.aqgan");
        Files.copy(model, lone);
        assertThrows(java.util.concurrent.ExecutionException.class, () -> panel.openModel(lone).get());
        settle(panel);
        String status = find(panel, "aq.status", JLabel.class).getText();
        assertTrue(status.contains("no training curves srgan_x_training_curves.png"), status);

        // rendered for a look (and to exercise painting): the field tab holds viridis pixels
        BufferedImage shot = new BufferedImage(900, 560, BufferedImage.TYPE_INT_RGB);
        SwingUtilities.invokeAndWait(() -> {
            tabs.setSelectedIndex(AirQualityPanel.TAB_FIELD);
            panel.setSize(900, 560);
            layout(panel);
            Graphics2D g = shot.createGraphics();
            panel.paint(g);
            g.dispose();
        });
        Path out = Files.createDirectories(Path.of("target", "aq-ui"));
        ImageIO.write(shot, "png", out.resolve("air-quality.png").toFile());
        int violet = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) if ((shot.getRGB(x, y) & 0xFFFFFF) == 0x440154) violet++;
        }
        assertTrue(violet > 100, "the lowest ramp colour drawn on " + violet + " pixels");
    }

    /**
     * The member slider shows the chosen member beside mean and spread on the mean's colour scale;
     * a click on a map cell shows that cell's series (mean line, member min–max band) with the
     * cell marked and the time marker on the slider's step; the maps export as a PNG and the series
     * as CSV, each written atomically.
     */
    @Test
    void memberSliderPointSeriesAndExports() throws Exception {
        float[][][] e = ensemble();
        Path nc = writeOutputs(e);
        AirQualityPanel[] holder = new AirQualityPanel[1];
        SwingUtilities.invokeAndWait(() -> holder[0] = new AirQualityPanel());
        AirQualityPanel panel = holder[0];
        panel.open(nc).get();
        settle(panel);
        JSlider members = find(panel, "aq.member", JSlider.class);
        assertEquals(3, members.getMaximum());
        assertTrue(members.isEnabled());
        SwingUtilities.invokeAndWait(() -> {
            find(panel, "aq.time", JSlider.class).setValue(1);
            members.setValue(3);
        });
        settle(panel);
        FieldView member = find(panel, "aq.memberMap", FieldView.class);
        try (EnsembleFile f = EnsembleFile.open(nc)) {
            float[] expected = new float[W * H];
            System.arraycopy(e[1][2], 0, expected, 0, W * H);
            assertArrayEquals(expected, member.field());
            assertArrayEquals(f.meanRange(), member.range());
            assertEquals("3 of 3", find(panel, "aq.memberLabel", JLabel.class).getText());
        }

        // lay the panel out and paint it, then click cell (row 4, column 7) of the mean map
        BufferedImage shot = new BufferedImage(1100, 760, BufferedImage.TYPE_INT_RGB);
        SwingUtilities.invokeAndWait(() -> {
            panel.setSize(1100, 760);
            layout(panel);
            Graphics2D g = shot.createGraphics();
            panel.paint(g);
            g.dispose();
        });
        FieldView mean = find(panel, "aq.mean", FieldView.class);
        java.awt.Point at = mean.centreOf(4, 7);
        assertArrayEquals(new int[] {4, 7}, mean.cellAt(at.x, at.y));
        JButton exportCsv = find(panel, "aq.exportCsv", JButton.class);
        assertFalse(exportCsv.isEnabled());
        SwingUtilities.invokeAndWait(() -> mean.dispatchEvent(new java.awt.event.MouseEvent(mean,
                java.awt.event.MouseEvent.MOUSE_CLICKED, 0, 0, at.x, at.y, 1, false)));
        settle(panel);
        PointSeries s = panel.pointSeries();
        assertTrue(s != null && s.row() == 4 && s.col() == 7, "series of the clicked cell");
        assertTrue(exportCsv.isEnabled());
        SeriesChart chart = find(panel, "aq.series", SeriesChart.class);
        org.jfree.chart.plot.XYPlot plot = chart.chart().getXYPlot();
        org.jfree.data.xy.YIntervalSeriesCollection band = (org.jfree.data.xy.YIntervalSeriesCollection) plot.getDataset(0);
        assertEquals(TIMES.size(), band.getItemCount(0));
        for (int t = 0; t < TIMES.size(); t++) {
            int cell = 4 * W + 7;
            float lo = Math.min(e[t][0][cell], Math.min(e[t][1][cell], e[t][2][cell]));
            float hi = Math.max(e[t][0][cell], Math.max(e[t][1][cell], e[t][2][cell]));
            assertEquals(TIMES.get(t).toEpochMilli(), band.getXValue(0, t), 0.0);
            assertEquals(s.mean()[t], band.getYValue(0, t), 0.0);
            assertEquals(lo, band.getStartYValue(0, t), 0.0);
            assertEquals(hi, band.getEndYValue(0, t), 0.0);
        }
        assertTrue(band.getSeriesKey(0).toString().contains("min–max of 3 members"), band.getSeriesKey(0).toString());
        assertEquals(null, plot.getDataset(1), "no LR input in this file: no LR line");
        assertEquals(TIMES.get(1).toEpochMilli(), chart.currentMillis(), 0.0);

        // exports: the series as CSV, the maps as PNG (mean, spread and member with their colour bars)
        Path csv = panel.exportSeries(dir.resolve("point.csv"));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(TIMES.size() + 2, lines.size());
        assertEquals(s.max()[0], Float.parseFloat(lines.get(2).split(",", -1)[6]), 0.0);
        Path png = dir.resolve("maps.png");
        Path[] written = new Path[1];
        SwingUtilities.invokeAndWait(() -> {
            try {
                written[0] = panel.exportMaps(png);
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
        BufferedImage maps = ImageIO.read(written[0].toFile());
        assertTrue(maps.getWidth() >= 3 * 300 && maps.getHeight() > 200, maps.getWidth() + " x " + maps.getHeight());
        // each third of the image holds a map (and its colour bar) in viridis colours
        java.util.Set<Integer> viridis = new java.util.HashSet<>();
        for (int c : ColourRamp.VIRIDIS.table()) viridis.add(c & 0xFFFFFF);
        for (int third = 0; third < 3; third++) {
            int ramp = 0;
            for (int y = 0; y < maps.getHeight(); y++) {
                for (int x = third * maps.getWidth() / 3; x < (third + 1) * maps.getWidth() / 3; x++) {
                    if (viridis.contains(maps.getRGB(x, y) & 0xFFFFFF)) ramp++;
                }
            }
            assertTrue(ramp > 5000, "map " + third + " has " + ramp + " pixels in ramp colours");
        }
        try (java.util.stream.Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("cams_srgan.nc", "cams_srgan_mean.tif", "maps.png", "point.csv"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }

        // rendered with the series for a look
        BufferedImage full = new BufferedImage(1100, 760, BufferedImage.TYPE_INT_RGB);
        SwingUtilities.invokeAndWait(() -> {
            layout(panel);
            Graphics2D g = full.createGraphics();
            panel.paint(g);
            g.dispose();
        });
        ImageIO.write(full, "png", Files.createDirectories(Path.of("target", "aq-ui")).resolve("air-quality-series.png")
                .toFile());
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /** Waits for the step being drawn and for the event queue. */
    private static void settle(AirQualityPanel panel) throws Exception {
        SwingUtilities.invokeAndWait(() -> { });
        java.util.concurrent.CompletableFuture<Void> shown = panel.showing();
        if (shown != null) shown.get(60, java.util.concurrent.TimeUnit.SECONDS);
        java.util.concurrent.CompletableFuture<PointSeries> series = panel.seriesLoading();
        if (series != null) series.get(60, java.util.concurrent.TimeUnit.SECONDS);
        SwingUtilities.invokeAndWait(() -> { });
    }

    private static void layout(Container c) {
        c.doLayout();
        for (Component k : c.getComponents()) if (k instanceof Container kc) layout(kc);
    }

    private static <T extends Component> T find(Container root, String name, Class<T> type) {
        List<Component> all = new ArrayList<>();
        collect(root, all);
        for (Component c : all) if (name.equals(c.getName()) && type.isInstance(c)) return type.cast(c);
        throw new AssertionError("no " + type.getSimpleName() + " named " + name);
    }

    private static void collect(Container c, List<Component> out) {
        for (Component k : c.getComponents()) {
            out.add(k);
            if (k instanceof Container kc) collect(kc, out);
        }
    }
}
