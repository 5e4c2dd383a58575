package eu.ai4c.kit.io.geotiff.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Region;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawLevelFileTest {
    @TempDir
    Path dir;

    @Test
    void blocksWrittenAreReadBackOverAnyRegion() throws Exception {
        int w = 37, h = 21, block = 8;
        Path file = dir.resolve("level.raw");
        float[][] expected = new float[2][w * h * 2];
        try (RawLevelFile level = new RawLevelFile(file, w, h, block, List.of(Band.of("a", DataType.CFLOAT32),
                Band.of("b", DataType.CFLOAT32)), DataType.CFLOAT32)) {
            for (int band = 0; band < 2; band++) {
                for (int y = 0; y < h; y += block) {
                    for (int x = 0; x < w; x += block) {
                        Region r = new Region(x, y, Math.min(block, w - x), Math.min(block, h - y));
                        float[] s = new float[(int) r.area() * 2];
                        for (int j = 0; j < r.height(); j++) {
                            for (int i = 0; i < r.width(); i++) {
                                int k = (y + j) * w + x + i;
                                float re = band * 10000 + k, im = -k;
                                s[2 * (j * r.width() + i)] = re;
                                s[2 * (j * r.width() + i) + 1] = im;
                                expected[band][2 * k] = re;
                                expected[band][2 * k + 1] = im;
                            }
                        }
                        level.write(band, r, s);
                    }
                }
            }
            Region any = new Region(5, 3, 30, 17);
            for (int band = 0; band < 2; band++) {
                float[] got = level.read(band, any).floats();
                float[] want = new float[(int) any.area() * 2];
                for (int j = 0; j < any.height(); j++) {
                    System.arraycopy(expected[band], 2 * ((any.y() + j) * w + any.x()), want, 2 * j * any.width(),
                            2 * any.width());
                }
                assertArrayEquals(want, got);
                assertArrayEquals(expected[band], level.read(band, Region.of(w, h)).floats());
            }
        }
        assertFalse(Files.exists(file), "closing deletes the scratch file");
    }
}
