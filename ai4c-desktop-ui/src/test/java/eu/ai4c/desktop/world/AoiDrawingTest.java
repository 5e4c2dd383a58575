package eu.ai4c.desktop.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Drawn areas as WKT: screen points through the view, rounded to a tenth of a pixel. */
class AoiDrawingTest {

    @Test
    void aRectangleAtKnownScreenPointsGivesItsExactWkt() {
        MapView world = MapView.world(720, 360); // 2 px per degree, (0°, 0°) at (360, 180)
        String expected = "POLYGON ((10 5, 20 5, 20 10, 10 10, 10 5))";
        assertEquals(Optional.of(expected), AoiDrawing.rectangle(world, 380, 170, 400, 160));
        assertEquals(Optional.of(expected), AoiDrawing.rectangle(world, 400, 160, 380, 170), "dragged the other way");
        assertEquals(Optional.of(expected), AoiDrawing.rectangle(world, 400, 170, 380, 160));
    }

    @Test
    void aZoomedViewGivesDecimalsToItsPixelSize() {
        MapView v = new MapView(1000, 500, 15, 47, 1000); // (15°E, 47°N) at (500, 250)
        assertEquals(4, AoiDrawing.decimals(1000));
        assertEquals(Optional.of("POLYGON ((15 47, 15.1 47, 15.1 47.05, 15 47.05, 15 47))"),
                AoiDrawing.rectangle(v, 500, 250, 600, 200));
        // 1 px = 0.001°: rounding to 1e-4° keeps the pixel, 1/3 px is not claimed
        assertEquals(Optional.of("POLYGON ((15.0003 46.9997, 15.0013 46.9997, 15.0013 47.0007, 15.0003 47.0007, 15.0003 46.9997))"),
                AoiDrawing.rectangle(v, 500.3333, 250.3333, 501.3333, 249.3333));
    }

    @Test
    void decimalsGrowWithTheZoom() {
        assertEquals(1, AoiDrawing.decimals(1));      // 1 px = 1°, step 0.1°
        assertEquals(2, AoiDrawing.decimals(2));      // 1 px = 0.5°, step 0.01°
        assertEquals(2, AoiDrawing.decimals(10));     // step 0.01° = a tenth of 0.1°
        assertEquals(5, AoiDrawing.decimals(5000));
        assertEquals(6, AoiDrawing.decimals(MapView.MAX_SCALE)); // 1 px = 5e-5°
    }

    @Test
    void aRectangleBeyondTheWorldEndsAtItsEdgeAndAFlatOneIsNone() {
        MapView world = MapView.world(720, 360);
        assertEquals(Optional.of("POLYGON ((-180 -90, -170 -90, -170 -80, -180 -80, -180 -90))"),
                AoiDrawing.rectangle(world, -50, 400, 20, 340));
        assertTrue(AoiDrawing.rectangle(world, 380, 170, 380, 100).isEmpty(), "no width");
        assertTrue(AoiDrawing.rectangle(world, 380, 170, 380.001, 170.001).isEmpty(), "a point");
    }

    @Test
    void aPolygonIsClosedAndTheDoubleClicksSecondPointDropped() {
        MapView world = MapView.world(720, 360);
        double[] clicks = {360, 180, 400, 180, 400, 140, 400, 140}; // the last two: a double-click
        assertEquals(Optional.of("POLYGON ((0 0, 20 0, 20 20, 0 0))"), AoiDrawing.polygon(world, clicks));
        assertTrue(AoiDrawing.polygon(world, new double[] {360, 180, 400, 180, 400, 180}).isEmpty(), "two vertices");
        assertEquals(Optional.of("POLYGON ((0 0, 20 0, 20 20, 0 0))"),
                AoiDrawing.polygon(world, new double[] {360, 180, 400, 180, 400, 140, 360, 180}), "ends where it began");
    }
}
