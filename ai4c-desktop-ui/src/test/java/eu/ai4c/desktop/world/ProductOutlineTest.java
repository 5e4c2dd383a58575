package eu.ai4c.desktop.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.testutil.Gdal;
import eu.ai4c.s1.synthetic.SyntheticGrd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Footprints of products against independent computations: GDAL's WGS84 extent and point
 * transforms for a GDAL-made UTM GeoTIFF, the manifest text for a Sentinel-1 product.
 */
class ProductOutlineTest {
    /**
     * 1e-7° (about 1 cm): SIS (our transform) and PROJ (GDAL's) both compute the transverse Mercator
     * to well under a millimetre within a few degrees of the central meridian; the rest is printing.
     */
    private static final double TOLERANCE_DEG = 1e-7;

    @Test
    void aUtmGeoTiffsFootprintIsWhereGdalPutsItsCornersAndEdges(@TempDir Path dir) throws Exception {
        // 60 km × 45 km on UTM 33N, off the central meridian so that the edges curve in degrees
        Path tif = dir.resolve("utm.tif");
        Gdal.run("gdal_create", "-q", "-of", "GTiff", "-outsize", "600", "400", "-bands", "1", "-ot", "Byte",
                "-a_srs", "EPSG:32633", "-a_ullr", "600000", "5300000", "660000", "5255000", tif.toString());
        Product p = ProductIO.readerFor(tif).orElseThrow().read(tif);
        ProductOutline outline = ProductOutline.of(p);
        assertEquals(1, outline.parts().size());
        assertTrue(outline.source().contains("EPSG:32633"), outline.source());
        double[] ring = outline.parts().get(0);
        assertEquals(2 * 4 * eu.ai4c.kit.stac.Footprint.POINTS_PER_EDGE, ring.length, "8 points per edge, open ring");

        JsonNode extent = Gdal.info(tif).get("wgs84Extent").get("coordinates").get(0);
        assertEquals(5, extent.size(), "GDAL's four corners, closed");
        for (int i = 0; i < 4; i++) {
            double lon = extent.get(i).get(0).asDouble(), lat = extent.get(i).get(1).asDouble();
            assertEquals(0, nearest(ring, lon, lat), TOLERANCE_DEG, "corner " + extent.get(i));
        }
        // the middle of each edge: a vertex of ours, transformed by gdaltransform from UTM
        String[] middles = {"600000 5277500", "630000 5255000", "660000 5277500", "630000 5300000"};
        String out = Gdal.runWithInput(String.join("\n", middles) + "\n", "gdaltransform", "-output_xy",
                "-s_srs", "EPSG:32633", "-t_srs", "EPSG:4326");
        String[] lines = out.strip().split("\\R");
        assertEquals(4, lines.length, out);
        for (String line : lines) {
            String[] xy = line.strip().split("\\s+");
            // the axis order of EPSG:4326 depends on the GDAL version: tell them apart by size
            double a = Double.parseDouble(xy[0]), b = Double.parseDouble(xy[1]);
            double lon = a > 30 ? b : a, lat = a > 30 ? a : b; // longitudes here are ~16°, latitudes ~47°
            assertEquals(0, nearest(ring, lon, lat), TOLERANCE_DEG, "edge middle " + line);
        }
    }

    @Test
    void aGridAcrossTheAntimeridianIsDrawnInTwoParts() {
        // UTM 60N (central meridian 177°E), eastings 700–900 km at the equator: about 178.8°E to 179.4°W
        MapGeoCoding grid = MapGeoCoding.northUp(Projections.eastingFirst(Projections.parse("EPSG:32660", 177, 0)),
                700000, 200000, 1000, 1000);
        Product p = Product.of("across", MemoryRaster.ofFloats("b", 200, 200, new float[200 * 200], grid));
        ProductOutline outline = ProductOutline.of(p);
        assertEquals(2, outline.parts().size());
        double[] east = LonLatRings.bounds(List.of(outline.parts().get(0)));
        double[] west = LonLatRings.bounds(List.of(outline.parts().get(1)));
        double[] eastPart = east[0] > 0 ? east : west, westPart = east[0] > 0 ? west : east;
        assertEquals(180, eastPart[2], 0);
        assertEquals(-180, westPart[0], 0);
        assertTrue(eastPart[0] > 178.5 && eastPart[0] < 179, "west edge near 178.8°E: " + eastPart[0]);
        assertTrue(westPart[2] > -179.6 && westPart[2] < -179.2, "east edge near 179.4°W: " + westPart[2]);
        // together the parts cover the grid's outline: the same area as the unsplit ring in 0…360°
        double[] whole = eu.ai4c.kit.stac.Footprint.of(grid, 200, 200).ring();
        double[] continuous = LonLatRings.open(whole).clone();
        for (int i = 0; i < continuous.length; i += 2) if (continuous[i] < 0) continuous[i] += 360;
        double parts = Math.abs(LonLatRings.signedArea(outline.parts().get(0)))
                + Math.abs(LonLatRings.signedArea(outline.parts().get(1)));
        assertEquals(Math.abs(LonLatRings.signedArea(continuous)), parts, 1e-9);
    }

    @Test
    void aSentinel1ProductsFootprintIsItsManifests(@TempDir Path dir) throws Exception {
        Path safe = SyntheticGrd.builder(64, 48).polarisations("VV").centre(41.9, 12.5).seed(5).build().write(dir);
        Product p = ProductIO.readerFor(safe).orElseThrow().read(safe);
        ProductOutline outline = ProductOutline.of(p);
        assertEquals("Sentinel-1 manifest footprint", outline.source());
        assertEquals(1, outline.parts().size());
        // the manifest's gml:coordinates, "lat,lon lat,lon …", read as text
        String manifest = Files.readString(safe.resolve("manifest.safe"));
        Matcher m = Pattern.compile("<gml:coordinates>([^<]*)</gml:coordinates>").matcher(manifest);
        assertTrue(m.find(), "manifest has a footprint");
        List<Double> expected = new ArrayList<>();
        for (String pair : m.group(1).strip().split("\\s+")) {
            String[] ll = pair.split(",");
            expected.add(Double.parseDouble(ll[1]));
            expected.add(Double.parseDouble(ll[0]));
        }
        double[] ring = outline.parts().get(0);
        assertEquals(expected.size(), ring.length);
        for (int i = 0; i < ring.length; i++) assertEquals(expected.get(i), ring[i], 0, "coordinate " + i);
        assertTrue(ring[0] > 11 && ring[0] < 14 && ring[1] > 41 && ring[1] < 43,
                String.format(Locale.ROOT, "near Rome: %.3f %.3f", ring[0], ring[1]));
    }

    /**
     * A Sentinel-2 product is outlined where it has data (its metadata's Global_Footprint: a product
     * at the swath edge covers part of its tile), and by its tile grid when the metadata has none.
     */
    @Test
    void aSentinel2ProductsFootprintIsItsMetadatas(@TempDir Path dir) throws Exception {
        double[] triangle = {9.03, 46.95, 9.07, 46.95, 9.07, 46.91};
        Path withFootprint = eu.ai4c.s2.synthetic.SyntheticS2Product.builder(eu.ai4c.s2.safe.S2Level.L2A).size(60)
                .footprint(triangle).build().write(Files.createDirectories(dir.resolve("a")));
        ProductOutline outline = ProductOutline.of(ProductIO.read(withFootprint));
        assertEquals("Sentinel-2 product footprint", outline.source());
        assertEquals(1, outline.parts().size());
        double[] ring = outline.parts().get(0);
        assertEquals(triangle.length, ring.length, "the closing point of the file is dropped");
        for (int i = 0; i < ring.length; i++) assertEquals(triangle[i], ring[i], 0, "coordinate " + i);

        Path without = eu.ai4c.s2.synthetic.SyntheticS2Product.builder(eu.ai4c.s2.safe.S2Level.L2A).size(60).build()
                .write(Files.createDirectories(dir.resolve("b")));
        assertEquals("grid corners in EPSG:32632", ProductOutline.of(ProductIO.read(without)).source());
    }

    @Test
    void aProductWithoutGeocodingHasNoFootprintAndSaysWhy() {
        Product p = Product.of("plain", MemoryRaster.ofFloats("b", 4, 4, new float[16], null));
        ProductOutline outline = ProductOutline.of(p);
        assertFalse(outline.exists());
        assertEquals("not geocoded", outline.source());
    }

    /** Distance in degrees from (lon, lat) to the nearest vertex of the ring. */
    private static double nearest(double[] ring, double lon, double lat) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < ring.length; i += 2) best = Math.min(best, Math.hypot(ring[i] - lon, ring[i + 1] - lat));
        return best;
    }
}
