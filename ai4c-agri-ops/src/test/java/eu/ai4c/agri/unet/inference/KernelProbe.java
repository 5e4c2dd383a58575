package eu.ai4c.agri.unet.inference;

import eu.ai4c.agri.unet.Backbone;
import eu.ai4c.agri.unet.TestModels;
import eu.ai4c.agri.unet.UnetModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the logits of a fixed model and window with this JVM's best kernel (for {@code UnetInferenceTest}). */
public final class KernelProbe {
    static final int SIZE = 64;

    private KernelProbe() {
    }

    /** A ResNet-50 U-Net (bottleneck units, strided 1×1 shortcuts) with batch norms away from the identity. */
    static UnetModel model() {
        return TestModels.perturbed(UnetModel.initialised(Backbone.RESNET50, 4, 3, SIZE, 9), 21);
    }

    static float[] window() {
        return UnetInferenceTest.window(4, SIZE, 31);
    }

    public static void main(String[] args) throws IOException {
        UnetInference inference = new UnetInference(model());
        System.out.println("kernel " + inference.kernel().name());
        float[] logits = inference.logits(window(), SIZE);
        ByteBuffer b = ByteBuffer.allocate(4 * logits.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(logits);
        Files.write(Path.of(args[0]), b.array());
    }

    static float[] read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / 4];
        b.asFloatBuffer().get(v);
        return v;
    }
}
