package eu.ai4c.kit.io.dimap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.ProductWriter;
import eu.ai4c.kit.io.envi.EnviRaster;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Metadata;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.testutil.Gdal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.apache.sis.referencing.CRS;
import org.apache.sis.util.Utilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class DimapWriterTest {
    static final int W = 300, H = 200;
    static final double[] GT = {399960, 20, 0, 5000040, 0, -20};

    @TempDir
    Path dir;

    static Product product() {
        MapGeoCoding gc = new MapGeoCoding(Projections.parse("EPSG:32633", 0, 0), GT);
        short[] dn = new short[W * H];
        float[] db = new float[W * H];
        byte[] mask = new byte[W * H];
        for (int i = 0; i < W * H; i++) {
            dn[i] = (short) (i % 60000);          // beyond 32767: exercises unsigned storage
            db[i] = i % 7 == 0 ? Float.NaN : (float) (-20 + (i % 1000) * 0.01);
            mask[i] = (byte) (i % 251);
        }
        Region all = Region.of(W, H);
        MemoryRaster r = new MemoryRaster(List.of(
                Band.of("B4", DataType.UINT16, 0),
                Band.of("Sigma0_VV_db", DataType.FLOAT32, Double.NaN).withUnit("dB").withDescription("backscatter"),
                Band.of("land/sea mask", DataType.BYTE)),
                new Block[] {new Block(all, DataType.UINT16, dn), new Block(all, DataType.FLOAT32, db),
                        new Block(all, DataType.BYTE, mask)}, gc);
        Metadata md = new Metadata("metadata");
        md.set("PRODUCT_TYPE", "TEST_L2");
        md.addChild("Abstracted_Metadata").set("MISSION", "SENTINEL-1A").set("PASS", "ASCENDING")
                .addChild("Orbit").set("count", 3);
        return new Product("scene_1", r, md, null);
    }

    Path writeProduct(Product p) throws IOException {
        ProductWriter w = ProductIO.writer("BEAM-DIMAP");
        assertTrue(w instanceof DimapWriter);
        assertEquals(".dim", w.extension());
        return w.write(p, dir.resolve("scene_1.dim"), ProcessingContext.defaults().withThreads(2));
    }

    @Test
    void headerHasTheElementsSnapReads() throws Exception {
        Path dim = writeProduct(product());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dim.toFile());
        XPath x = XPathFactory.newInstance().newXPath();
        assertEquals("DIMAP", x.evaluate("/Dimap_Document/Metadata_Id/METADATA_FORMAT", doc));
        assertEquals("scene_1", x.evaluate("/Dimap_Document/Dataset_Id/DATASET_NAME", doc));
        assertEquals("TEST_L2", x.evaluate("/Dimap_Document/Production/PRODUCT_TYPE", doc));
        assertEquals("300", x.evaluate("/Dimap_Document/Raster_Dimensions/NCOLS", doc));
        assertEquals("200", x.evaluate("/Dimap_Document/Raster_Dimensions/NROWS", doc));
        assertEquals("3", x.evaluate("/Dimap_Document/Raster_Dimensions/NBANDS", doc));
        assertEquals("20.0,0.0,0.0,-20.0,399960.0,5000040.0",
                x.evaluate("/Dimap_Document/Geoposition/IMAGE_TO_MODEL_TRANSFORM", doc));
        var crs = CRS.fromWKT(x.evaluate("/Dimap_Document/Coordinate_Reference_System/WKT", doc).trim());
        assertEquals(32633, Projections.epsgCode(crs).getAsInt());

        NodeList files = (NodeList) x.evaluate("/Dimap_Document/Data_Access/Data_File", doc, XPathConstants.NODESET);
        assertEquals(3, files.getLength());
        String[] names = {"B4", "Sigma0_VV_db", "land_sea_mask"};
        for (int i = 0; i < 3; i++) {
            String href = x.evaluate("/Dimap_Document/Data_Access/Data_File[" + (i + 1) + "]/DATA_FILE_PATH/@href", doc);
            assertEquals("scene_1.data/" + names[i] + ".hdr", href);
            assertTrue(Files.isRegularFile(dim.resolveSibling(href)), href);
            assertTrue(Files.isRegularFile(dim.resolveSibling(href.replace(".hdr", ".img"))), href);
        }
        String sbi = "/Dimap_Document/Image_Interpretation/Spectral_Band_Info";
        assertEquals("uint16", x.evaluate(sbi + "[1]/DATA_TYPE", doc));
        assertEquals("true", x.evaluate(sbi + "[1]/NO_DATA_VALUE_USED", doc));
        assertEquals("0.0", x.evaluate(sbi + "[1]/NO_DATA_VALUE", doc));
        assertEquals("Sigma0_VV_db", x.evaluate(sbi + "[2]/BAND_NAME", doc));
        assertEquals("float32", x.evaluate(sbi + "[2]/DATA_TYPE", doc));
        assertEquals("dB", x.evaluate(sbi + "[2]/PHYSICAL_UNIT", doc));
        assertEquals("NaN", x.evaluate(sbi + "[2]/NO_DATA_VALUE", doc));
        assertEquals("land/sea mask", x.evaluate(sbi + "[3]/BAND_NAME", doc));
        assertEquals("uint8", x.evaluate(sbi + "[3]/DATA_TYPE", doc));
        assertEquals("false", x.evaluate(sbi + "[3]/NO_DATA_VALUE_USED", doc));

        String md = "/Dimap_Document/Dataset_Sources/MDElem[@name='metadata']";
        assertEquals("SENTINEL-1A", x.evaluate(md + "/MDElem[@name='Abstracted_Metadata']/MDATTR[@name='MISSION']", doc));
        assertEquals("ascii", x.evaluate(md + "/MDElem[@name='Abstracted_Metadata']/MDATTR[@name='MISSION']/@type", doc));
        assertEquals("3", x.evaluate(md + "/MDElem/MDElem[@name='Orbit']/MDATTR[@name='count']", doc));
    }

    @Test
    void bandFilesAreBigEndianEnviWithTheSamples() throws Exception {
        Product p = product();
        Path dim = writeProduct(p);
        Path data = dim.resolveSibling("scene_1.data");
        for (int b = 0; b < 3; b++) {
            String base = DimapWriter.bandFileNames(p.raster().bands()).get(b);
            Path hdr = data.resolve(base + ".hdr");
            assertTrue(Files.readString(hdr).contains("byte order = 1"));
            try (EnviRaster r = EnviRaster.open(hdr)) {
                assertTrue(r.header().bigEndian());
                Block expected = p.raster().read(b, p.raster().bounds());
                Block actual = r.read(0, r.bounds());
                assertEquals(expected.type(), actual.type());
                switch (expected.type()) {
                    case UINT16 -> assertArrayEquals(expected.shorts(), actual.shorts());
                    case FLOAT32 -> assertArrayEquals(expected.floats(), actual.floats());
                    case BYTE -> assertArrayEquals(expected.bytes(), actual.bytes());
                    default -> throw new AssertionError(expected.type());
                }
                MapGeoCoding written = (MapGeoCoding) r.geoCoding();
                assertArrayEquals(GT, written.geoTransform());
                assertTrue(Utilities.equalsIgnoreMetadata(((MapGeoCoding) p.raster().geoCoding()).crs(), written.crs()));
            }
        }
    }

    @Test
    void gdalReadsTheBandFiles() throws Exception {
        Path dim = writeProduct(product());
        Path img = dim.resolveSibling("scene_1.data").resolve("B4.img");
        JsonNode info = new ObjectMapper().readTree(Gdal.run("gdalinfo", "-json", "-mm", img.toString()));
        assertEquals("ENVI", info.path("driverShortName").asText());
        assertEquals(W, info.path("size").get(0).asInt());
        assertEquals(H, info.path("size").get(1).asInt());
        for (int i = 0; i < 6; i++) assertEquals(GT[i], info.path("geoTransform").get(i).asDouble(), 1e-9);
        JsonNode band = info.path("bands").get(0);
        assertEquals("UInt16", band.path("type").asText());
        assertEquals(0, band.path("noDataValue").asDouble());
        assertEquals(1, band.path("computedMin").asDouble());      // 0 is no-data
        assertEquals(59999, band.path("computedMax").asDouble());
        assertTrue(info.path("coordinateSystem").path("wkt").asText().contains("UTM zone 33N"),
                info.path("coordinateSystem").path("wkt").asText());
        // A sample: pixel (x=17, y=150) holds (150*300+17) % 60000.
        String v = Gdal.run("gdallocationinfo", "-valonly", img.toString(), "17", "150").trim();
        assertEquals(Integer.toString((150 * 300 + 17) % 60000), v);
        Path dbImg = dim.resolveSibling("scene_1.data").resolve("Sigma0_VV_db.img");
        String f = Gdal.run("gdallocationinfo", "-valonly", dbImg.toString(), "5", "1").trim();
        assertEquals(-20 + (305 % 1000) * 0.01, Double.parseDouble(f), 1e-5);
    }

    @Test
    void failedWriteLeavesNothing() throws Exception {
        Raster good = product().raster();
        Raster failing = new Raster() {
            public int width() { return good.width(); }
            public int height() { return good.height(); }
            public List<Band> bands() { return good.bands(); }
            public GeoCoding geoCoding() { return good.geoCoding(); }
            public int[] preferredTileSize() { return new int[] {64, 64}; }
            public Block read(int band, Region region) throws IOException {
                if (region.y() >= 128) throw new IOException("disk read error in tile " + region);
                return good.read(band, region);
            }
        };
        Product p = product().withRaster(failing);
        IOException e = assertThrows(IOException.class,
                () -> new DimapWriter().write(p, dir.resolve("scene_1.dim"), ProcessingContext.defaults().withThreads(2)));
        assertTrue(e.getMessage().contains("disk read error"));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.toList(), "no .dim, no .data and no temporary left behind");
        }
        assertFalse(Files.exists(dir.resolve("scene_1.dim")));
    }
}
