package eu.ai4c.aq.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.agri.torch.TorchRuntime;
import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.aq.data.Preprocessor;
import eu.ai4c.aq.data.SampleFile;
import eu.ai4c.aq.testing.TestCams;
import eu.ai4c.kit.progress.Progress;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same training, repeated in one JVM, gives the same losses to the last bit and never a NaN.
 * This failed with oneDNN's AVX2 and AVX-512 convolution kernels (3 to 10 of 30 repetitions of
 * this epoch differed, some with NaN critic losses), which is why {@link TorchRuntime} pins
 * oneDNN to its SSE4.1 kernels; eight repetitions catch such a fault with a probability above 90 %.
 * Exact comparison: same kernels, same seed, one PyTorch thread.
 */
class SrganTrainingRepeatabilityTest {
    @TempDir
    Path dir;

    @Test
    void oneEpochEightTimes() throws Exception {
        AqConfig cfg = TestCams.setUpTiny(dir, 12);
        Preprocessor.Result pre = Preprocessor.run(cfg, dir, TestCams.START, Instant.parse("2024-01-02T21:00:00Z"),
                "test", Progress.silent());
        Batches train = new Batches(SampleFile.read(pre.train()), "pm2p5");
        EpochLog first = null;
        for (int run = 0; run < 8; run++) {
            EpochLog e = new SrganTrainer(cfg).train(train, null, null, 1, Progress.silent()).history().get(0);
            String what = "repetition " + (run + 1) + ": " + e + "; " + TorchRuntime.describe();
            assertTrue(Double.isFinite(e.criticLoss()) && Double.isFinite(e.generatorLoss())
                    && Double.isFinite(e.content()), what);
            if (first == null) {
                first = e;
                continue;
            }
            assertEquals(first.criticLoss(), e.criticLoss(), 0, what);
            assertEquals(first.generatorLoss(), e.generatorLoss(), 0, what);
            assertEquals(first.gradientPenalty(), e.gradientPenalty(), 0, what);
            assertEquals(first.content(), e.content(), 0, what);
        }
    }
}
