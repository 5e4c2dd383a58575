package eu.ai4c.s2.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.safe.S2Level;
import eu.ai4c.s2.synthetic.SyntheticS2Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** S2-preprocess end to end on small synthetic SAFE products. */
class S2PreprocessOperatorTest {
    @TempDir
    static Path tmp;
    private static SyntheticS2Product l2a;
    private static Path l2aPath;

    @BeforeAll
    static void writeProducts() throws IOException {
        l2a = SyntheticS2Product.builder(S2Level.L2A).size(120).noDataColumns(12)
                .bands(S2Band.B2, S2Band.B3, S2Band.B4, S2Band.B8, S2Band.B5, S2Band.B1).build();
        l2aPath = l2a.write(tmp);
    }

    private static Product run(Path input, String... kv) throws IOException {
        Map<String, String> raw = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) raw.put(kv[i], kv[i + 1]);
        S2PreprocessOperator op = new S2PreprocessOperator();
        return op.apply(Map.of("input", ProductIO.read(input)), op.descriptor().validate(raw),
                ProcessingContext.defaults().withThreads(2));
    }

    private static float[] all(Raster r, int band) throws IOException {
        return r.read(band, r.bounds()).floats();
    }

    @Test
    void descriptorHasTheParametersOfTable4() {
        var d = OperatorRegistry.load().get("S2-preprocess").descriptor();
        assertEquals("10", d.parameter("resolution").orElseThrow().defaultValue());
        assertEquals("B2,B3,B4,B8", d.parameter("bands").orElseThrow().defaultValue());
        assertEquals(List.of("None", "Land", "Sea"), d.parameter("landseamask").orElseThrow().valueSet());
        assertEquals(List.of("None", "L1C", "L2A"), d.parameter("cloudmask").orElseThrow().valueSet());
        assertEquals("--AoI", d.parameter("aoi").orElseThrow().option());
        assertEquals(List.of("Nearest", "Bilinear", "Bicubic"), d.parameter("upsampling").orElseThrow().valueSet());
        assertEquals("Nearest", d.parameter("upsampling").orElseThrow().defaultValue());
        assertEquals(List.of("First", "Min", "Max", "Mean", "Median"), d.parameter("downsampling").orElseThrow().valueSet());
        ParameterDescriptor flag = d.parameter("flagDownsampling").orElseThrow();
        assertEquals("--flag-downsampling", flag.option());
        assertEquals(List.of("First", "FlagAnd", "FlagOr", "FlagMedianAnd", "FlagMedianOr"), flag.valueSet());
        assertEquals("UTM(Auto)", d.parameter("projection").orElseThrow().defaultValue());
        assertEquals("--l1c-as-toa", d.parameter("l1cAsToa").orElseThrow().option());
        assertEquals("--landmask-vector", d.parameter("landmaskVector").orElseThrow().option());
        assertEquals("--landseamask-tolerance", d.parameter("landseamaskTolerance").orElseThrow().option());
        assertTrue(d.parameter("dem").isPresent() && d.parameter("geoid").isPresent());
    }

    @Test
    void defaultsGiveFourTenMetreReflectanceBandsOnTheTileGrid() throws IOException {
        Product p = run(l2aPath);
        Raster r = p.raster();
        assertEquals(List.of("B2", "B3", "B4", "B8"), r.bands().stream().map(b -> b.name()).toList());
        assertEquals(120, r.width());
        assertEquals(DataType.FLOAT32, r.bands().get(0).type());
        assertTrue(Double.isNaN(r.bands().get(0).noData()));
        MapGeoCoding g = (MapGeoCoding) r.geoCoding();
        assertEquals(l2a.ulx(), g.x(0, 0));
        assertEquals(10, g.pixelSizeX());
        float[] b3 = all(r, 1);
        for (int row = 0; row < 120; row += 3) for (int col = 0; col < 120; col += 5) {
            assertEquals(l2a.reflectance(S2Band.B3, col, row), b3[row * 120 + col], 1e-6, col + "," + row);
        }
        assertTrue(Float.isNaN(b3[5]));
    }

    @Test
    void twentyMetresWithMeanAveragesTheTenMetrePixels() throws IOException {
        Raster r = run(l2aPath, "resolution", "20", "bands", "B2,B5,B1", "downsampling", "Mean",
                "upsampling", "Nearest").raster();
        assertEquals(60, r.width());
        float[] b2 = all(r, 0), b5 = all(r, 1), b1 = all(r, 2);
        for (int row = 0; row < 60; row += 7) for (int col = 6; col < 60; col += 5) {
            double mean = 0;
            for (int k = 0; k < 4; k++) mean += l2a.reflectance(S2Band.B2, 2 * col + k % 2, 2 * row + k / 2) / 4;
            assertEquals(mean, b2[row * 60 + col], 1e-6);
            assertEquals(l2a.reflectance(S2Band.B5, col, row), b5[row * 60 + col], 1e-6);
            assertEquals(l2a.reflectance(S2Band.B1, col / 3, row / 3), b1[row * 60 + col], 1e-6);
        }
    }

    @Test
    void l2aCloudMaskRemovesShadowMediumHighAndCirrus() throws IOException {
        Raster r = run(l2aPath, "cloudmask", "L2A", "bands", "B4").raster();
        float[] v = all(r, 0);
        int masked = 0;
        for (int row = 0; row < 120; row++) for (int col = 12; col < 120; col++) {
            int scl = l2a.scl(col / 2, row / 2);
            boolean cloudy = scl == 3 || scl == 8 || scl == 9 || scl == 10;
            assertEquals(cloudy, Float.isNaN(v[row * 120 + col]), col + "," + row + " SCL " + scl);
            if (cloudy) masked++;
        }
        assertTrue(masked > 1000);
        // at 60 m, FlagOr masks a 60 m pixel if any of its nine SCL pixels is cloudy, FlagAnd only if all are
        float[] or = all(run(l2aPath, "cloudmask", "L2A", "bands", "B1", "resolution", "60",
                "flag-downsampling", "FlagOr").raster(), 0);
        float[] and = all(run(l2aPath, "cloudmask", "L2A", "bands", "B1", "resolution", "60",
                "flag-downsampling", "FlagAnd").raster(), 0);
        int nOr = 0, nAnd = 0;
        for (int row = 0; row < 20; row++) for (int col = 2; col < 20; col++) {
            int cloudy = 0;
            for (int k = 0; k < 9; k++) {
                int scl = l2a.scl(3 * col + k % 3, 3 * row + k / 3);
                if (scl == 3 || scl == 8 || scl == 9 || scl == 10) cloudy++;
            }
            assertEquals(cloudy > 0, Float.isNaN(or[row * 20 + col]));
            assertEquals(cloudy == 9, Float.isNaN(and[row * 20 + col]));
            if (cloudy > 0) nOr++;
            if (cloudy == 9) nAnd++;
        }
        assertTrue(nOr > nAnd && nAnd > 0, nOr + " " + nAnd);
    }

    @Test
    void bandTheProductLacksIsAClearUsageError() {
        Ai4cException e = assertThrows(Ai4cException.class, () -> run(l2aPath, "bands", "B2,B9"));
        assertTrue(e.isUsageError());
        assertTrue(e.getMessage().contains("no band B9") && e.getMessage().contains("B1, B2, B3, B4, B5, B8"), e.getMessage());
        Ai4cException unknown = assertThrows(Ai4cException.class, () -> run(l2aPath, "bands", "B13"));
        assertTrue(unknown.getMessage().contains("--bands"), unknown.getMessage());
    }

    @Test
    void l1cStopsWithoutSen2CorUnlessAsToa(@TempDir Path dir) throws IOException {
        SyntheticS2Product l1c = SyntheticS2Product.builder(S2Level.L1C).baseline("04.00").size(60).noDataColumns(0)
                .bands(S2Band.B2, S2Band.B3, S2Band.B4, S2Band.B8).build();
        Path p = l1c.write(dir);
        System.setProperty("ai4c.sen2cor", dir.resolve("no-such-L2A_Process").toString());
        try {
            Ai4cException e = assertThrows(Ai4cException.class, () -> run(p));
            assertTrue(e.getMessage().contains("Sen2Cor"), e.getMessage());
        } finally {
            System.clearProperty("ai4c.sen2cor");
        }
        if (eu.ai4c.s2.jp2.Executables.find("L2A_Process").isEmpty()) {
            Ai4cException e = assertThrows(Ai4cException.class, () -> run(p));
            assertTrue(e.getMessage().contains("--l1c-as-toa") && e.getMessage().contains("Level-1C"), e.getMessage());
        }
        Raster toa = run(p, "l1c-as-toa", "true", "cloudmask", "L1C").raster();
        float[] b8 = all(toa, 3);
        for (int row = 0; row < 60; row++) for (int col = 0; col < 60; col++) {
            boolean cloudy = SyntheticS2Product.opaque(col / 6, row / 6) || SyntheticS2Product.cirrus(col / 6, row / 6);
            double expected = cloudy ? Double.NaN : l1c.reflectance(S2Band.B8, col, row);
            assertEquals(expected, b8[row * 60 + col], 1e-6, col + "," + row);
        }
        Ai4cException noScl = assertThrows(Ai4cException.class, () -> run(p, "l1c-as-toa", "true", "cloudmask", "L2A"));
        assertTrue(noScl.getMessage().contains("SCL"), noScl.getMessage());
    }

    @Test
    void l1cGoesThroughSen2CorWhenInstalled(@TempDir Path dir) throws IOException {
        SyntheticS2Product l1c = SyntheticS2Product.builder(S2Level.L1C).baseline("02.09").size(60)
                .bands(S2Band.B2, S2Band.B3, S2Band.B4, S2Band.B8).build();
        Path in = l1c.write(dir.resolve("in"));
        SyntheticS2Product l2 = SyntheticS2Product.builder(S2Level.L2A).baseline("05.09").size(60)
                .bands(S2Band.B2, S2Band.B3, S2Band.B4, S2Band.B8).build();
        Path made = l2.write(dir.resolve("made"));
        // a stand-in for L2A_Process: copies the L2A product into --output_dir
        Path script = dir.resolve("L2A_Process");
        Files.writeString(script, "#!/bin/sh\n[ \"$1\" = --output_dir ] || exit 3\n[ -d \"$3\" ] || exit 4\ncp -r '" + made
                + "' \"$2\"/\n");
        script.toFile().setExecutable(true);
        System.setProperty("ai4c.sen2cor", script.toString());
        try {
            Product p = run(in);
            float[] b4 = all(p.raster(), 2);
            assertEquals(l2.reflectance(S2Band.B4, 40, 10), b4[10 * 60 + 40], 1e-6);
            assertTrue(p.metadata().child("Processing_History").orElseThrow().children().get(0).get("level")
                    .orElseThrow().equals("L2A"));
        } finally {
            System.clearProperty("ai4c.sen2cor");
        }
    }

    @Test
    void areaOfInterestCropsAndLandMaskRemovesLand(@TempDir Path dir) throws IOException {
        // the tile spans easting 499980…501180 in UTM 32N at northing ~5.2e6: about 9.0 °E, 46.95 °N
        Raster full = run(l2aPath, "bands", "B2").raster();
        MapGeoCoding g = (MapGeoCoding) full.geoCoding();
        double[] ll0 = lonLat(g, 30, 30), ll1 = lonLat(g, 90, 90);
        String wkt = String.format(java.util.Locale.ROOT, "POLYGON((%f %f, %f %f, %f %f, %f %f, %f %f))",
                ll0[0], ll0[1], ll1[0], ll0[1], ll1[0], ll1[1], ll0[0], ll1[1], ll0[0], ll0[1]);
        Raster crop = run(l2aPath, "bands", "B2", "AoI", wkt).raster();
        assertTrue(crop.width() >= 59 && crop.width() <= 62, "width " + crop.width());
        Path land = dir.resolve("land.geojson");
        Files.writeString(land, "{\"type\":\"Polygon\",\"coordinates\":[[[" + ll0[0] + "," + ll0[1] + "],[" + ll1[0] + ","
                + ll0[1] + "],[" + ll1[0] + "," + ll1[1] + "],[" + ll0[0] + "," + ll1[1] + "],[" + ll0[0] + "," + ll0[1] + "]]]}");
        float[] noLand = all(run(l2aPath, "bands", "B2", "landseamask", "Land", "landmask-vector", land.toString()).raster(), 0);
        float[] noSea = all(run(l2aPath, "bands", "B2", "landseamask", "Sea", "landmask-vector", land.toString()).raster(), 0);
        assertTrue(Float.isNaN(noLand[60 * 120 + 60]) && !Float.isNaN(noSea[60 * 120 + 60]));
        assertTrue(!Float.isNaN(noLand[110 * 120 + 110]) && Float.isNaN(noSea[110 * 120 + 110]));
        Ai4cException e = assertThrows(Ai4cException.class, () -> run(l2aPath, "landseamask", "Sea"));
        assertTrue(e.getMessage().contains("--landmask-vector") && e.getMessage().contains("--dem"), e.getMessage());
    }

    @Test
    void demSeaMaskKeepsTheIslandAndToleranceGrowsIt(@TempDir Path dir) throws IOException {
        MapGeoCoding g = (MapGeoCoding) run(l2aPath, "bands", "B2").raster().geoCoding();
        double[] a = lonLat(g, 30, 30), b = lonLat(g, 90, 90), c0 = lonLat(g, -10, -10), c1 = lonLat(g, 130, 130);
        // WGS84 DEM at 1/8192 degree: 50 m above the geoid inside the island box, -5 m (sea) around it
        double step = 1.0 / 8192, west = Math.min(c0[0], c1[0]), north = Math.max(c0[1], c1[1]);
        int w = (int) Math.ceil((Math.max(c0[0], c1[0]) - west) / step), h = (int) Math.ceil((north - Math.min(c0[1], c1[1])) / step);
        float[] heights = new float[w * h];
        for (int r = 0; r < h; r++) {
            for (int col = 0; col < w; col++) {
                double lon = west + (col + 0.5) * step, lat = north - (r + 0.5) * step;
                boolean island = lon > Math.min(a[0], b[0]) && lon < Math.max(a[0], b[0])
                        && lat > Math.min(a[1], b[1]) && lat < Math.max(a[1], b[1]);
                heights[r * w + col] = island ? 50f : -5f;
            }
        }
        Path dem = dir.resolve("dem.tif");
        ProductIO.writer("GeoTIFF").write(new Product("dem", eu.ai4c.kit.raster.MemoryRaster.ofFloats("height", w, h,
                heights, MapGeoCoding.northUp(eu.ai4c.kit.geo.Projections.wgs84(), west, north, step, step)),
                new eu.ai4c.kit.raster.Metadata("dem"), null), dem, ProcessingContext.defaults());

        float[] sea = all(run(l2aPath, "bands", "B2", "landseamask", "Sea", "dem", dem.toString()).raster(), 0);
        float[] land = all(run(l2aPath, "bands", "B2", "landseamask", "Land", "dem", dem.toString()).raster(), 0);
        float[] grown = all(run(l2aPath, "bands", "B2", "landseamask", "Sea", "dem", dem.toString(),
                "landseamask-tolerance", "200").raster(), 0);
        int island = 60 * 120 + 60, nearCoast = 95 * 120 + 95, offshore = 116 * 120 + 116;
        assertTrue(!Float.isNaN(sea[island]) && Float.isNaN(land[island]), "island pixel");
        assertTrue(Float.isNaN(sea[offshore]) && !Float.isNaN(land[offshore]), "offshore pixel");
        assertTrue(Float.isNaN(sea[nearCoast]), "50 m off the coast is sea without tolerance");
        assertFalse(Float.isNaN(grown[nearCoast]), "a 200 m tolerance keeps a pixel 50 m off the coast");
        assertTrue(Float.isNaN(grown[offshore]), "a 200 m tolerance does not keep a pixel 260 m off the coast");
        int removed = 0;
        for (float v : sea) if (Float.isNaN(v)) removed++;
        // sea is the whole 120x120 tile minus the 60x60 island (plus the 12 no-data columns)
        assertTrue(removed > 120 * 120 - 60 * 60 - 200 && removed < 120 * 120 - 60 * 60 + 12 * 120 + 200, "removed " + removed);
        Ai4cException e = assertThrows(Ai4cException.class, () -> run(l2aPath, "landseamask", "Land",
                "landseamask-tolerance", "-1"));
        assertTrue(e.getMessage().contains("landseamask"), e.getMessage());
    }

    @Test
    void reprojectionToWgs84AndGeoTiffOutput(@TempDir Path dir) throws IOException {
        Product p = run(l2aPath, "bands", "B4,B8", "projection", "WGS84", "resolution", "20");
        MapGeoCoding g = (MapGeoCoding) p.raster().geoCoding();
        assertTrue(eu.ai4c.kit.geo.Projections.isGeographic(g.crs()));
        assertEquals(9.0, g.x(0, 0), 0.1);
        float[] v = all(p.raster(), 0);
        int valid = 0;
        for (float f : v) if (!Float.isNaN(f)) valid++;
        assertTrue(valid > 0.5 * 60 * 60 * 0.9, "valid " + valid);
        Path out = ProductIO.writer("GeoTIFF").write(p, dir.resolve("out.tif"), ProcessingContext.defaults());
        List<String> info = gdalinfo(out);
        assertTrue(String.join("\n", info).contains("Type=Float32"), info.toString());
        assertFalse(Files.exists(dir.resolve("out.tif.partial")));
    }

    private static double[] lonLat(MapGeoCoding g, double col, double row) {
        double[] xy = {g.x(col, row), g.y(col, row)};
        try {
            org.apache.sis.referencing.CRS.findOperation(g.crs(), eu.ai4c.kit.geo.Projections.wgs84(), null)
                    .getMathTransform().transform(xy, 0, xy, 0, 1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return xy;
    }

    private static List<String> gdalinfo(Path file) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("gdalinfo", file.toString()).redirectErrorStream(true);
        Process proc;
        try {
            proc = pb.start();
        } catch (IOException e) {
            throw new AssertionError("gdalinfo is needed as an independent check and is not installed", e);
        }
        List<String> lines = new ArrayList<>(new String(proc.getInputStream().readAllBytes()).lines().toList());
        try {
            assertEquals(0, proc.waitFor(), lines.toString());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return lines;
    }
}
