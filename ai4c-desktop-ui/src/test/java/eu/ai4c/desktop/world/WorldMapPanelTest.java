package eu.ai4c.desktop.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.desktop.products.OpenProduct;
import eu.ai4c.desktop.products.OpenProducts;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.event.InputEvent;
import java.awt.event.MouseEvent;
import java.awt.event.MouseListener;
import java.awt.event.MouseMotionListener;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The world map without a screen: what it paints where it says, drawing with the mouse, picking a footprint. */
class WorldMapPanelTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void aFootprintIsPaintedWhereTheMapSaysInTheColourItStates(@TempDir Path dir) throws Exception {
        OpenProducts products = new OpenProducts();
        OpenProduct scene = products.open(utmGeoTiff(dir, "scene", 500000, 5300000, 20000));
        onEdt(() -> {
            WorldMapPanel map = new WorldMapPanel();
            map.setSize(720, 360); // the whole world at 2 px per degree
            map.setView(MapView.world(720, 360));
            WorldMapPanel.Footprint f = new WorldMapPanel.Footprint(scene, ProductOutline.of(scene.product()));
            map.setFootprints(List.of(f));
            Rectangle b = map.screenBounds(f);
            // 20 km at 47.8°N, 15°E: a fraction of a pixel, so a marker at (390, 84)
            assertEquals(390, b.x + b.width / 2, 1);
            assertEquals(84, b.y + b.height / 2, 1);
            assertEquals(WorldMapPanel.FOOTPRINT, map.colourAtCentre(f), "a marker is opaque");
            assertPixel(paint(map), b.x + b.width / 2, b.y + b.height / 2, map.colourAtCentre(f));

            map.zoomToFootprints();
            b = map.screenBounds(f);
            assertTrue(b.width > 300 || b.height > 300, "zoomed in: " + b);
            Color fill = map.colourAtCentre(f);
            assertEquals(WorldMapPanel.blend(WorldMapPanel.FOOTPRINT, WorldMapPanel.FILL_ALPHA, WorldMapPanel.OCEAN), fill);
            int[] cell = cellMiddle(map, b);
            assertPixel(paint(map), cell[0], cell[1], fill);
            map.setSelected(scene);
            assertEquals(WorldMapPanel.blend(WorldMapPanel.SELECTED, WorldMapPanel.FILL_ALPHA, WorldMapPanel.OCEAN),
                    map.colourAtCentre(f));
            assertPixel(paint(map), cell[0], cell[1], map.colourAtCentre(f));

            // over the built-in world outline the scene (15°E, 47.8°N: Austria) lies on land
            map.setBackgroundLayer(WorldOutline.rings());
            assertEquals(WorldMapPanel.blend(WorldMapPanel.SELECTED, WorldMapPanel.FILL_ALPHA, WorldMapPanel.LAND),
                    map.colourAtCentre(f));
            assertPixel(paint(map), cell[0], cell[1], map.colourAtCentre(f));
        });
    }

    /** The built-in world outline as the background: land where the continents are, ocean between them. */
    @Test
    void theWorldOutlineIsPaintedAsLand() throws Exception {
        onEdt(() -> {
            WorldMapPanel map = new WorldMapPanel();
            map.setSize(720, 360);
            map.setView(MapView.world(720, 360)); // 2 px per degree, (0°, 0°) at (360, 180)
            map.setBackgroundLayer(WorldOutline.rings());
            BufferedImage img = paint(map);
            // inland points of each continent, and open ocean (Atlantic, Pacific, Indian), off the graticule
            double[][] land = {{2, 47}, {22, 8}, {-100, 40}, {-55, -10}, {95, 55}, {135, -25}};
            double[][] sea = {{-35, 25}, {-145, 5}, {80, -25}};
            for (double[] p : land) assertPixel(img, 360 + (int) (2 * p[0]), 180 - (int) (2 * p[1]), WorldMapPanel.LAND);
            for (double[] p : sea) assertPixel(img, 360 + (int) (2 * p[0]), 180 - (int) (2 * p[1]), WorldMapPanel.OCEAN);
            // no ring is drawn across the map: Russia's rings meet the antimeridian at 65-71.5°N, Fiji's at
            // 16-17°S; every pixel of those rows is ocean in the Norwegian Sea (5°E) and mid-Pacific (140°W)
            for (int y = 180 - 2 * 72; y <= 180 - 2 * 64; y++) assertPixel(img, 360 + 2 * 5, y, WorldMapPanel.OCEAN);
            for (int y = 180 + 2 * 15; y <= 180 + 2 * 18; y++) assertPixel(img, 360 - 2 * 140, y, WorldMapPanel.OCEAN);
        });
    }

    @Test
    void aRectangleDraggedOnTheMapComesOutAsItsWkt() throws Exception {
        onEdt(() -> {
            WorldMapPanel map = new WorldMapPanel();
            map.setSize(720, 360);
            map.setView(MapView.world(720, 360));
            List<String> drawn = new ArrayList<>();
            map.setDrawingListener(listener(drawn));
            map.setMode(WorldMapPanel.Mode.RECTANGLE);
            mouse(map, MouseEvent.MOUSE_PRESSED, 380, 170, 1);
            mouse(map, MouseEvent.MOUSE_DRAGGED, 390, 165, 1);
            mouse(map, MouseEvent.MOUSE_DRAGGED, 400, 160, 1);
            mouse(map, MouseEvent.MOUSE_RELEASED, 400, 160, 1);
            assertEquals(List.of("POLYGON ((10 5, 20 5, 20 10, 10 10, 10 5))"), drawn);
            assertEquals(WorldMapPanel.Mode.NAVIGATE, map.mode(), "back to navigating");
            // a drag in navigation mode pans instead
            map.setView(new MapView(720, 360, 0, 0, 4));
            MapView before = map.view();
            mouse(map, MouseEvent.MOUSE_PRESSED, 100, 100, 1);
            mouse(map, MouseEvent.MOUSE_DRAGGED, 120, 110, 1);
            mouse(map, MouseEvent.MOUSE_DRAGGED, 140, 120, 1);
            mouse(map, MouseEvent.MOUSE_RELEASED, 140, 120, 1);
            assertEquals(before.panned(40, 20), map.view());
            assertEquals(List.of("POLYGON ((10 5, 20 5, 20 10, 10 10, 10 5))"), drawn, "no drawing while navigating");
        });
    }

    @Test
    void aPolygonIsClosedByADoubleClickAndEscCancels() throws Exception {
        onEdt(() -> {
            WorldMapPanel map = new WorldMapPanel();
            map.setSize(720, 360);
            map.setView(MapView.world(720, 360));
            List<String> drawn = new ArrayList<>();
            map.setDrawingListener(listener(drawn));
            map.setMode(WorldMapPanel.Mode.POLYGON);
            click(map, 360, 180, 1);
            click(map, 400, 180, 1);
            click(map, 400, 140, 1);
            click(map, 400, 140, 2);
            assertEquals(List.of("POLYGON ((0 0, 20 0, 20 20, 0 0))"), drawn);
            map.setMode(WorldMapPanel.Mode.POLYGON);
            click(map, 360, 180, 1);
            map.cancelDrawing();
            assertEquals(List.of("POLYGON ((0 0, 20 0, 20 20, 0 0))", "cancelled"), drawn);
            assertEquals(WorldMapPanel.Mode.NAVIGATE, map.mode());
        });
    }

    @Test
    void aDoubleClickOnAFootprintPicksItsProduct(@TempDir Path dir) throws Exception {
        OpenProducts products = new OpenProducts();
        OpenProduct a = products.open(utmGeoTiff(dir, "a", 500000, 5300000, 200000));
        OpenProduct b = products.open(utmGeoTiff(dir, "b", 300000, 4500000, 200000));
        onEdt(() -> {
            WorldMapPanel map = new WorldMapPanel();
            map.setSize(720, 360);
            map.setView(new MapView(720, 360, 15, 45, 20));
            List<WorldMapPanel.Footprint> fs = List.of(new WorldMapPanel.Footprint(a, ProductOutline.of(a.product())),
                    new WorldMapPanel.Footprint(b, ProductOutline.of(b.product())));
            map.setFootprints(fs);
            map.setProductPicker(products::select);
            Rectangle rb = map.screenBounds(fs.get(1));
            click(map, rb.x + rb.width / 2, rb.y + rb.height / 2, 1);
            click(map, rb.x + rb.width / 2, rb.y + rb.height / 2, 2);
            assertEquals(b, products.selected().orElseThrow());
            Rectangle ra = map.screenBounds(fs.get(0));
            click(map, ra.x + ra.width / 2, ra.y + ra.height / 2, 2);
            assertEquals(a, products.selected().orElseThrow());
            click(map, 2, 2, 2); // the sea: nothing changes
            assertEquals(a, products.selected().orElseThrow());
        });
        products.close(a);
        assertTrue(products.selected().isEmpty(), "closing the selected product clears the selection");
    }

    @Test
    void aBackgroundLayerFromAPolygonFileIsDrawnAsLandWithItsHoles(@TempDir Path dir) throws Exception {
        // an island from 0° to 40°E, 0° to 30°N with a lake from 10° to 20°E, 10° to 20°N
        Path land = dir.resolve("land.geojson");
        java.nio.file.Files.writeString(land, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[40,0],[40,30],[0,30],[0,0]],"
                + "[[10,10],[10,20],[20,20],[20,10],[10,10]]]}}]}");
        List<double[]> rings = LonLatRings.ofWkt(eu.ai4c.desktop.form.AoiText.fromVectorFile(land));
        assertEquals(2, rings.size(), "outer ring and hole");
        // a coastline of lines is refused by the area-of-interest readers, with the reason
        Path lines = dir.resolve("coast.geojson");
        java.nio.file.Files.writeString(lines, "{\"type\":\"LineString\",\"coordinates\":[[0,0],[10,10]]}");
        eu.ai4c.kit.Ai4cException refused = org.junit.jupiter.api.Assertions.assertThrows(eu.ai4c.kit.Ai4cException.class,
                () -> eu.ai4c.desktop.form.AoiText.fromVectorFile(lines));
        assertTrue(refused.getMessage().contains("polygon"), refused.getMessage());
        onEdt(() -> {
            WorldMapPanel map = new WorldMapPanel();
            map.setSize(720, 360);
            map.setView(MapView.world(720, 360)); // 2 px per degree, (0°, 0°) at (360, 180)
            map.setBackgroundLayer(rings);
            assertTrue(map.hasBackgroundLayer());
            BufferedImage img = paint(map);
            assertPixel(img, 360 + 2 * 5, 180 - 2 * 25, WorldMapPanel.LAND);   // (5°E, 25°N): land
            assertPixel(img, 360 + 2 * 15, 180 - 2 * 15, WorldMapPanel.OCEAN); // (15°E, 15°N): the lake
            assertPixel(img, 360 + 2 * 55, 180 - 2 * 25, WorldMapPanel.OCEAN); // (55°E, 25°N): sea
            map.setBackgroundLayer(null);
            assertPixel(paint(map), 360 + 2 * 5, 180 - 2 * 25, WorldMapPanel.OCEAN);
        });
    }

    /** A north-up UTM 33N GeoTIFF of 10 × 10 pixels covering {@code size} metres from its upper-left corner. */
    static Path utmGeoTiff(Path dir, String name, double x0, double y0, double size) throws Exception {
        MapGeoCoding grid = MapGeoCoding.northUp(Projections.eastingFirst(Projections.parse("EPSG:32633", 15, 45)),
                x0, y0, size / 10, size / 10);
        Path file = dir.resolve(name + ".tif");
        ProductIO.writer("GeoTIFF").write(Product.of(name, MemoryRaster.ofFloats("b", 10, 10, new float[100], grid)),
                file, ProcessingContext.defaults());
        return file;
    }

    private static WorldMapPanel.DrawingListener listener(List<String> out) {
        return new WorldMapPanel.DrawingListener() {
            @Override
            public void drawn(String wkt) {
                out.add(wkt);
            }

            @Override
            public void cancelled() {
                out.add("cancelled");
            }
        };
    }

    private static BufferedImage paint(WorldMapPanel map) {
        BufferedImage img = new BufferedImage(map.getWidth(), map.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        map.paintMap(g);
        g.dispose();
        return img;
    }

    private static Color colourAt(BufferedImage img, int x, int y) {
        return new Color(img.getRGB(x, y));
    }

    /** Within 2 levels per channel: Java2D's compositing rounds differently from {@link WorldMapPanel#blend}. */
    private static void assertPixel(BufferedImage img, int x, int y, Color expected) {
        Color c = colourAt(img, x, y);
        boolean near = Math.abs(c.getRed() - expected.getRed()) <= 2 && Math.abs(c.getGreen() - expected.getGreen()) <= 2
                && Math.abs(c.getBlue() - expected.getBlue()) <= 2;
        assertTrue(near, "pixel (" + x + ", " + y + ") is " + c + ", expected " + expected);
    }

    /** The pixel in the middle of the graticule cell nearest the footprint's centre: no line or label there. */
    private static int[] cellMiddle(WorldMapPanel map, Rectangle b) {
        MapView v = map.view();
        double step = v.graticuleStep();
        double lon = (Math.floor(v.lon(b.x + b.width / 2.0) / step) + 0.5) * step;
        double lat = (Math.floor(v.lat(b.y + b.height / 2.0) / step) + 0.5) * step;
        int x = (int) Math.round(v.x(lon)), y = (int) Math.round(v.y(lat));
        assertTrue(b.contains(x, y), "cell middle inside the footprint");
        return new int[] {x, y};
    }

    /** Sends a mouse event to the map's own mouse handler (headless: no event queue, no tooltip manager). */
    private static void mouse(WorldMapPanel map, int id, int x, int y, int clicks) {
        int mask = id == MouseEvent.MOUSE_RELEASED || id == MouseEvent.MOUSE_CLICKED ? 0 : InputEvent.BUTTON1_DOWN_MASK;
        MouseEvent e = new MouseEvent(map, id, System.currentTimeMillis(), mask, x, y, clicks, false, MouseEvent.BUTTON1);
        for (MouseListener l : map.getMouseListeners()) {
            if (l.getClass().getEnclosingClass() != WorldMapPanel.class) continue;
            switch (id) {
                case MouseEvent.MOUSE_PRESSED -> l.mousePressed(e);
                case MouseEvent.MOUSE_RELEASED -> l.mouseReleased(e);
                case MouseEvent.MOUSE_CLICKED -> l.mouseClicked(e);
                case MouseEvent.MOUSE_DRAGGED -> ((MouseMotionListener) l).mouseDragged(e);
                default -> throw new IllegalArgumentException("event " + id);
            }
        }
    }

    private static void click(WorldMapPanel map, int x, int y, int count) {
        mouse(map, MouseEvent.MOUSE_PRESSED, x, y, count);
        mouse(map, MouseEvent.MOUSE_RELEASED, x, y, count);
        mouse(map, MouseEvent.MOUSE_CLICKED, x, y, count);
    }

    private static void onEdt(eu.ai4c.desktop.testing.Edt.Step step) throws Exception {
        eu.ai4c.desktop.testing.Edt.run(step);
    }
}
