package eu.ai4c.kit.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.testutil.Gdal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three byte bands named red, green, blue are written as an RGB image (PhotometricInterpretation 2,
 * no extra samples), which GDAL reports as colour channels; any other three bands stay grey bands.
 */
class RgbGeoTiffTest {
    @TempDir
    Path dir;

    @Test
    void redGreenBlueBytesAreAnRgbImageForGdal() throws Exception {
        assertEquals(List.of("Red", "Green", "Blue"), colourInterpretations(write(List.of("red", "green", "blue"), "rgb.tif")));
        assertEquals(List.of("Gray", "Undefined", "Undefined"), colourInterpretations(write(List.of("a", "b", "c"), "abc.tif")));
    }

    private Path write(List<String> names, String file) throws Exception {
        int w = 40, h = 30;
        MapGeoCoding gc = MapGeoCoding.northUp(Projections.wgs84(), 12, 42, 0.001, 0.001);
        java.util.List<Band> bands = new java.util.ArrayList<>();
        eu.ai4c.kit.raster.Block[] data = new eu.ai4c.kit.raster.Block[3];
        for (int i = 0; i < 3; i++) {
            byte[] v = new byte[w * h];
            for (int p = 0; p < v.length; p++) v[p] = (byte) (p * (i + 1));
            bands.add(new Band(names.get(i), DataType.BYTE, 0, false, "", ""));
            data[i] = new eu.ai4c.kit.raster.Block(eu.ai4c.kit.raster.Region.of(w, h), DataType.BYTE, v);
        }
        Raster r = new MemoryRaster(bands, data, gc);
        return ProductIO.writer("GeoTIFF").write(Product.of("rgb", r), dir.resolve(file), ProcessingContext.defaults());
    }

    private static List<String> colourInterpretations(Path tif) throws Exception {
        JsonNode info = new ObjectMapper().readTree(Gdal.run("gdalinfo", "-json", tif.toString()));
        return java.util.stream.StreamSupport.stream(info.get("bands").spliterator(), false)
                .map(b -> b.get("colorInterpretation").asText()).toList();
    }
}
