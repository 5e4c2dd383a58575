package eu.ai4c.kit.dem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemTilesTest {
    private static final Geoid GEOID = Geoid.locate(null);

    /** Heights of post (r, c) in the synthetic tiles: a plane in row/column. */
    private static int post(int latSouth, int r, int c) {
        return 200 + c - r + 1000 * (latSouth - 41);
    }

    private static void writeHgt(Path file, int latSouth, int voidRow, int voidCol) throws IOException {
        int n = 1201;
        ByteBuffer b = ByteBuffer.allocate(2 * n * n).order(ByteOrder.BIG_ENDIAN);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                b.putShort((short) (r == voidRow && c == voidCol ? -32768 : post(latSouth, r, c)));
            }
        }
        Files.write(file, b.array());
    }

    @Test
    void heightsFromHgtTilesWithVoidsAndGaps(@TempDir Path dir) throws IOException {
        writeHgt(dir.resolve("N41E012.hgt"), 41, 600, 600);
        Files.createDirectories(dir.resolve("sub"));
        writeHgt(dir.resolve("sub/n42e012.hgt"), 42, -1, -1);
        Files.writeString(dir.resolve("readme.txt"), "not a tile");
        DemTiles dem = DemTiles.open(dir, GEOID);
        assertEquals(2, dem.cellCount());
        // lat 41.25 → row 900, lon 12.1 → col 120 (+ fractions)
        double[] lon = {12.1 + 0.3 / 1200, 12.5, 12.7, 13.5};
        double[] lat = {41.25 - 0.6 / 1200, 41.5, 42.3, 41.5};
        double[] h = new double[4];
        dem.heights(lon, lat, h, 4);
        double r = 900.6, c = 120.3;
        assertEquals(200 + c - r + GEOID.undulation(lat[0], lon[0]), h[0], 1e-6);
        // (41.5, 12.5) is the void post (600, 600): falls back to the geoid
        assertEquals(GEOID.undulation(41.5, 12.5), h[1], 1e-9);
        double r2 = (43 - 42.3) * 1200, c2 = 0.7 * 1200;
        assertEquals(1200 + c2 - r2 + GEOID.undulation(42.3, 12.7), h[2], 1e-6);
        // no tile for 13E
        assertEquals(GEOID.undulation(41.5, 13.5), h[3], 1e-9);
        assertEquals(2, dem.fallbackCount());
    }

    @Test
    void emptyOrMissingFolderIsAClearError(@TempDir Path dir) {
        Ai4cException e = assertThrows(Ai4cException.class, () -> DemTiles.open(dir, GEOID));
        assertTrue(e.getMessage().contains("holds no DEM tile"), e.getMessage());
        Ai4cException e2 = assertThrows(Ai4cException.class, () -> DemTiles.open(dir.resolve("x"), GEOID));
        assertTrue(e2.getMessage().contains("does not exist"), e2.getMessage());
    }

    @Test
    void wrongSizeTileIsAClearError(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("N41E012.hgt"), new byte[1000]);
        DemTiles dem = DemTiles.open(dir, GEOID);
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> dem.heights(new double[] {12.5}, new double[] {41.5}, new double[1], 1));
        assertTrue(e.getMessage().contains("N41E012.hgt"), e.getMessage());
    }
}
