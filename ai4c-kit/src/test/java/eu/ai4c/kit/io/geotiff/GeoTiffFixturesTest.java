package eu.ai4c.kit.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.testing.Fixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real GeoTIFFs of the repository's fixtures (SSL4EO-S12 patches, the sarsen Rome DEM) against GDAL. */
class GeoTiffFixturesTest {
    private static final String ROME = "sarsen/tests/data/Rome-30m-DEM.tif";
    private final GeoTiffReader reader = new GeoTiffReader(0, m -> { });

    @TempDir
    Path dir;

    private static List<Path> patches() throws IOException {
        try (Stream<Path> s = Files.walk(Fixtures.file("rico-hdl/integration_tests/tiffs/SSL4EO-S12"))) {
            return s.filter(p -> p.toString().endsWith(".tif")).sorted().toList();
        }
    }

    @Test
    void everyPatchIsReadWithWgs84Geocoding() throws IOException {
        List<Path> files = patches();
        assertEquals(54, files.size());
        for (Path f : files) {
            Raster r = reader.read(f).raster();
            boolean s1 = f.toString().contains("/s1/");
            assertEquals(s1 ? DataType.FLOAT32 : DataType.UINT16, r.bands().get(0).type(), f.toString());
            assertTrue(List.of(264, 132, 44).contains(r.width()) && r.width() == r.height(), f.toString());
            MapGeoCoding gc = assertInstanceOf(MapGeoCoding.class, r.geoCoding(), f.toString());
            assertEquals(4326, Projections.epsgCode(gc.crs()).getAsInt(), f.toString());
            r.read(0, r.bounds());
        }
    }

    @Test
    void headersMatchGdalinfo() throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        List<Path> all = patches();
        for (int i = 0; i < all.size(); i += 7) files.add(all.get(i));
        files.add(Fixtures.file(ROME));
        for (Path f : files) {
            JsonNode info = GdalFiles.info(f);
            Raster r = reader.read(f).raster();
            assertEquals(info.path("size").get(0).asInt(), r.width(), f.toString());
            assertEquals(info.path("size").get(1).asInt(), r.height(), f.toString());
            assertEquals(info.path("bands").size(), r.bands().size(), f.toString());
            for (int b = 0; b < r.bands().size(); b++) {
                JsonNode jb = info.path("bands").get(b);
                Band band = r.bands().get(b);
                assertEquals(jb.path("type").asText(), gdalName(band.type()), f.toString());
                assertEquals(jb.has("noDataValue"), band.hasNoData(), f.toString());
                if (band.hasNoData()) assertEquals(jb.path("noDataValue").asDouble(), band.noData(), f.toString());
                assertEquals(jb.path("unit").asText(""), band.unit(), f.toString());
            }
            MapGeoCoding gc = (MapGeoCoding) r.geoCoding();
            assertArrayEquals(GdalFiles.geoTransform(info), gc.geoTransform(), 1e-12, f.toString());
        }
    }

    @Test
    void romeDemHasTheHorizontalCrsOfItsCompoundCrs() throws IOException {
        Product p = reader.read(Fixtures.file(ROME));
        MapGeoCoding gc = (MapGeoCoding) p.raster().geoCoding();
        assertEquals(4326, Projections.epsgCode(gc.crs()).getAsInt());
        assertEquals("5773", p.metadata().child("GeoKeys").orElseThrow().get("4096").orElseThrow());
        assertArrayEquals(new int[] {256, 256}, p.raster().preferredTileSize());
    }

    @Test
    void pixelsMatchGdal() throws IOException {
        List<Path> all = patches();
        Path s1 = all.stream().filter(p -> p.toString().contains("/s1/") && p.toString().endsWith("VV.tif")).findFirst().orElseThrow();
        Path s2 = all.stream().filter(p -> p.toString().endsWith("B8A.tif")).findFirst().orElseThrow();
        for (Path f : List.of(Fixtures.file(ROME), s1, s2)) {
            Path raw = GdalFiles.translate(f, dir.resolve(f.getFileName() + ".bin"), "-of", "ENVI");
            ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.nativeOrder());
            Raster r = reader.read(f).raster();
            double[] ours = GdalFiles.values(r.read(0, r.bounds()));
            DataType t = r.bands().get(0).type();
            double[] gdal = new double[ours.length];
            for (int i = 0; i < gdal.length; i++) {
                gdal[i] = switch (t) {
                    case INT16 -> bb.getShort();
                    case UINT16 -> bb.getShort() & 0xFFFF;
                    case FLOAT32 -> bb.getFloat();
                    default -> throw new IllegalStateException(t.toString());
                };
            }
            assertArrayEquals(gdal, ours, f.toString());
        }
    }

    @Test
    void sentinel1DummyMeasurementsNameTheirUnsupportedEncoding() {
        Path grd = Fixtures.file("sarsen/tests/data/S1B_IW_GRDH_1SDV_20211223T051122_20211223T051147_030148_039993_5371.SAFE"
                + "/measurement/s1b-iw-grd-vv-20211223t051122-20211223t051147-030148-039993-001.tiff");
        Ai4cException e = assertThrows(Ai4cException.class, () -> reader.read(grd));
        assertTrue(e.getMessage().contains("ZSTD compression (50000)") && e.getMessage().contains(grd.toString()), e.getMessage());
        Path slc = Fixtures.file("sarsen/tests/data/S1A_IW_SLC__1SDV_20220104T170557_20220104T170624_041314_04E951_F1F1.SAFE"
                + "/measurement/s1a-iw1-slc-vv-20220104t170558-20220104t170623-041314-04e951-004.tiff");
        Ai4cException e2 = assertThrows(Ai4cException.class, () -> reader.read(slc));
        assertTrue(e2.getMessage().contains("Predictor 4"), e2.getMessage());
    }

    private static String gdalName(DataType t) {
        return switch (t) {
            case BYTE -> "Byte";
            case INT16 -> "Int16";
            case UINT16 -> "UInt16";
            case INT32 -> "Int32";
            case FLOAT32 -> "Float32";
            case FLOAT64 -> "Float64";
            case CFLOAT32 -> "CFloat32";
        };
    }
}
