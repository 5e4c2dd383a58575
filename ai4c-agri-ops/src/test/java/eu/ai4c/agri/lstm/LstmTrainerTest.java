package eu.ai4c.agri.lstm;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import eu.ai4c.agri.timeseries.TimeSeriesSet;
import eu.ai4c.agri.torch.TorchRuntime;
import eu.ai4c.kit.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LstmTrainerTest {
    private static final SyntheticCrops CROPS = new SyntheticCrops(16, 7, 300);

    private static TrainingOptions small() {
        return TrainingOptions.defaults().withEpochs(3).withBatchSize(16).withLearningRate(5e-3);
    }

    @Test
    void sameSeedGivesIdenticalWeightsAndAnotherSeedDoesNot() {
        TimeSeriesSet train = CROPS.sample(SyntheticCrops.uniform(16, 8), 1);
        LstmModel a = new LstmTrainer(small()).train(train, null, Progress.silent()).model();
        LstmModel b = new LstmTrainer(small()).train(train, null, Progress.silent()).model();
        LstmModel c = new LstmTrainer(small().withSeed(43)).train(train, null, Progress.silent()).model();
        assertArrayEquals(a.lstm().get(0).kernel(), b.lstm().get(0).kernel());
        assertArrayEquals(a.lstm().get(0).recurrentKernel(), b.lstm().get(0).recurrentKernel());
        assertArrayEquals(a.lstm().get(0).bias(), b.lstm().get(0).bias());
        assertArrayEquals(a.dense().get(0).kernel(), b.dense().get(0).kernel());
        assertFalse(java.util.Arrays.equals(a.lstm().get(0).kernel(), c.lstm().get(0).kernel()));
    }

    @Test
    void classWeightsAreBalancedAndChangeTheLossOnImbalancedData() {
        int[] perClass = new int[16];
        perClass[0] = 96;
        perClass[1] = 24;
        perClass[2] = 8;
        TimeSeriesSet train = CROPS.sample(perClass, 4);
        float[] w = LstmTrainer.classWeights(train, 16, true);
        // N / (K·n_c) with K = 3 classes present
        assertEquals(128.0 / (3 * 96), w[0], 1e-6);
        assertEquals(128.0 / (3 * 8), w[2], 1e-6);
        assertEquals(0f, w[5]);
        TrainingResult plain = new LstmTrainer(small().withEpochs(2)).train(train, null, Progress.silent());
        TrainingResult weighted = new LstmTrainer(small().withEpochs(2).withClassWeights(true))
                .train(train, null, Progress.silent());
        double l0 = plain.history().get(0).loss();
        double l1 = weighted.history().get(0).loss();
        assertTrue(Math.abs(l0 - l1) > 1e-3 * l0, "losses " + l0 + " and " + l1);
        assertFalse(java.util.Arrays.equals(plain.model().dense().get(0).bias(), weighted.model().dense().get(0).bias()));
    }

    @Test
    void weightedCrossEntropyFollowsItsFormula() {
        TorchRuntime.init();
        try (NDManager m = NDManager.newBaseManager(TorchRuntime.ENGINE)) {
            float[] logits = {1f, 2f, 0.5f, -1f, 0f, 3f};
            long[] labels = {1, 2};
            float[] w = {0.5f, 2f, 4f};
            WeightedCrossEntropy loss = new WeightedCrossEntropy(m.create(w));
            float got = loss.evaluate(new NDList(m.create(labels)),
                    new NDList(m.create(logits, new ai.djl.ndarray.types.Shape(2, 3)))).getFloat();
            double expected = (-2 * logSoftmax(logits, 0, 1) - 4 * logSoftmax(logits, 3, 2)) / 2;
            assertEquals(expected, got, 1e-5);
        }
    }

    private static double logSoftmax(float[] z, int row, int c) {
        double sum = 0;
        for (int j = 0; j < 3; j++) sum += Math.exp(z[row + j]);
        return z[row + c] - Math.log(sum);
    }

    @Test
    void stopRequestEndsTrainingKeepingTheBestEpochSoFar() {
        TimeSeriesSet train = CROPS.sample(SyntheticCrops.uniform(16, 8), 1);
        TimeSeriesSet val = CROPS.sample(SyntheticCrops.uniform(16, 2), 2);
        LstmTrainer trainer = new LstmTrainer(small().withEpochs(20));
        List<EpochResult> seen = new ArrayList<>();
        trainer.addListener(r -> {
            seen.add(r);
            if (r.epoch() == 2) trainer.requestStop();
        });
        TrainingResult result = trainer.train(train, val, Progress.silent());
        assertTrue(result.stoppedEarly());
        assertEquals(3, result.history().size(), "stops during the epoch after the request");
        assertEquals(seen, result.history());
        assertTrue(result.bestEpoch() >= 1 && result.bestEpoch() <= 3);
        EpochResult best = result.history().get(result.bestEpoch() - 1);
        assertTrue(best.best());
        for (EpochResult r : result.history()) assertTrue(r.valAccuracy() <= best.valAccuracy());
    }

    @Test
    void cancellingThroughProgressAborts() {
        TimeSeriesSet train = CROPS.sample(SyntheticCrops.uniform(16, 4), 1);
        Progress progress = Progress.silent();
        LstmTrainer trainer = new LstmTrainer(small());
        trainer.addListener(new TrainingListener() {
            @Override
            public void onEpoch(EpochResult result) {
            }

            @Override
            public void onBatch(int epoch, int batch, int batches) {
                progress.cancel();
            }
        });
        assertThrows(Progress.Cancelled.class, () -> trainer.train(train, null, progress));
    }
}
