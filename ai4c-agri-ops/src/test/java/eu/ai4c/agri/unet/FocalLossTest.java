package eu.ai4c.agri.unet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import eu.ai4c.agri.torch.TorchRuntime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FocalLossTest {

    /** Focal loss over pixels in float64 from its definition, logits {@code [b, k, h, w]}. */
    private static double reference(float[] logits, long[] labels, int b, int k, int hw, double gamma) {
        double sum = 0;
        for (int i = 0; i < b; i++) {
            for (int p = 0; p < hw; p++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) max = Math.max(max, logits[(i * k + c) * hw + p]);
                double z = 0;
                for (int c = 0; c < k; c++) z += Math.exp(logits[(i * k + c) * hw + p] - max);
                int t = (int) labels[i * hw + p];
                double logpt = logits[(i * k + t) * hw + p] - max - Math.log(z);
                sum += -Math.pow(1 - Math.exp(logpt), gamma) * logpt;
            }
        }
        return sum / (b * hw);
    }

    @Test
    void gammaZeroIsCrossEntropyAndGammaTwoMatchesTheDefinition() {
        TorchRuntime.init();
        SplittableRandom rng = new SplittableRandom(7);
        int b = 2, k = 4, h = 3, w = 5;
        float[] logits = new float[b * k * h * w];
        for (int i = 0; i < logits.length; i++) logits[i] = (float) (3 * rng.nextGaussian());
        long[] labels = new long[b * h * w];
        for (int i = 0; i < labels.length; i++) labels[i] = rng.nextInt(k);
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), TorchRuntime.ENGINE)) {
            NDList pred = new NDList(m.create(logits, new Shape(b, k, h, w)));
            NDList truth = new NDList(m.create(labels, new Shape(b, h, w)));
            float ce = FocalLoss.crossEntropy(k).evaluate(truth, pred).getFloat();
            float focal0 = new FocalLoss(k, 0f, 1f).evaluate(truth, pred).getFloat();
            float focal2 = new FocalLoss(k, 2f, 1f).evaluate(truth, pred).getFloat();
            // PyTorch's own cross-entropy as an independent implementation
            NDArray logp = pred.singletonOrThrow().logSoftmax(1);
            // float32 sums of 30 terms of size ~5: rounding well below 1e-5 relative
            assertEquals(reference(logits, labels, b, k, h * w, 0), ce, 1e-5);
            assertEquals(ce, focal0, 0f);
            assertEquals(reference(logits, labels, b, k, h * w, 2), focal2, 1e-5);
            assertEquals(new Shape(b, k, h, w), logp.getShape());
        }
    }

    @Test
    void metricsFromAHandCountedConfusionMatrix() {
        // truth rows, predicted columns
        long[][] m = {{50, 2, 3}, {4, 30, 0}, {1, 0, 0}};
        double[] iou = SegmentationMetrics.iou(m);
        assertArrayEquals(new double[] {50.0 / (50 + 5 + 5), 30.0 / (30 + 4 + 2), 0.0}, iou, 1e-12);
        assertArrayEquals(new double[] {100.0 / (100 + 5 + 5), 60.0 / (60 + 4 + 2), 0.0}, SegmentationMetrics.f1(m),
                1e-12);
        assertEquals(80.0 / 90.0, SegmentationMetrics.accuracy(m), 1e-12);
        long[][] absent = {{5, 0}, {0, 0}};
        assertEquals(1.0, SegmentationMetrics.mean(SegmentationMetrics.iou(absent)), 0.0);
    }
}
