package eu.ai4c.agri.unet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The U-Net model file records the SHA-256 of its weights; a damaged weight is refused when loaded. */
class UnetModelFileTest {
    @TempDir
    Path tmp;

    private static UnetModel model() {
        Map<String, Safetensors.Tensor> w = new LinkedHashMap<>();
        float[] kernel = new float[2 * 4 * 3 * 3];
        for (int i = 0; i < kernel.length; i++) kernel[i] = (float) Math.sin(i);
        w.put("encoder.conv1.weight", new Safetensors.Tensor(new long[] {2, 4, 3, 3}, kernel));
        w.put("segmentation_head.0.bias", new Safetensors.Tensor(new long[] {2}, new float[] {0.25f, -1}));
        return new UnetModel(Backbone.RESNET18, List.of("B2", "B3", "B4", "B8"), new int[] {0, 5}, 64,
                new float[] {900, 1000, 1100, 2500}, new float[] {300, 310, 320, 800}, w);
    }

    @Test
    void intactModelLoadsAndRecordsItsDigest() throws Exception {
        Path f = tmp.resolve("m.safetensors");
        UnetModelFile.write(model(), f);
        String sum = Safetensors.read(f).metadata().get(UnetModelFile.WEIGHTS_SHA256);
        assertTrue(sum != null && sum.matches("[0-9a-f]{64}"), String.valueOf(sum));
        UnetModel back = UnetModelFile.read(f);
        assertArrayEquals(model().weights().get("encoder.conv1.weight").values(),
                back.weights().get("encoder.conv1.weight").values());
    }

    @Test
    void aDamagedWeightIsRefusedNamingTheFile() throws Exception {
        Path f = tmp.resolve("m.safetensors");
        UnetModelFile.write(model(), f);
        // the last tensor ends the file: change one of its values, the file stays valid safetensors
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, 0.5f), ch.size() - 8);
        }
        assertEquals(0.5f, Safetensors.read(f).tensors().get("segmentation_head.0.bias").values()[0]);
        Ai4cException e = assertThrows(Ai4cException.class, () -> UnetModelFile.read(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("SHA-256")
                && e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void aModelWithoutDigestStillLoads() throws Exception {
        Path f = tmp.resolve("plain.safetensors");
        UnetModel m = model();
        UnetModelFile.write(m, f);
        Safetensors.Contents c = Safetensors.read(f);
        Map<String, String> md = new LinkedHashMap<>(c.metadata());
        md.remove(UnetModelFile.WEIGHTS_SHA256);
        Path older = tmp.resolve("older.safetensors");
        Safetensors.write(older, md, c.tensors());
        assertEquals(2, UnetModelFile.read(older).weights().size());
        assertTrue(Files.size(older) < Files.size(f));
    }

    @Test
    void classNamesRoundTripAndDamagedNamesAreRefused() throws Exception {
        Path f = tmp.resolve("named.safetensors");
        UnetModel named = model().withClassNames(ClassNames.of(Map.of(5, "Croplands", 9, "not a class of the model")));
        assertEquals(Map.of(5, "Croplands"), named.classNames().asMap(), "names restricted to the model's classes");
        UnetModelFile.write(named, f);
        UnetModel back = UnetModelFile.read(f);
        assertEquals("background", back.className(0));
        assertEquals("Croplands", back.className(1));
        // a model written without names (as before names existed) reads with the default names
        Path plain = tmp.resolve("plain.safetensors");
        UnetModelFile.write(model(), plain);
        assertTrue(UnetModelFile.read(plain).classNames().isEmpty());
        assertEquals("class 5", UnetModelFile.read(plain).className(1));
        // names that are no id → name object: refused, naming the file
        Safetensors.Contents c = Safetensors.read(f);
        Map<String, String> md = new LinkedHashMap<>(c.metadata());
        md.put(UnetModelFile.KEY, md.get(UnetModelFile.KEY).replace("{\"5\":\"Croplands\"}", "[\"Croplands\"]"));
        md.remove(UnetModelFile.WEIGHTS_SHA256);
        Path bad = tmp.resolve("bad.safetensors");
        Safetensors.write(bad, md, c.tensors());
        Ai4cException e = assertThrows(Ai4cException.class, () -> UnetModelFile.read(bad));
        assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("class_names"), e.getMessage());
    }
}
