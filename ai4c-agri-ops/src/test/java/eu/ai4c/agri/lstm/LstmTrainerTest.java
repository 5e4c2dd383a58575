package eu.ai4c.agri.lstm;

import static org.junit.jupiter.api.Assertions.*;

import eu.ai4c.agri.timeseries.TimeSeriesSet;
import eu.ai4c.kit.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LstmTrainerTest {
    private static final SyntheticCrops CROPS = new SyntheticCrops(16, 7, 150);

    @Test
    void learnsSyntheticCropsAndKeepsBestOnValidation() {
        TimeSeriesSet train = CROPS.sample(SyntheticCrops.uniform(16, 40), 1);
        TimeSeriesSet val = CROPS.sample(SyntheticCrops.uniform(16, 10), 2);
        TimeSeriesSet test = CROPS.sample(SyntheticCrops.uniform(16, 20), 3);
        LstmTrainer trainer = new LstmTrainer(TrainingOptions.defaults().withEpochs(25).withLearningRate(5e-3));
        List<EpochResult> seen = new ArrayList<>();
        trainer.addListener(seen::add);
        long t0 = System.nanoTime();
        TrainingResult result = trainer.train(train, val, Progress.silent());
        System.out.printf("trained in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertEquals(25, seen.size());
        assertEquals(result.history(), seen);
        double acc = accuracy(new LstmClassifier(result.model()), test);
        System.out.println("held-out accuracy " + acc + " best epoch " + result.bestEpoch());
        assertTrue(acc >= 0.90, "held-out accuracy " + acc);
        EpochResult bestEpoch = result.history().get(result.bestEpoch() - 1);
        for (EpochResult r : result.history()) assertTrue(r.valAccuracy() <= bestEpoch.valAccuracy());
    }

    static double accuracy(LstmClassifier c, TimeSeriesSet set) {
        int[] labels = new int[set.count()];
        c.classify(set.values(), 0, set.count(), labels);
        int ok = 0;
        for (int i = 0; i < labels.length; i++) if (labels[i] == set.labels()[i]) ok++;
        return (double) ok / labels.length;
    }
}
