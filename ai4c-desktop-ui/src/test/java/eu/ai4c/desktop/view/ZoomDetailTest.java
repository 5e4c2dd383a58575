package eu.ai4c.desktop.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import eu.ai4c.kit.testutil.Gdal;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A zoomed view of a scene larger than its overview shows the scene's own pixels: the visible
 * window read again at screen resolution ({@link QuickLookPanel#requestDetail}), the window read
 * as GDAL reads it ({@code -srcwin … -outsize … -r nearest}), coloured as the overview. And a
 * rectangle drawn on the image becomes the active dialog's area of interest, located as GDAL
 * locates its pixels.
 */
class ZoomDetailTest {
    /**
     * Columns cycle through three values (1-pixel stripes), which an overview of a quarter the size
     * cannot show side by side (it keeps every fourth column, so it holds all three values).
     */
    static final int W = 1600, H = 1200;
    static final short[] VALUES = {1000, 2000, 3000};
    @TempDir
    static Path dir;
    static Path scene;

    @BeforeAll
    static void writeScene() throws Exception {
        System.setProperty("java.awt.headless", "true");
        short[] v = new short[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) v[y * W + x] = VALUES[x % 3];
        }
        var crs = Projections.eastingFirst(Projections.parse("EPSG:32633", 15, 45));
        MemoryRaster r = new MemoryRaster(List.of(Band.of("B1", DataType.UINT16, 0)),
                new Block[] {new Block(Region.of(W, H), DataType.UINT16, v)}, MapGeoCoding.northUp(crs, 500000, 5000000, 10, 10));
        scene = dir.resolve("stripes.tif");
        ProductIO.writer("GeoTIFF").write(Product.of("stripes", r), scene, ProcessingContext.defaults());
    }

    @Test
    void aWindowIsReadAsGdalReadsIt() throws Exception {
        Raster raster = ProductIO.read(scene).raster();
        int[][] cases = {{200, 100, 640, 480, 320, 240}, {0, 0, 37, 23, 37, 23}, {1501, 1107, 99, 93, 41, 17}};
        for (int[] c : cases) {
            Overview o = OverviewReader.read(raster, 0, new Region(c[0], c[1], c[2], c[3]), c[4], c[5]);
            assertEquals(c[2], o.sourceWidth());
            Path gdal = dir.resolve("win_" + c[0] + "_" + c[1] + ".tif");
            Gdal.run("gdal_translate", "-q", "-srcwin", String.valueOf(c[0]), String.valueOf(c[1]), String.valueOf(c[2]),
                    String.valueOf(c[3]), "-outsize", String.valueOf(c[4]), String.valueOf(c[5]), "-r", "nearest",
                    scene.toString(), gdal.toString());
            short[] ref = ProductIO.read(gdal).raster().read(0, Region.of(c[4], c[5])).shorts();
            float[] expected = new float[ref.length];
            for (int i = 0; i < ref.length; i++) expected[i] = ref[i] & 0xFFFF;
            assertArrayEquals(expected, o.samples(), "window " + c[0] + "," + c[1] + " " + c[2] + "x" + c[3] + " vs GDAL");
        }
    }

    @Test
    void aZoomedViewShowsTheScenesOwnPixels() throws Exception {
        try (QuickLookSource s = QuickLookSource.open(scene, 400)) {
            QuickLookPanel panel = new QuickLookView(s).imagePanel();
            onEdt(() -> {
                panel.setMode(QuickLookPanel.Mode.BAND);
                panel.setBand(0, 0);
            });
            // the settings' own render (in the background) shows the image; wait for it
            boolean[] busy = {true};
            for (int i = 0; i < 600 && busy[0]; i++) {
                Thread.sleep(50);
                onEdt(() -> busy[0] = panel.rendering() || panel.canvas().image() == null);
            }
            onEdt(() -> { }); // the render's done() has run
            BufferedImage overview = panel.canvas().image();
            onEdt(() -> {
                panel.canvas().setSize(400, 300); // the 400 × 300 overview fits at 1 screen px per overview px
                assertNull(panel.requestDetail(), "at fit the overview has as many pixels as the screen shows");
                panel.canvas().setView(16, 0.5, 0.5, true); // 16 screen px per overview px, 4 per scene px
            });
            java.util.concurrent.Future<?>[] read = new java.util.concurrent.Future<?>[1];
            onEdt(() -> read[0] = panel.requestDetail());
            assertNotNull(read[0]);
            read[0].get(30, TimeUnit.SECONDS);
            onEdt(() -> { }); // the detail is set on the EDT after the read
            ImageCanvas canvas = panel.canvas();
            BufferedImage detail = canvas.detail();
            assertNotNull(detail, "a zoomed view of a reduced overview gets a detail");
            Rectangle2D visible = canvas.visibleArea(), area = canvas.detailArea();
            assertTrue(area.contains(visible), "the detail " + area + " covers the visible " + visible);
            // the visible 25 × 18.75 overview px are scene columns 750-849 and rows 562.5-637.5: the window
            // 100 × 76 read at full resolution (fewer pixels than the 400 × 300 the screen shows)
            assertEquals(100, detail.getWidth());
            assertEquals(76, detail.getHeight());

            // adjacent detail columns differ (the stripes), and each column has its value's colour in the overview
            Overview o = s.overview(0);
            Map<Float, Integer> overviewColour = new HashMap<>();
            for (int i = 0; i < o.width() * o.height(); i++) {
                overviewColour.putIfAbsent(o.samples()[i], overview.getRGB(i % o.width(), i / o.width()));
            }
            assertEquals(3, overviewColour.size(), "the overview holds the three values: " + overviewColour.keySet());
            int firstColumn = (int) Math.round(area.getX() * W / overview.getWidth());
            for (int x = 0; x < detail.getWidth(); x++) {
                if (x + 1 < detail.getWidth()) {
                    assertNotEquals(detail.getRGB(x, 10), detail.getRGB(x + 1, 10), "column " + x + " and its neighbour");
                }
                float value = VALUES[(firstColumn + x) % 3];
                assertEquals(overviewColour.get(value), detail.getRGB(x, 10), "column " + (firstColumn + x) + ", value "
                        + value + ", coloured as in the overview");
            }

            // on the screen: scene column 750 + k spans screen columns 4k to 4k + 3 (4 screen px per scene px)
            BufferedImage screen = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
            onEdt(() -> {
                java.awt.Graphics2D g = screen.createGraphics();
                canvas.paint(g);
                g.dispose();
            });
            assertEquals(750, firstColumn);
            for (int k = 0; k < 100; k++) {
                assertEquals(overviewColour.get((float) VALUES[(750 + k) % 3]), screen.getRGB(4 * k + 2, 150),
                        "screen column " + (4 * k + 2));
            }

            // back to fit: the detail goes
            onEdt(() -> {
                canvas.setView(1, 0.5, 0.5, true);
                assertNull(panel.requestDetail());
                assertNull(canvas.detail());
            });
            panel.dispose();
        }
    }

    @Test
    void aRectangleDrawnOnTheImageBecomesTheDialogsAreaOfInterest() throws Exception {
        List<String> received = new java.util.ArrayList<>();
        eu.ai4c.desktop.form.AoiTargets.Target target = new eu.ai4c.desktop.form.AoiTargets.Target() {
            @Override
            public String label() {
                return "Warp (reproject): Area of interest";
            }

            @Override
            public String text() {
                return received.isEmpty() ? "" : received.get(received.size() - 1);
            }

            @Override
            public void accept(String wkt) {
                received.add(wkt);
            }
        };
        eu.ai4c.desktop.form.AoiTargets.getDefault().activate(target);
        try (QuickLookSource s = QuickLookSource.open(scene, 400)) {
            QuickLookPanel panel = new QuickLookView(s).imagePanel();
            onEdt(() -> panel.setMode(QuickLookPanel.Mode.BAND));
            boolean[] busy = {true};
            for (int i = 0; i < 600 && busy[0]; i++) {
                Thread.sleep(50);
                onEdt(() -> busy[0] = panel.rendering() || panel.canvas().image() == null);
            }
            onEdt(() -> {
                ImageCanvas canvas = panel.canvas();
                canvas.setSize(400, 300); // 1 screen px per overview px, 4 scene px per overview px
                panel.aoiButton().doClick();
                drag(canvas, 100, 50, 200, 150);
                assertEquals(new Rectangle2D.Double(100, 50, 100, 100), canvas.drawnRectangle());
                assertEquals(0.5, canvas.view()[1], 0, "drawing does not pan");
            });
            assertEquals(1, received.size(), "the dialog's field got the area");
            String wkt = received.get(0);
            assertEquals(wkt, panel.drawnAoi());
            org.locationtech.jts.geom.Geometry g = new org.locationtech.jts.io.WKTReader().read(wkt);
            assertTrue(g.isValid() && g.getArea() > 0, wkt);
            assertEquals(4 * QuickLookPanel.AOI_POINTS_PER_EDGE + 1, g.getCoordinates().length);
            // overview pixels 100-199 × 50-149 are scene columns 400-799, rows 200-599: the corners are the
            // centres of the corner pixels, as GDAL (PROJ) locates them
            String[] gdal = Gdal.runWithInput("400.5 200.5\n799.5 200.5\n799.5 599.5\n400.5 599.5\n", "gdaltransform",
                    "-output_xy", "-t_srs", "+proj=longlat +datum=WGS84 +no_defs", scene.toString()).strip().split("\n");
            org.locationtech.jts.geom.Coordinate[] c = g.getCoordinates();
            int n = QuickLookPanel.AOI_POINTS_PER_EDGE;
            for (int k = 0; k < 4; k++) {
                String[] lonLat = gdal[k].trim().split("\\s+");
                assertEquals(Double.parseDouble(lonLat[0]), c[k * n].x, 1e-6, "corner " + k + " longitude");
                assertEquals(Double.parseDouble(lonLat[1]), c[k * n].y, 1e-6, "corner " + k + " latitude");
            }
            onEdt(() -> {
                panel.aoiButton().doClick();
                assertNull(panel.canvas().drawnRectangle(), "drawing off: the rectangle goes");
                drag(panel.canvas(), 100, 50, 200, 150);
                assertEquals(1, received.size(), "dragging pans again");
            });
            panel.dispose();
        } finally {
            eu.ai4c.desktop.form.AoiTargets.getDefault().remove(target);
        }
    }

    /** A left-button drag from (x0, y0) to (x1, y1), delivered to the canvas's own mouse handler. */
    private static void drag(ImageCanvas canvas, int x0, int y0, int x1, int y1) {
        java.awt.event.MouseEvent press = event(canvas, java.awt.event.MouseEvent.MOUSE_PRESSED, x0, y0);
        java.awt.event.MouseEvent move = event(canvas, java.awt.event.MouseEvent.MOUSE_DRAGGED, (x0 + x1) / 2, (y0 + y1) / 2);
        java.awt.event.MouseEvent end = event(canvas, java.awt.event.MouseEvent.MOUSE_DRAGGED, x1, y1);
        java.awt.event.MouseEvent release = event(canvas, java.awt.event.MouseEvent.MOUSE_RELEASED, x1, y1);
        for (java.awt.event.MouseListener l : canvas.getMouseListeners()) {
            if (l.getClass().getEnclosingClass() != ImageCanvas.class) continue;
            l.mousePressed(press);
        }
        for (java.awt.event.MouseMotionListener l : canvas.getMouseMotionListeners()) {
            if (l.getClass().getEnclosingClass() != ImageCanvas.class) continue;
            l.mouseDragged(move);
            l.mouseDragged(end);
        }
        for (java.awt.event.MouseListener l : canvas.getMouseListeners()) {
            if (l.getClass().getEnclosingClass() != ImageCanvas.class) continue;
            l.mouseReleased(release);
        }
    }

    private static java.awt.event.MouseEvent event(ImageCanvas canvas, int id, int x, int y) {
        int mask = id == java.awt.event.MouseEvent.MOUSE_RELEASED ? 0 : java.awt.event.InputEvent.BUTTON1_DOWN_MASK;
        return new java.awt.event.MouseEvent(canvas, id, System.currentTimeMillis(), mask, x, y, 1, false,
                java.awt.event.MouseEvent.BUTTON1);
    }

    private static void onEdt(eu.ai4c.desktop.testing.Edt.Step step) throws Exception {
        eu.ai4c.desktop.testing.Edt.run(step);
    }
}
