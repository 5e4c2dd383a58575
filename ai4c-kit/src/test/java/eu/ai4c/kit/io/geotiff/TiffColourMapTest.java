package eu.ai4c.kit.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ColorMap tag GDAL writes (from a PAM palette) is attached to the product as a {@link TiffColourMap}. */
class TiffColourMapTest {

    @Test
    void gdalPaletteIsReadBack(@TempDir Path dir) throws IOException, InterruptedException {
        byte[] v = new byte[16 * 8];
        for (int i = 0; i < v.length; i++) v[i] = (byte) (i % 5);
        Path plain = dir.resolve("plain.tif");
        ProductIO.writer("GeoTIFF").write(Product.of("classes", new MemoryRaster(List.of(Band.of("c", DataType.BYTE)),
                new Block[] {new Block(Region.of(16, 8), DataType.BYTE, v)}, null)), plain, ProcessingContext.defaults());
        StringBuilder xml = new StringBuilder("<PAMDataset><PAMRasterBand band=\"1\"><ColorInterp>Palette</ColorInterp><ColorTable>");
        for (int i = 0; i < 256; i++) {
            xml.append("<Entry c1=\"").append(i).append("\" c2=\"").append(255 - i).append("\" c3=\"").append(i * 7 % 256)
                    .append("\" c4=\"255\"/>");
        }
        Files.writeString(dir.resolve("plain.tif.aux.xml"), xml.append("</ColorTable></PAMRasterBand></PAMDataset>"));
        Path paletted = dir.resolve("paletted.tif");
        GdalTools.run("gdal_translate", "-q", plain.toString(), paletted.toString());

        TiffColourMap map = ProductIO.read(paletted).attachment(TiffColourMap.class).orElseThrow();
        assertEquals(256, map.size());
        for (int i = 0; i < 256; i++) {
            assertEquals(0xFF000000 | i << 16 | (255 - i) << 8 | i * 7 % 256, map.argb()[i], "entry " + i);
        }
        assertTrue(ProductIO.read(plain).attachment(TiffColourMap.class).isEmpty(), "no ColorMap, no attachment");
    }
}
