package eu.ai4c.desktop.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import eu.ai4c.kit.render.ClassLegend;
import eu.ai4c.kit.render.ColourRamp;
import eu.ai4c.kit.render.ColourTables;
import eu.ai4c.kit.testutil.Gdal;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decimated reading against GDAL's nearest-neighbour {@code gdal_translate -outsize}, and the
 * single-band and RGB views of a three-band reflectance-like GeoTIFF (PNG under target/views).
 */
class OverviewViewTest {
    static final int W = 1537, H = 1029;
    @TempDir
    static Path dir;
    static Path scene;

    @BeforeAll
    static void writeScene() throws IOException {
        System.setProperty("java.awt.headless", "true");
        SplittableRandom rnd = new SplittableRandom(3);
        Block[] blocks = new Block[3];
        String[] names = {"B4", "B3", "B2"};
        for (int b = 0; b < 3; b++) {
            short[] v = new short[W * H];
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    double field = 800 + 600 * Math.sin(x / (60.0 + 20 * b)) * Math.cos(y / 80.0) + 300 * b * x / W;
                    boolean water = Math.hypot(x - 1100, y - 300) < 180;
                    v[y * W + x] = (short) (x < 40 ? 0 : water ? 200 + b * 150 + rnd.nextInt(30) : field + rnd.nextInt(120));
                }
            }
            blocks[b] = new Block(Region.of(W, H), DataType.UINT16, v);
        }
        List<Band> bands = List.of(Band.of(names[0], DataType.UINT16, 0), Band.of(names[1], DataType.UINT16, 0),
                Band.of(names[2], DataType.UINT16, 0));
        var crs = Projections.eastingFirst(Projections.parse("EPSG:32633", 15, 45));
        MemoryRaster r = new MemoryRaster(bands, blocks, MapGeoCoding.northUp(crs, 500000, 5000000, 10, 10));
        scene = dir.resolve("scene.tif");
        ProductIO.writer("GeoTIFF").write(Product.of("scene", r), scene, ProcessingContext.defaults());
    }

    @Test
    void decimatedReadEqualsGdalNearestOutsize() throws IOException, InterruptedException {
        for (int max : new int[] {400, 997}) {
            try (QuickLookSource s = QuickLookSource.open(scene, max)) {
                Overview o = s.overview(1);
                int[] size = OverviewReader.size(W, H, max);
                assertEquals(size[0], o.width());
                assertEquals(size[1], o.height());
                assertEquals(max, Math.max(o.width(), o.height()));
                Path gdal = dir.resolve("gdal_" + max + ".tif");
                Gdal.run("gdal_translate", "-q", "-b", "2", "-r", "nearest", "-outsize", String.valueOf(o.width()),
                        String.valueOf(o.height()), scene.toString(), gdal.toString());
                Raster g = ProductIO.read(gdal).raster();
                short[] ref = g.read(0, Region.of(o.width(), o.height())).shorts();
                float[] expected = new float[ref.length];
                for (int i = 0; i < ref.length; i++) expected[i] = ref[i] == 0 ? Float.NaN : ref[i] & 0xFFFF;
                assertArrayEquals(expected, o.samples(), "overview " + o.width() + "x" + o.height() + " vs GDAL");
            }
        }
    }

    @Test
    void singleBandAndRgbViews() throws IOException {
        try (QuickLookSource s = QuickLookSource.open(scene, 1024)) {
            QuickLookView view = new QuickLookView(s);
            QuickLookPanel panel = view.imagePanel();
            panel.setMode(QuickLookPanel.Mode.BAND);
            panel.setBand(0, 0);
            panel.setRamp(ColourRamp.VIRIDIS);
            BufferedImage band = panel.render();
            panel.show(band);
            assertEquals(0, band.getRGB(10, 10) >>> 24, "no-data transparent");
            assertEquals(0xFF, band.getRGB(500, 300) >>> 24);
            String r = panel.readout(700, 500);
            assertTrue(r.contains("B4 = ") && r.contains("UTM zone 33N"), r);
            assertTrue(r.contains("x 507005.00, y 4994995.00"), r);
            ViewImages.save(ViewImages.paint(view, 1000, 720), "band-viridis-panel");
            ViewImages.save(panel.histogramChart(), "band-histogram", 700, 400);

            panel.setMode(QuickLookPanel.Mode.RGB);
            panel.setPercentiles(1, 99);
            BufferedImage rgb = panel.render();
            panel.show(rgb);
            ViewImages.save(ViewImages.paint(view, 1000, 720), "rgb-panel");
            ViewImages.save(panel.histogramChart(), "rgb-histogram", 700, 400);
        }
    }

    @Test
    void legendCsvIsReadTolerantly(@TempDir Path tmp) throws IOException {
        ClassLegend l = ColourTables.parseLegendCsv(List.of("id;name;colour;count", "1;Wheat;#F5DEB3;1200",
                "3;\"Maize, grain\";255,215,0;", "# comment", "7;;0x228B22;5", "bad;row;;"), tmp.resolve("x_legend.csv"));
        assertEquals(8, l.size());
        assertEquals(0xFFF5DEB3, l.colour(1));
        assertEquals("Maize, grain", l.name(3));
        assertEquals(0xFFFFD700, l.colour(3));
        assertEquals(-1, l.count(3));
        assertEquals(1200, l.count(1));
        assertEquals("class 7", l.name(7));
        assertEquals(3, l.entries().size());
        ClassLegend h = ColourTables.parseLegendCsv(List.of("name,value,color", "Forest,2,\"34,139,34\"", "Water,4,#0000FF80"),
                tmp.resolve("y_legend.csv"));
        assertEquals(0xFF228B22, h.colour(2));
        assertEquals(0x800000FF, h.colour(4));
        assertEquals("Water", h.name(4));
    }
}
