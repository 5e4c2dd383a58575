package eu.ai4c.desktop.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.ai4c.cd.cva.CvaOutputs;
import eu.ai4c.cd.cva.S2CdDescriptor;
import eu.ai4c.cd.cva.S2CdOperator;
import eu.ai4c.cd.cva.synthetic.PlantedChange;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.render.ClassLegend;
import eu.ai4c.kit.render.ColourTables;
import eu.ai4c.kit.testutil.Gdal;
import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.safe.S2Level;
import eu.ai4c.s2.synthetic.SyntheticS2Product;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer on a real S2-CD result: the operator run on a synthetic L2A pair with two planted
 * change patches, written with its side outputs as the {@code ai4c} command does.
 */
class S2CdViewTest {
    static final int N = 180;
    @TempDir
    static Path dir;
    static Path classes;

    @BeforeAll
    static void runS2Cd() throws IOException {
        System.setProperty("java.awt.headless", "true");
        S2Band[] bands = {S2Band.B2, S2Band.B3, S2Band.B4, S2Band.B8};
        SyntheticS2Product.Builder b = SyntheticS2Product.builder(S2Level.L2A).size(N).noDataColumns(0)
                .bands(bands).geoTiff(true);
        Path p1 = b.build().write(Files.createDirectories(dir.resolve("a")));
        SyntheticS2Product syn = b.build();
        Path p2 = syn.write(Files.createDirectories(dir.resolve("b")));
        PlantedChange.apply(p2, bands, new double[] {1.05, 0.95, 1.1, 0.92}, new double[] {0.01, -0.01, 0.02, 0.03},
                List.of(new PlantedChange.Patch(20, 20, 70, 70, new double[] {0, 0, 0, 0.10}),
                        new PlantedChange.Patch(90, 80, 150, 140, new double[] {-0.05, -0.05, -0.05, 0})),
                syn.offset(), syn.quantification());
        ProcessingContext ctx = ProcessingContext.defaults();
        Product out = new S2CdOperator().apply(Map.of("input1", ProductIO.read(p1), "input2", ProductIO.read(p2)),
                S2CdDescriptor.DESCRIPTOR.validate(Map.of("numberClasses", "3", "levelConfidence", "99",
                        "projection", "UTM(Auto)")), ctx); // the tile's own grid, which the pixel checks assume
        classes = dir.resolve("out").resolve("cd.tif");
        Files.createDirectories(classes.getParent());
        ProductIO.writer("GeoTIFF").write(out, classes, ctx);
        CvaOutputs.write(out, classes, ctx);
    }

    @Test
    void auxColourTableReadsAsGdalReadsIt() throws IOException, InterruptedException {
        Path aux = classes.resolveSibling("cd.tif.aux.xml");
        ClassLegend legend = ColourTables.parsePam(Files.readString(aux), 1, aux);
        JsonNode entries = Gdal.info(classes).path("bands").get(0).path("colorTable").path("entries");
        assertEquals(256, entries.size(), "GDAL sees the S2-CD colour table");
        assertEquals(256, legend.size());
        for (int v = 0; v < 256; v++) {
            JsonNode e = entries.get(v);
            int gdal = e.get(3).asInt() << 24 | e.get(0).asInt() << 16 | e.get(1).asInt() << 8 | e.get(2).asInt();
            assertEquals(gdal, legend.colour(v), "entry " + v);
        }
        assertEquals(0, legend.colour(255) >>> 24, "no-data transparent");
    }

    @Test
    void tiffColorMapGivesTheSameColours(@TempDir Path tmp) throws IOException, InterruptedException {
        // GDAL moves the sidecar palette into the TIFF ColorMap tag
        Path paletted = tmp.resolve("paletted.tif");
        Gdal.run("gdal_translate", "-q", classes.toString(), paletted.toString());
        Files.deleteIfExists(tmp.resolve("paletted.tif.aux.xml"));
        ClassLegend fromAux = QuickLookSource.open(classes).legend();
        try (QuickLookSource s = QuickLookSource.open(paletted)) {
            ClassLegend fromTiff = s.legend();
            assertNotNull(fromTiff, "ColorMap read");
            for (int v = 0; v < 255; v++) assertEquals(fromAux.colour(v) | 0xFF000000, fromTiff.colour(v), "entry " + v);
        }
    }

    @Test
    void cvaSamplingIsDeterministicCappedAndCountsMatchTheSummary() throws IOException {
        S2CdFiles cd = S2CdFiles.find(classes).orElseThrow();
        assertEquals(cd, S2CdFiles.find(cd.cva()).orElseThrow(), "found from the _CVA.tif too");
        CvaSummary summary = CvaSummary.read(cd.summary());
        try (QuickLookSource c = QuickLookSource.open(classes); QuickLookSource v = QuickLookSource.open(cd.cva())) {
            CvaPoints a = CvaSampler.sample(c.raster(), v.raster(), 700);
            CvaPoints b = CvaSampler.sample(c.raster(), v.raster(), 700);
            assertTrue(a.size() <= 700 && a.size() > 600, "points " + a.size());
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.magnitude(i), b.magnitude(i), 0);
                assertEquals(a.angleDeg(i), b.angleDeg(i), 0);
                assertEquals(a.classOf(i), b.classOf(i));
                assertTrue(a.classOf(i) >= 1 && a.classOf(i) <= summary.classCount());
                assertTrue(a.magnitude(i) * a.magnitude(i) > summary.threshold(), "changed pixels only");
            }
            for (int k = 1; k <= summary.classCount(); k++) assertEquals(summary.pixels()[k - 1], a.changed(k), "class " + k);

            CvaPoints all = CvaSampler.sample(c.raster(), v.raster(), CvaSampler.DEFAULT_MAX_POINTS);
            JFreeChart chart = CvaScatterChart.create("CVA", all, summary, c.legend());
            XYPlot plot = chart.getXYPlot();
            XYSeriesCollection data = (XYSeriesCollection) plot.getDataset();
            int points = 0;
            for (int s = 0; s < data.getSeriesCount(); s++) {
                int cls = s + 1;
                points += data.getItemCount(s);
                Color paint = (Color) plot.getRenderer().getSeriesPaint(s);
                assertEquals(c.legend().colour(cls) | 0xFF000000, paint.getRGB(), "class " + cls + " colour as on the map");
            }
            assertEquals(all.size(), points);
            ViewImages.save(chart, "cva-polar", 900, 560);
            JFreeChart fromCva = QuickLookView.cvaChart(S2CdFiles.find(cd.cva()).orElseThrow());
            assertEquals(data.getSeriesCount(), fromCva.getXYPlot().getDataset().getSeriesCount(), "same plot from the _CVA.tif");
        }
    }

    @Test
    void spreadPointsPlot() throws IOException {
        // realistic spread (the synthetic pair's changes are nearly noise-free): three classes around centres
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        int n = 6000;
        float[] m = new float[n], a = new float[n];
        byte[] c = new byte[n];
        double[][] centres = {{6, 40}, {11, 95}, {18, 140}};
        long[] counts = new long[256];
        for (int i = 0; i < n; i++) {
            int k = i % 3;
            m[i] = (float) Math.max(4.2, centres[k][0] + rnd.nextGaussian() * (1 + k));
            a[i] = (float) Math.max(0, Math.min(180, centres[k][1] + rnd.nextGaussian() * 12));
            c[i] = (byte) (k + 1);
            counts[k + 1]++;
        }
        CvaSummary summary = new CvaSummary(16.3, new double[] {6, 11, 18}, new double[] {40, 95, 140},
                new long[] {2000, 2000, 2000}, 90000, 100);
        try (QuickLookSource s = QuickLookSource.open(classes)) {
            JFreeChart chart = CvaScatterChart.create("Change vectors (spread example)", new CvaPoints(m, a, c, counts),
                    summary, s.legend());
            ViewImages.save(chart, "cva-polar-spread", 900, 560);
        }
    }

    @Test
    void classMapViewRendersWithLegend() throws IOException {
        try (QuickLookSource s = QuickLookSource.open(classes)) {
            QuickLookView view = new QuickLookView(s);
            QuickLookPanel panel = view.imagePanel();
            BufferedImage img = panel.render();
            panel.show(img);
            assertEquals(N, img.getWidth());
            int[] pal = s.legend().palette();
            byte[] cls = s.raster().read(0, s.raster().bounds()).bytes();
            for (int i = 0; i < cls.length; i += 97) {
                assertEquals(pal[cls[i] & 0xFF], img.getRGB(i % N, i / N), "pixel " + i);
            }
            assertTrue(s.legend().entries().stream().anyMatch(e -> e.name().startsWith("change 1")));
            String r = panel.readout(30, 30);
            assertTrue(r.contains("change"), r);
            ViewImages.save(ViewImages.paint(view, 900, 600), "classmap-panel");
            ViewImages.save(panel.histogramChart(), "classmap-histogram", 700, 400);
        }
    }
}
