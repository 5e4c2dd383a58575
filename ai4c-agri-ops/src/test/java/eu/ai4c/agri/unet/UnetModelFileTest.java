package eu.ai4c.agri.unet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.agri.unet.inference.UnetInference;
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

    /** A ResNet-18 U-Net of 4 bands and 2 classes, every tensor of its shape, filled with sin(i). */
    private static UnetModel model() {
        return model(UnetInference.tensorShapes(Backbone.RESNET18, 4, 2));
    }

    private static UnetModel model(Map<String, long[]> shapes) {
        Map<String, Safetensors.Tensor> w = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            long n = 1;
            for (long d : e.getValue()) n *= d;
            float[] v = new float[(int) n];
            for (int i = 0; i < v.length; i++) v[i] = (float) Math.sin(i);
            w.put(e.getKey(), new Safetensors.Tensor(e.getValue(), v));
        }
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
        assertEquals(m.weights().size(), UnetModelFile.read(older).weights().size());
        assertTrue(Files.size(older) < Files.size(f));
    }

    /**
     * A file whose description and digest agree but whose tensors do not make the described network
     * (another shape, one missing, one too many) is refused when read, naming the file and the tensor,
     * rather than failing or computing something else at prediction.
     */
    @Test
    void tensorsThatDoNotMakeTheDescribedNetworkAreRefused() throws Exception {
        Map<String, long[]> shapes = UnetInference.tensorShapes(Backbone.RESNET18, 4, 2);
        Map<String, long[]> wrongShape = new LinkedHashMap<>(shapes);
        wrongShape.put("encoder.layer2.0.conv2.weight", new long[] {128, 128, 1, 1});
        Map<String, long[]> missing = new LinkedHashMap<>(shapes);
        missing.remove("decoder.blocks.3.conv1.1.running_var");
        Map<String, long[]> extra = new LinkedHashMap<>(shapes);
        extra.put("encoder.fc.weight", new long[] {2, 512});
        Map<String, String> expected = Map.of(
                "wrong", "encoder.layer2.0.conv2.weight has the shape [128, 128, 1, 1] where the network has [128, 128, 3, 3]",
                "missing", "decoder.blocks.3.conv1.1.running_var [32] is missing",
                "extra", "encoder.fc.weight is not part of a resnet18 U-Net");
        Map<String, Map<String, long[]>> cases = Map.of("wrong", wrongShape, "missing", missing, "extra", extra);
        for (Map.Entry<String, Map<String, long[]>> c : cases.entrySet()) {
            Path f = tmp.resolve(c.getKey() + ".safetensors");
            UnetModelFile.write(model(c.getValue()), f);
            Ai4cException e = assertThrows(Ai4cException.class, () -> UnetModelFile.read(f), c.getKey());
            assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains(expected.get(c.getKey()))
                    && e.getMessage().contains("resnet18 U-Net of 4 bands and 2 classes"), e.getMessage());
        }
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
