package eu.ai4c.kit.io.geotiff.read;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.Closeable;
import eu.ai4c.kit.testing.FuzzInput;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Any bytes given as a GeoTIFF or BigTIFF either open and read (the first 64×64 pixels of every
 * band) or are refused with the project's own error, {@link Ai4cException}; never another
 * exception, never a hang (2 s per input). {@code mvn verify} runs the inputs in
 * {@code GeoTiffFuzzTestInputs/openAndRead} (small crops made with gdal_translate from the
 * fixtures: stripped, DEFLATE with predictor, tiled LZW, BigTIFF float, Int16) and the findings
 * kept there; {@code JAZZER_FUZZ=1} fuzzes (see the kit README).
 */
class GeoTiffFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void openAndRead(byte[] data) throws IOException {
        Path file = FuzzInput.file(data, ".tif");
        Product product;
        try {
            product = GeoTiffOpener.open(file, 1 << 20, w -> { });
        } catch (Ai4cException expected) {
            return;
        }
        Raster r = product.raster();
        try {
            Region first = new Region(0, 0, Math.min(64, r.width()), Math.min(64, r.height()));
            for (int b = 0; b < r.bands().size(); b++) r.read(b, first);
        } catch (Ai4cException expected) {
            // damaged chunks are found when read
        } finally {
            if (r instanceof Closeable c) c.close();
        }
    }
}
