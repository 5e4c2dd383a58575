package eu.ai4c.kit.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads GDAL-written GeoTIFFs of every sample type, layout, compression, predictor, interleaving,
 * byte order and BigTIFF, and compares the pixels with the values written, exactly, over the whole
 * image and random windows (edge tiles included), and the geocoding with gdalinfo -json.
 */
class GeoTiffReaderTest {
    private static final int W = 157, H = 93;

    /**
     * @param gdalType GDAL type name given to gdal_translate -ot ("Int8" = Byte with PIXELTYPE=SIGNEDBYTE)
     * @param expected the AI4C type it must be read as
     */
    record Case(String gdalType, DataType expected, int bands, String epsg, String noData, List<String> options) {
        @Override
        public String toString() {
            return gdalType + "x" + bands + " " + String.join(" ", options) + " " + epsg;
        }
    }

    static Stream<Case> cases() {
        String tiled = "TILED=YES", blocks = "BLOCKXSIZE=32", rows = "BLOCKYSIZE=16", strips = "BLOCKYSIZE=10";
        return Stream.of(
                new Case("Byte", DataType.BYTE, 1, "EPSG:32633", "255", List.of(strips, "COMPRESS=NONE")),
                new Case("Byte", DataType.BYTE, 3, "EPSG:32633", "0", List.of(tiled, blocks, rows, "COMPRESS=DEFLATE", "PREDICTOR=2", "INTERLEAVE=PIXEL")),
                new Case("Byte", DataType.BYTE, 3, "EPSG:4326", "0", List.of(strips, "COMPRESS=LZW", "PREDICTOR=2", "INTERLEAVE=BAND")),
                new Case("Byte", DataType.BYTE, 2, "EPSG:32633", "7", List.of(strips, "COMPRESS=PACKBITS", "INTERLEAVE=PIXEL")),
                new Case("Int8", DataType.INT16, 1, "EPSG:32633", "-128", List.of(tiled, blocks, rows, "COMPRESS=LZW", "PIXELTYPE=SIGNEDBYTE")),
                new Case("Int16", DataType.INT16, 1, "EPSG:3035", "-32768", List.of(tiled, blocks, rows, "COMPRESS=PACKBITS")),
                new Case("Int16", DataType.INT16, 2, "EPSG:32633", "-9999", List.of(strips, "COMPRESS=DEFLATE", "PREDICTOR=2", "ENDIANNESS=BIG")),
                new Case("UInt16", DataType.UINT16, 2, "EPSG:32633", "65535", List.of(tiled, blocks, rows, "COMPRESS=LZW", "PREDICTOR=2", "INTERLEAVE=PIXEL")),
                new Case("UInt16", DataType.UINT16, 1, "EPSG:32633", "0", List.of(tiled, "BLOCKXSIZE=64", "BLOCKYSIZE=48", "COMPRESS=DEFLATE", "BIGTIFF=YES")),
                new Case("UInt16", DataType.UINT16, 3, "EPSG:4326", "0", List.of(strips, "COMPRESS=LZW", "PREDICTOR=2", "INTERLEAVE=BAND", "BIGTIFF=YES", "ENDIANNESS=BIG")),
                new Case("Int32", DataType.INT32, 2, "EPSG:32633", "-9999", List.of(tiled, blocks, rows, "COMPRESS=DEFLATE", "PREDICTOR=2", "INTERLEAVE=BAND")),
                new Case("UInt32", DataType.FLOAT64, 1, "EPSG:32633", "4294967295", List.of(strips, "COMPRESS=LZW", "PREDICTOR=2")),
                new Case("Int64", DataType.FLOAT64, 1, "EPSG:32633", "-9999", List.of(tiled, blocks, rows, "COMPRESS=DEFLATE", "PREDICTOR=2")),
                new Case("Float32", DataType.FLOAT32, 2, "EPSG:32633", "-9999", List.of(tiled, blocks, rows, "COMPRESS=DEFLATE", "PREDICTOR=3", "INTERLEAVE=PIXEL")),
                new Case("Float32", DataType.FLOAT32, 1, "EPSG:4326", "nan", List.of(strips, "COMPRESS=LZW", "PREDICTOR=3", "ENDIANNESS=BIG")),
                new Case("Float64", DataType.FLOAT64, 2, "EPSG:32633", "-1e30", List.of(tiled, blocks, rows, "COMPRESS=LZW", "PREDICTOR=3", "INTERLEAVE=BAND", "BIGTIFF=YES")),
                new Case("Float64", DataType.FLOAT64, 1, "EPSG:32633", "-9999", List.of(strips, "COMPRESS=NONE", "ENDIANNESS=BIG")),
                new Case("CInt16", DataType.CFLOAT32, 1, "EPSG:32633", "0", List.of(tiled, blocks, rows, "COMPRESS=DEFLATE")),
                new Case("CInt16", DataType.CFLOAT32, 2, "EPSG:32633", "0", List.of(strips, "COMPRESS=NONE", "INTERLEAVE=PIXEL")),
                new Case("CFloat32", DataType.CFLOAT32, 2, "EPSG:32633", "0", List.of(tiled, blocks, rows, "COMPRESS=LZW", "INTERLEAVE=PIXEL")),
                new Case("CFloat32", DataType.CFLOAT32, 1, "EPSG:32633", "0", List.of(strips, "COMPRESS=PACKBITS", "BIGTIFF=YES", "ENDIANNESS=BIG")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsGdalWrittenFileExactly(Case c, @TempDir Path dir) throws IOException {
        double[][] expected = generate(c.gdalType, c.bands, W, H, c.toString().hashCode());
        Path tif = write(dir, c, expected);
        Product product = new GeoTiffReader(c.bands > 1 ? 1 << 20 : 0, m -> { }).read(tif);
        Raster raster = product.raster();
        try {
            assertEquals(W, raster.width());
            assertEquals(H, raster.height());
            assertEquals(c.bands, raster.bands().size());
            for (int b = 0; b < c.bands; b++) {
                Band band = raster.bands().get(b);
                assertEquals(c.expected, band.type(), "band type");
                assertEquals("band_" + (b + 1), band.name());
                assertTrue(band.hasNoData());
                assertEquals(Double.parseDouble(c.noData.replace("nan", "NaN")), band.noData());
                assertArrayEquals(expected[b], GdalFiles.values(raster.read(b, raster.bounds())), "full image, band " + b);
            }
            Random rnd = new Random(42);
            List<Region> windows = new ArrayList<>(List.of(new Region(W - 1, H - 1, 1, 1),
                    new Region(0, H - 3, W, 3), new Region(W - 5, 0, 5, H), new Region(31, 15, 2, 2)));
            for (int i = 0; i < 12; i++) {
                int x = rnd.nextInt(W), y = rnd.nextInt(H);
                windows.add(new Region(x, y, 1 + rnd.nextInt(W - x), 1 + rnd.nextInt(H - y)));
            }
            int vps = c.expected.valuesPerSample();
            for (Region w : windows) {
                for (int b = 0; b < c.bands; b++) {
                    assertArrayEquals(window(expected[b], w, vps), GdalFiles.values(raster.read(b, w)), w + " band " + b);
                }
            }
            JsonNode info = GdalFiles.info(tif);
            MapGeoCoding gc = assertInstanceOf(MapGeoCoding.class, raster.geoCoding());
            assertArrayEquals(GdalFiles.geoTransform(info), gc.geoTransform(), 1e-9);
            assertEquals(GdalFiles.epsg(info), Projections.epsgCode(gc.crs()).orElse(-2));
            boolean isTiled = c.options.contains("TILED=YES");
            assertEquals(isTiled, product.metadata().child("TIFF").orElseThrow().get("TileWidth").isPresent());
            int[] tile = raster.preferredTileSize();
            if (isTiled) {
                assertArrayEquals(c.options.contains("BLOCKXSIZE=32") ? new int[] {32, 16} : new int[] {64, 48}, tile);
            } else {
                assertArrayEquals(new int[] {W, H}, tile); // strips of 10 rows, rounded up towards 1 Mpixel
            }
        } finally {
            ((Closeable) raster).close();
        }
    }

    @org.junit.jupiter.api.Test
    void sparseTilesReadAsNoData(@TempDir Path dir) throws IOException {
        // the upper half is no-data: GDAL leaves those tiles out of the file with SPARSE_OK
        double[][] values = generate("Int16", 1, W, H, 7);
        for (int i = 0; i < W * 48; i++) values[0][i] = -9999;
        Case c = new Case("Int16", DataType.INT16, 1, "EPSG:32633", "-9999",
                List.of("TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=16", "COMPRESS=DEFLATE", "SPARSE_OK=TRUE"));
        Path sparse = write(dir, c, values);
        long sparseSize = Files.size(sparse);
        Path dense = write(dir.resolve("dense"), new Case("Int16", DataType.INT16, 1, "EPSG:32633", "-9999",
                List.of("TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=16", "COMPRESS=DEFLATE")), values);
        assertTrue(sparseSize < Files.size(dense), "GDAL wrote no sparse tiles");
        Raster r = new GeoTiffReader(0, m -> { }).read(sparse).raster();
        assertArrayEquals(values[0], GdalFiles.values(r.read(0, r.bounds())));
        assertArrayEquals(window(values[0], new Region(20, 40, 50, 20), 1),
                GdalFiles.values(r.read(0, new Region(20, 40, 50, 20))));
    }

    static double[] window(double[] image, Region w, int vps) {
        double[] out = new double[(int) w.area() * vps];
        for (int r = 0; r < w.height(); r++) {
            System.arraycopy(image, ((w.y() + r) * W + w.x()) * vps, out, r * w.width() * vps, w.width() * vps);
        }
        return out;
    }

    /** Random samples of a GDAL type (complex: interleaved real/imaginary), one array per band. */
    static double[][] generate(String type, int bands, int w, int h, long seed) {
        Random r = new Random(seed);
        int vps = type.startsWith("C") ? 2 : 1;
        double[][] v = new double[bands][w * h * vps];
        for (double[] band : v) {
            for (int i = 0; i < band.length; i++) {
                band[i] = switch (type) {
                    case "Byte" -> r.nextInt(256);
                    case "Int8" -> r.nextInt(256) - 128;
                    case "Int16", "CInt16" -> r.nextInt(65536) - 32768;
                    case "UInt16" -> r.nextInt(65536);
                    case "Int32" -> r.nextInt();
                    case "UInt32" -> r.nextInt() & 0xFFFFFFFFL;
                    case "Int64" -> r.nextLong() >> 12;
                    case "Float32", "CFloat32" -> (float) (r.nextGaussian() * 1000);
                    case "Float64" -> r.nextGaussian() * 1e6;
                    default -> throw new IllegalArgumentException(type);
                };
            }
        }
        return v;
    }

    /** Writes the samples as ENVI raw and converts them with gdal_translate. */
    static Path write(Path dir, Case c, double[][] values) throws IOException {
        int enviType = switch (c.gdalType) {
            case "Byte", "Int8" -> 1;
            case "Int16" -> 2;
            case "Int32" -> 3;
            case "Float32" -> 4;
            case "Float64", "Int64" -> 5; // GDAL's ENVI driver has no Int64: converted with -ot
            case "CFloat32", "CInt16" -> 6;
            case "UInt16" -> 12;
            case "UInt32" -> 13;
            default -> throw new IllegalArgumentException(c.gdalType);
        };
        int bytes = switch (enviType) { case 1 -> 1; case 2, 12 -> 2; case 3, 4, 13 -> 4; default -> 8; };
        int vps = c.expected.valuesPerSample();
        ByteBuffer buf = ByteBuffer.allocate(values.length * W * H * bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] band : values) {
            for (int i = 0; i < W * H * vps; i++) {
                double v = band[i];
                switch (enviType) {
                    case 1 -> buf.put((byte) v);
                    case 2, 12 -> buf.putShort((short) v);
                    case 3, 13 -> buf.putInt((int) (long) v);
                    case 4, 6 -> buf.putFloat((float) v);
                    case 5 -> buf.putDouble(v);
                    default -> throw new IllegalStateException();
                }
            }
        }
        Files.createDirectories(dir);
        Path raw = dir.resolve("in.bin");
        Files.write(raw, buf.array());
        GdalFiles.writeEnviHeader(raw, W, H, values.length, enviType, null);
        Path tif = dir.resolve("out.tif");
        boolean geographic = c.epsg.equals("EPSG:4326");
        double x0 = geographic ? 12.25 : 500000, y0 = geographic ? 42.5 : 4650000, px = geographic ? 0.001 : 10;
        List<String> cmd = new ArrayList<>(List.of("gdal_translate", "-q", "-of", "GTiff", "-a_srs", c.epsg,
                "-a_ullr", String.valueOf(x0), String.valueOf(y0), String.valueOf(x0 + W * px), String.valueOf(y0 - H * px),
                "-a_nodata", c.noData));
        if (c.gdalType.equals("CInt16") || c.gdalType.equals("Int64")) cmd.addAll(List.of("-ot", c.gdalType));
        for (String o : c.options) cmd.addAll(List.of("-co", o));
        cmd.addAll(List.of(raw.toString(), tif.toString()));
        GdalFiles.run(cmd);
        return tif;
    }
}
