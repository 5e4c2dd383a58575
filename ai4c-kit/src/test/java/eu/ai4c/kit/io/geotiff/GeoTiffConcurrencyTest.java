package eu.ai4c.kit.io.geotiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parallel windowed reads through the tile engine give the same pixels as GDAL wrote, with or without the cache. */
class GeoTiffConcurrencyTest {
    private static final int W = 600, H = 400, BANDS = 3;

    @TempDir
    Path dir;

    @Test
    void tileEngineOnFourThreadsReadsEveryPixel() throws IOException {
        Path raw = GdalFiles.byteImage(dir, "img", W, H, BANDS, null);
        Path tiled = GdalFiles.translate(raw, dir.resolve("tiled.tif"), "-co", "TILED=YES", "-co", "BLOCKXSIZE=64",
                "-co", "BLOCKYSIZE=64", "-co", "COMPRESS=DEFLATE", "-co", "INTERLEAVE=PIXEL");
        Path striped = GdalFiles.translate(raw, dir.resolve("striped.tif"), "-co", "BLOCKYSIZE=9",
                "-co", "COMPRESS=LZW", "-co", "INTERLEAVE=BAND");
        for (Path tif : new Path[] {tiled, striped}) {
            for (long cache : new long[] {0, 1 << 16, 64L << 20}) {
                Raster r = new GeoTiffReader(cache, m -> { }).read(tif).raster();
                byte[][] seen = new byte[BANDS][W * H];
                // 100×70 windows straddle tile and strip borders
                TileEngine.run("read", r, new int[] {0, 1, 2}, new TileGrid(W, H, 100, 70),
                        ProcessingContext.defaults().withThreads(4), (c, row, blocks) -> {
                            for (int b = 0; b < BANDS; b++) {
                                Block k = blocks[b];
                                Region g = k.region();
                                for (int y = 0; y < g.height(); y++) {
                                    System.arraycopy(k.bytes(), y * g.width(), seen[b], (g.y() + y) * W + g.x(), g.width());
                                }
                            }
                        });
                for (int b = 0; b < BANDS; b++) {
                    byte[] expected = new byte[W * H];
                    for (int y = 0; y < H; y++) {
                        for (int x = 0; x < W; x++) expected[y * W + x] = (byte) GdalFiles.byteValue(x, y, b);
                    }
                    assertArrayEquals(expected, seen[b], tif + " cache " + cache + " band " + b);
                }
                assertEquals(tif == tiled ? 64 : W, r.preferredTileSize()[0]);
            }
        }
    }
}
