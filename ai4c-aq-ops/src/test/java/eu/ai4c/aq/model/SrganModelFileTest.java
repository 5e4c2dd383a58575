package eu.ai4c.aq.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.kit.Ai4cException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SRGAN model file records the SHA-256 of its weights: a model whose weights were changed is
 * refused, as is one whose zip was damaged, each naming the file.
 */
class SrganModelFileTest {
    @TempDir
    Path tmp;

    private Path written() throws Exception {
        SrganArchitecture arch = new SrganArchitecture(2, 1, 4, 4, 1, 1, 0);
        return new SrganModelFile(SrganWeights.initial(arch, 3), List.of("no2", "o3"), List.of("orography"), "no2",
                new double[] {1, 2}, new double[] {3, 4}, 5, AqConfig.defaults()).write(tmp.resolve("m.aqgan"));
    }

    @Test
    void intactModelLoads() throws Exception {
        Path f = written();
        SrganModelFile m = SrganModelFile.read(f);
        SrganWeights again = SrganWeights.initial(m.weights().architecture(), 3);
        assertArrayEquals(again.get("g.head.w"), m.weights().get("g.head.w"));
    }

    /** A rewritten zip is whole to the zip reader: only the recorded digest tells the weight changed. */
    @Test
    void aChangedWeightIsRefusedNamingTheFile() throws Exception {
        Path f = written();
        Path changed = tmp.resolve("changed.aqgan");
        try (InputStream in = Files.newInputStream(f); ZipInputStream zin = new ZipInputStream(in);
             OutputStream out = Files.newOutputStream(changed); ZipOutputStream zout = new ZipOutputStream(out)) {
            for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                byte[] b = zin.readAllBytes();
                if (e.getName().equals("weights.bin")) {
                    ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
                    bb.putFloat(40, bb.getFloat(40) + 1e-3f);
                }
                zout.putNextEntry(new ZipEntry(e.getName()));
                zout.write(b);
                zout.closeEntry();
            }
        }
        Ai4cException e = assertThrows(Ai4cException.class, () -> SrganModelFile.read(changed));
        assertTrue(e.getMessage().contains(changed.toString()) && e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void aZeroedBlockIsRefusedNamingTheFile() throws Exception {
        Path f = written();
        byte[] b = Files.readAllBytes(f);
        for (int i = b.length / 3; i < b.length / 3 + 1024; i++) b[i] = 0;
        Files.write(f, b);
        Ai4cException e = assertThrows(Ai4cException.class, () -> SrganModelFile.read(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }
}
