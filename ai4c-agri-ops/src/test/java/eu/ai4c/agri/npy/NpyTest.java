package eu.ai4c.agri.npy;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.testing.NumPy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** .npy round trips, checked against NumPy itself (python3 with numpy must be installed). */
class NpyTest {
    @TempDir Path dir;

    @Test
    void javaWrittenFloatArrayReadsInNumpyWithSameShapeAndValues() throws Exception {
        float[] v = new float[2 * 3 * 4];
        for (int i = 0; i < v.length; i++) v[i] = i * 0.5f - 3f;
        Path f = dir.resolve("x.npy");
        Npy.write(NpyArray.ofFloats(v, 2, 3, 4), f);
        String out = python("import numpy as np; a=np.load('" + f + "'); "
                + "print(a.dtype, a.shape, float(a[1,2,3]), float(a.sum()))");
        assertEquals("float32 (2, 3, 4) " + v[23] + " " + sum(v), out.trim());
    }

    @Test
    void numpyWrittenArraysOfEveryTypeReadBack() throws Exception {
        for (String dt : List.of("int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "float32", "float64", ">f4", ">i8")) {
            Path f = dir.resolve("a.npy");
            python("import numpy as np; a=(np.arange(30).reshape(5,6)*7-50).astype('" + dt + "') if 'u' not in '" + dt
                    + "' else (np.arange(30).reshape(5,6)*7).astype('" + dt + "'); np.save('" + f + "', a)");
            NpyArray a = Npy.read(f);
            assertArrayEquals(new int[] {5, 6}, a.shape(), dt);
            float[] x = a.toFloats();
            boolean unsigned = dt.contains("u");
            for (int i = 0; i < 30; i++) {
                float expected = unsigned ? i * 7 : i * 7 - 50;
                if (dt.equals("int8") || dt.equals("uint8")) expected = unsigned ? (byte) (i * 7) & 0xff : (byte) (i * 7 - 50);
                assertEquals(expected, x[i], 0f, dt + " value " + i);
            }
        }
    }

    @Test
    void labelsRoundTripAsInt64AndOneDimensionalShapeIsATuple() throws Exception {
        Path f = dir.resolve("y.npy");
        Npy.write(NpyArray.ofLongs(new long[] {0, 15, 3}, 3), f);
        assertEquals("int64 (3,) [0, 15, 3]", python("import numpy as np; a=np.load('" + f + "'); print(a.dtype, a.shape, list(map(int,a)))").trim());
        assertArrayEquals(new int[] {0, 15, 3}, Npy.read(f).toIntsOrNull());
        byte[] bytes = Files.readAllBytes(f);
        int headerEnd = 10 + ((bytes[8] & 0xff) | (bytes[9] & 0xff) << 8);
        assertEquals(0, headerEnd % 64, "data must start at a multiple of 64 bytes");
        assertEquals('\n', bytes[headerEnd - 1]);
    }

    @Test
    void damagedFilesGiveMessagesNamingTheFile() throws Exception {
        Path text = dir.resolve("text.npy");
        Files.writeString(text, "1,2,3\n");
        Ai4cException e = assertThrows(Ai4cException.class, () -> Npy.read(text));
        assertTrue(e.getMessage().contains("text.npy") && e.getMessage().contains("numpy.save"), e.getMessage());

        Path full = dir.resolve("full.npy");
        Npy.write(NpyArray.ofFloats(new float[100], 10, 10), full);
        Path cut = dir.resolve("cut.npy");
        byte[] b = Files.readAllBytes(full);
        Files.write(cut, java.util.Arrays.copyOf(b, b.length - 7));
        e = assertThrows(Ai4cException.class, () -> Npy.read(cut));
        assertTrue(e.getMessage().contains("cut.npy") && e.getMessage().contains("truncated"), e.getMessage());

        Path fortran = dir.resolve("f.npy");
        python("import numpy as np; np.save('" + fortran + "', np.asfortranarray(np.zeros((3,4),'f4')))");
        e = assertThrows(Ai4cException.class, () -> Npy.read(fortran));
        assertTrue(e.getMessage().contains("Fortran"), e.getMessage());
    }

    private static String sum(float[] v) {
        double s = 0;
        for (float x : v) s += x;
        return Double.toString(s);
    }

    private static String python(String code) throws IOException, InterruptedException {
        return NumPy.run(code);
    }
}
