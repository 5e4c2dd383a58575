package eu.ai4c.desktop.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The plate carrée maths of the world map: projection, zoom around the cursor, pan, limits, graticule. */
class MapViewTest {
    private static final double EPS = 1e-9;

    @Test
    void theWorldFillsTheMapAtTwoPixelsPerDegree() {
        MapView v = MapView.world(720, 360);
        assertEquals(2, v.scale(), EPS);
        assertEquals(0, v.x(-180), EPS);
        assertEquals(720, v.x(180), EPS);
        assertEquals(0, v.y(90), EPS);
        assertEquals(360, v.y(-90), EPS);
        assertEquals(380, v.x(10), EPS);   // 360 + 10 · 2
        assertEquals(170, v.y(5), EPS);    // 180 − 5 · 2
        assertEquals(-33.25, v.lon(v.x(-33.25)), EPS);
        assertEquals(61.5, v.lat(v.y(61.5)), EPS);
        // a map twice as wide as high keeps the height's scale, with room left and right
        MapView wide = MapView.world(1000, 360);
        assertEquals(2, wide.scale(), EPS);
        assertEquals(140, wide.x(-180), EPS);
    }

    @Test
    void zoomingKeepsThePointUnderTheCursor() {
        MapView v = new MapView(800, 400, 10, 20, 4);
        double x = 613, y = 97;
        double lon = v.lon(x), lat = v.lat(y);
        for (double factor : new double[] {2, 1.25, 0.8, 10}) {
            MapView z = v.zoomAt(x, y, factor);
            assertEquals(4 * factor, z.scale(), EPS);
            assertEquals(lon, z.lon(x), 1e-9, "lon under the cursor after zoom × " + factor);
            assertEquals(lat, z.lat(y), 1e-9, "lat under the cursor after zoom × " + factor);
        }
    }

    @Test
    void zoomStopsAtTheWholeWorldAndAtTheDeepestScale() {
        MapView v = new MapView(720, 360, 10, 20, 4);
        MapView out = v.zoomAt(100, 100, 0.01);
        assertEquals(2, out.scale(), EPS, "not smaller than the world fits");
        MapView in = v.zoomAt(100, 100, 1e9);
        assertEquals(MapView.MAX_SCALE, in.scale(), EPS);
    }

    @Test
    void theMapFollowsADragAndItsCentreStaysOnTheGlobe() {
        MapView v = new MapView(800, 400, 10, 20, 4);
        double lon = v.lon(300), lat = v.lat(150);
        MapView p = v.panned(40, -25); // drag right and up
        assertEquals(lon, p.lon(340), EPS);
        assertEquals(lat, p.lat(125), EPS);
        MapView far = v.panned(1e6, -1e6);
        assertEquals(-180, far.centreLon(), EPS);
        assertEquals(-90, far.centreLat(), EPS);
    }

    @Test
    void aBoxIsFittedWithItsMargin() {
        MapView v = MapView.world(400, 300).fitted(14.99, 47.82, 15.03, 47.84, 24);
        assertEquals(15.01, v.centreLon(), EPS);
        assertEquals(47.83, v.centreLat(), EPS);
        assertEquals(Math.min(352 / 0.04, 252 / 0.02), v.scale(), 1e-6);
        assertTrue(v.x(14.99) >= 24 - EPS && v.x(15.03) <= 376 + EPS);
    }

    @Test
    void graticuleStepsFollowTheZoom() {
        assertEquals(30, MapView.world(360, 180).graticuleStep(), "whole world on a small map");
        assertEquals(30, new MapView(800, 400, 0, 0, 2).graticuleStep(), "10° would be 20 px apart");
        assertEquals(10, new MapView(800, 400, 0, 0, 5).graticuleStep(), "10° 50 px apart, 5° only 25");
        assertEquals(1, new MapView(800, 400, 0, 0, 50).graticuleStep());
        assertEquals(0.01, new MapView(800, 400, 0, 0, 5000).graticuleStep());
    }

    @Test
    void graticuleLabels() {
        assertEquals("30\u00b0E", MapView.label(30, true, 30));
        assertEquals("150\u00b0W", MapView.label(-150, true, 30));
        assertEquals("0\u00b0", MapView.label(0, true, 10));
        assertEquals("0\u00b0", MapView.label(0, false, 10));
        assertEquals("180\u00b0", MapView.label(180, true, 30));
        assertEquals("180\u00b0", MapView.label(-180, true, 30));
        assertEquals("60\u00b0N", MapView.label(60, false, 30));
        assertEquals("45.5\u00b0S", MapView.label(-45.5, false, 0.5));
        assertEquals("47.83\u00b0N", MapView.label(47.83, false, 0.01));
        assertEquals("15.010\u00b0E", MapView.label(15.01, true, 0.005));
    }
}
