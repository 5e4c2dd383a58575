package eu.ai4c.kit.stac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorExecution;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.testing.FailingOp;
import eu.ai4c.kit.testing.ScaleOp;
import eu.ai4c.kit.testing.StacSchemas;
import eu.ai4c.kit.testutil.Gdal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StacItemsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    /** A 30 × 20 px UTM 33N float image at 10 m named like a Sentinel-1 GRD (start and stop in the name). */
    private Path utmInput() throws IOException {
        float[] v = new float[30 * 20];
        for (int i = 0; i < v.length; i++) v[i] = i % 17;
        MapGeoCoding grid = MapGeoCoding.northUp(Projections.parse("EPSG:32633", 0, 0), 399960, 5300040, 10, 10);
        Product p = Product.of("S1A_IW_GRDH_1SDV_20210601T052510_20210601T052535_038161_0480F5_1A2B",
                MemoryRaster.ofFloats("Sigma0_VV", 30, 20, v, grid));
        Path in = dir.resolve(p.name() + ".tif");
        ProductIO.writer("GeoTIFF").write(p, in, ProcessingContext.defaults());
        return in;
    }

    private static List<Path> run(String alias, Path in, Path out, boolean stac) throws IOException {
        Operator op = OperatorRegistry.load().get(alias);
        return OperatorExecution.execute(op, Map.of("input", in), op.descriptor().validate(Map.of("factor", "3")), out,
                ProductIO.writer("GeoTIFF"), ProcessingContext.defaults(), line -> { }, stac);
    }

    @Test
    void itemBesideTheOutputValidatesAndAgreesWithGdal() throws IOException {
        Path in = utmInput();
        Path out = dir.resolve("out/scaled.tif");
        Files.createDirectories(out.getParent());
        List<Path> written = run(ScaleOp.ALIAS, in, out, true);
        Path itemFile = dir.resolve("out/scaled.json");
        assertEquals(List.of(out, itemFile), written);
        JsonNode item = JSON.readTree(itemFile.toFile());
        assertEquals(List.of(), StacSchemas.itemErrors(item));

        JsonNode props = item.get("properties");
        assertEquals("scaled", item.get("id").asText());
        assertEquals("2021-06-01T05:25:10Z", props.get("datetime").asText());
        assertEquals("2021-06-01T05:25:10Z", props.get("start_datetime").asText());
        assertEquals("2021-06-01T05:25:35Z", props.get("end_datetime").asText());
        assertEquals("3.0", props.at("/processing:expression/expression/parameters/factor").asText());
        assertEquals(ScaleOp.ALIAS, props.at("/processing:expression/expression/service").asText());
        JsonNode asset = item.at("/assets/scaled.tif");
        assertEquals("./scaled.tif", asset.get("href").asText());
        assertEquals("image/tiff; application=geotiff", asset.get("type").asText());
        assertEquals("data", asset.get("roles").get(0).asText());

        // the projection fields as GDAL reads the file (its own "stac" block and its geotransform)
        JsonNode info = Gdal.info(out);
        assertEquals("EPSG:" + info.at("/stac/proj:epsg").asInt(), props.get("proj:code").asText());
        // proj:shape is [rows, columns]; GDAL's "size" is [columns, rows] (GDAL 3.6's own stac block has them swapped)
        assertEquals(info.at("/size/1").asInt(), props.get("proj:shape").get(0).asInt());
        assertEquals(info.at("/size/0").asInt(), props.get("proj:shape").get(1).asInt());
        JsonNode gt = info.get("geoTransform");
        double[] expected = {gt.get(1).asDouble(), gt.get(2).asDouble(), gt.get(0).asDouble(),
                gt.get(4).asDouble(), gt.get(5).asDouble(), gt.get(3).asDouble()};
        for (int i = 0; i < 6; i++) assertEquals(expected[i], props.get("proj:transform").get(i).asDouble(), 1e-9);

        // the footprint's corners are GDAL's WGS 84 corners (its wgs84Extent), to 1e-7° (1 cm)
        JsonNode gdalRing = info.at("/wgs84Extent/coordinates/0");
        JsonNode ring = item.at("/geometry/coordinates/0");
        assertEquals(4 * Footprint.POINTS_PER_EDGE + 1, ring.size());
        for (JsonNode corner : gdalRing) {
            boolean found = false;
            for (JsonNode p : ring) {
                found |= Math.abs(p.get(0).asDouble() - corner.get(0).asDouble()) < 1e-7
                        && Math.abs(p.get(1).asDouble() - corner.get(1).asDouble()) < 1e-7;
            }
            assertTrue(found, "GDAL corner " + corner + " not in " + ring);
        }
        double[] bbox = {item.get("bbox").get(0).asDouble(), item.get("bbox").get(1).asDouble(),
                item.get("bbox").get(2).asDouble(), item.get("bbox").get(3).asDouble()};
        assertTrue(bbox[0] < bbox[2] && bbox[1] < bbox[3] && bbox[0] > 13 && bbox[2] < 14 && bbox[1] > 47 && bbox[3] < 48,
                java.util.Arrays.toString(bbox));
        assertTrue(Footprint.signedArea(toArray(ring)) > 0, "counter-clockwise exterior ring");

        // the hash is what a batch computes from the same request, and finds the item by
        Operator op = OperatorRegistry.load().get(ScaleOp.ALIAS);
        String hash = ParameterHash.of(ScaleOp.ALIAS, Map.of("input", in), op.descriptor().validate(Map.of("factor", "3.0")));
        assertEquals(hash, props.get(StacItems.PARAMETERS_HASH).asText());
        assertEquals(itemFile, StacItems.findDone(out, hash).orElseThrow());
        assertEquals(itemFile, StacItems.findDone(out.getParent(), hash).orElseThrow());
        assertTrue(StacItems.findDone(out, hash.replace('a', 'b').replace('0', '1')).isEmpty());
        Files.delete(out);
        assertTrue(StacItems.findDone(itemFile.getParent(), hash).isEmpty(), "an item whose asset is gone is no proof");
    }

    @Test
    void schemasRejectWhatIsWrong() throws IOException {
        Path in = utmInput();
        Path out = dir.resolve("scaled.tif");
        run(ScaleOp.ALIAS, in, out, true);
        ObjectNode item = (ObjectNode) JSON.readTree(dir.resolve("scaled.json").toFile());
        // guards against a validator that accepts anything
        ObjectNode noDate = item.deepCopy();
        ((ObjectNode) noDate.get("properties")).remove("datetime");
        assertFalse(StacSchemas.itemErrors(noDate).isEmpty());
        ObjectNode badShape = item.deepCopy();
        ((ObjectNode) badShape.get("properties")).putArray("proj:shape").add("20");
        assertFalse(StacSchemas.itemErrors(badShape).isEmpty());
        ObjectNode badSoftware = item.deepCopy();
        ((ObjectNode) badSoftware.get("properties")).put("processing:software", "AI4C");
        assertFalse(StacSchemas.itemErrors(badSoftware).isEmpty());
    }

    @Test
    void switchedOffOrFailedRunsWriteNoItem() throws IOException {
        Path in = utmInput();
        Path out = dir.resolve("plain");
        Files.createDirectories(out);
        List<Path> written = run(ScaleOp.ALIAS, in, out.resolve("scaled.tif"), false);
        assertEquals(1, written.size());
        assertEquals(List.of("scaled.tif"), names(out));

        Path failed = dir.resolve("failed");
        Files.createDirectories(failed);
        Operator op = OperatorRegistry.load().get(FailingOp.ALIAS);
        assertThrows(RuntimeException.class, () -> OperatorExecution.execute(op, Map.of("input", in),
                op.descriptor().validate(Map.of()), failed, ProductIO.writer("GeoTIFF"), ProcessingContext.defaults(),
                line -> { }, true));
        assertEquals(List.of(), names(failed));
    }

    @Test
    void acquisitionTimeFromNames() {
        AcquisitionTime s2 = AcquisitionTime.fromName("S2B_MSIL2A_20230601T103031_N0509_R108_T32TQR_20230601T134015").orElseThrow();
        assertEquals("2023-06-01T10:30:31Z", s2.start().toString());
        assertEquals(s2.start(), s2.end(), "the second stamp of a Sentinel-2 name is the generation time");
        assertTrue(AcquisitionTime.fromName("composite_2017-10").isEmpty());
    }

    private static double[] toArray(JsonNode ring) {
        double[] a = new double[2 * ring.size()];
        for (int i = 0; i < ring.size(); i++) {
            a[2 * i] = ring.get(i).get(0).asDouble();
            a[2 * i + 1] = ring.get(i).get(1).asDouble();
        }
        return a;
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
