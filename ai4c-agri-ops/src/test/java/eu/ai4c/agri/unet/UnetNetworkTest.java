package eu.ai4c.agri.unet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.engine.Engine;
import eu.ai4c.agri.torch.TorchRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnetNetworkTest {

    /**
     * The encoders have the standard layer layout: with 3 input bands their parameter counts are
     * torchvision's ResNet-18/34/50 ImageNet classifiers (11,689,512 / 21,797,672 / 25,557,032)
     * without the final fully connected layer (512·1000 + 1000 resp. 2048·1000 + 1000).
     */
    @Test
    void encodersHaveTheStandardParameterCounts() {
        TorchRuntime.init();
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), TorchRuntime.ENGINE)) {
            assertEquals(11_689_512L - 513_000L, encoderParameters(m, Backbone.RESNET18, 3));
            assertEquals(21_797_672L - 513_000L, encoderParameters(m, Backbone.RESNET34, 3));
            assertEquals(25_557_032L - 2_049_000L, encoderParameters(m, Backbone.RESNET50, 3));
            // each further band adds one 7×7 kernel per stem filter
            assertEquals(25_557_032L - 2_049_000L + 64 * 49, encoderParameters(m, Backbone.RESNET50, 4));
        }
    }

    private static long encoderParameters(NDManager m, Backbone b, int bands) {
        UnetNetwork net = new UnetNetwork(b, bands, 2);
        net.initialize(m, DataType.FLOAT32, new Shape(1, bands, 32, 32));
        return net.trainableParameters(true);
    }

    @Test
    void shapesAndGradientsOnATinyInput() {
        Engine engine = TorchRuntime.init();
        engine.setRandomSeed(3);
        UnetNetwork net = new UnetNetwork(Backbone.RESNET18, 4, 3);
        try (Model model = Model.newInstance("unet-test", Device.cpu(), TorchRuntime.ENGINE)) {
            model.setBlock(net);
            DefaultTrainingConfig config = new DefaultTrainingConfig(FocalLoss.crossEntropy(3))
                    .optOptimizer(Optimizer.adam().build()).optDevices(new Device[] {Device.cpu()})
                    .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(2, 4, 64, 64));
                NDManager m = trainer.getManager();
                NDArray x = m.randomNormal(new Shape(2, 4, 64, 64));
                NDArray y = m.randomInteger(0, 3, new Shape(2, 64, 64), DataType.INT64);
                float[] step = UnetTrainer.guardedStep(trainer, net, FocalLoss.crossEntropy(3), x, y);
                assertTrue(Float.isFinite(step[0]) && step[0] > 0, "loss " + step[0]);
                int checked = 0;
                List<String> bad = new java.util.ArrayList<>();
                for (Map.Entry<String, Parameter> e : net.namedWeights().entrySet()) {
                    if (!e.getValue().requiresGradient()) continue;
                    float g = e.getValue().getArray().getGradient().abs().sum().getFloat();
                    if (!(g > 0 && Float.isFinite(g))) bad.add(e.getKey() + "=" + g);
                    checked++;
                }
                assertEquals(List.of(), bad, "parameters without a finite, non-zero gradient");
                assertEquals(net.namedWeights().size() - 2 * countBatchNorms(net), checked);
                NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow();
                assertEquals(new Shape(2, 3, 64, 64), logits.getShape());
                // windows of other multiples of 32 go through the same weights
                NDArray wide = trainer.evaluate(new NDList(m.zeros(new Shape(1, 4, 96, 160)))).singletonOrThrow();
                assertEquals(new Shape(1, 3, 96, 160), wide.getShape());
            }
        }
    }

    private static int countBatchNorms(UnetNetwork net) {
        return (int) net.namedWeights().keySet().stream().filter(k -> k.endsWith("running_mean")).count();
    }

    @Test
    void modelFileRoundTripGivesTheSameLogits(@TempDir Path dir) throws Exception {
        Engine engine = TorchRuntime.init();
        engine.setRandomSeed(5);
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), TorchRuntime.ENGINE)) {
            UnetNetwork net = new UnetNetwork(Backbone.RESNET18, 2, 3);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 2, 64, 64));
            for (Parameter p : net.getParameters().values()) {
                if (p.getType() == Parameter.Type.RUNNING_MEAN) p.getArray().set(m.randomUniform(-0.1f, 0.1f,
                        p.getArray().getShape()).toFloatArray());
            }
            UnetModel model = UnetModel.of(net, List.of("B4", "B8"), new int[] {0, 1, 7}, 64, new float[] {1, 2},
                    new float[] {3, 4});
            Path file = dir.resolve("m.safetensors");
            UnetModelFile.write(model, file);
            UnetModel back = UnetModelFile.read(file);
            assertEquals(List.of("B4", "B8"), back.bandNames());
            assertArrayEquals(new int[] {0, 1, 7}, back.classIds());
            assertArrayEquals(new float[] {3, 4}, back.std());
            assertEquals(model.weights().keySet(), back.weights().keySet());
            NDArray x = m.randomNormal(new Shape(1, 2, 64, 64));
            float[] a = net.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow().toFloatArray();
            float[] b = back.network(m).forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow()
                    .toFloatArray();
            assertArrayEquals(a, b, 0f);
            assertTrue(model.weights().containsKey("encoder.layer1.0.bn2.running_var"));
            assertTrue(model.weights().containsKey("decoder.blocks.4.conv2.1.weight"));
            assertTrue(model.weights().containsKey("segmentation_head.0.bias"));
        }
    }

    /**
     * -pretrained True: encoder tensors of a torchvision-named file (here without the "encoder."
     * prefix) are copied into a fresh network; the decoder and tensors of another shape (the stem
     * of another band count) are left as initialised.
     */
    @Test
    void pretrainedEncoderWeightsAreCopiedByName(@TempDir Path dir) throws Exception {
        UnetModel source = UnetModel.initialised(Backbone.RESNET18, 3, 2, 64, 1);
        java.util.Map<String, Safetensors.Tensor> torchvision = new java.util.LinkedHashMap<>();
        source.weights().forEach((k, v) -> {
            if (k.startsWith("encoder.")) torchvision.put(k.substring("encoder.".length()), v);
        });
        Path file = dir.resolve("resnet18.safetensors");
        Safetensors.write(file, Map.of(), torchvision);
        eu.ai4c.kit.op.ParameterValues params = UnetDescriptor.DESCRIPTOR.validate(Map.of("action", "train",
                "inputDir", dir.toString(), "pretrained", "True", "backbone_weights", file.toString(),
                "backbone", "resnet18"));
        UnetModel encoder = UnetOperator.backboneWeights(params, null, List.of());
        TorchRuntime.init().setRandomSeed(2);
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), TorchRuntime.ENGINE)) {
            UnetNetwork net = new UnetNetwork(Backbone.RESNET18, 4, 3);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 4, 64, 64));
            int copied = UnetTrainer.copyWeights(encoder, net);
            long encoderTensors = source.weights().keySet().stream().filter(k -> k.startsWith("encoder.")).count();
            assertEquals(encoderTensors - 1, copied, "all encoder tensors but the 3-band stem");
            assertArrayEquals(source.weights().get("encoder.layer4.1.conv2.weight").values(),
                    net.namedWeights().get("encoder.layer4.1.conv2.weight").getArray().toFloatArray(), 0f);
            assertEquals(new Shape(64, 4, 7, 7), net.namedWeights().get("encoder.conv1.weight").getShape());
        }
    }
}
