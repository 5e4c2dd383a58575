package eu.ai4c.aq.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.aq.data.SampleFile;
import eu.ai4c.aq.model.Batches;
import eu.ai4c.aq.model.SrganArchitecture;
import eu.ai4c.aq.model.SrganCheckpoint;
import eu.ai4c.aq.model.SrganModelFile;
import eu.ai4c.aq.model.SrganTrainer;
import eu.ai4c.aq.model.SrganWeights;
import eu.ai4c.aq.model.TrainingState;
import eu.ai4c.aq.testing.TestCams;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aqgan-train --resume} continues exactly: a training stopped during epoch 2 and resumed
 * from its checkpoint (epoch 1, with Adam's moments and step counts) ends with the same weights,
 * optimiser state and losses, to the last bit, as an uninterrupted training of 3 epochs. Exact
 * comparison is possible because PyTorch runs pinned (one thread, SSE4.1 kernels, {@code
 * TorchRuntime}) and every random draw comes from seeded Java generators. A control resumes the
 * same checkpoint with the moments reset and must end elsewhere: the saved state is what makes the
 * difference, not an accident of a tiny test.
 */
class AqganResumeTest {
    @TempDir
    Path dir;

    @Test
    void stoppedAndResumedTrainingEqualsUninterruptedOne() throws Exception {
        TestCams.setUpTiny(dir, 12);
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, Files.readString(config).replace("epochs: 1", "epochs: 3"));
        Map<String, String> p = new LinkedHashMap<>();
        p.put("startDate", "2024010100");
        p.put("endDate", "2024010221");
        p.put("config", config.toString());
        ProcessingContext ctx = ProcessingContext.defaults().withThreads(2);
        Path whole = dir.resolve("whole");
        Path parts = dir.resolve("parts");
        new AqganPreprocOperator().write(Map.of(), new AqganPreprocOperator().descriptor().validate(p), whole, ctx);
        Files.createDirectories(parts.resolve("samples"));
        for (String f : List.of("cams_train.nc", "cams_val.nc")) {
            Files.copy(whole.resolve("samples").resolve(f), parts.resolve("samples").resolve(f));
        }

        AqganTrainOperator op = new AqganTrainOperator();
        op.write(Map.of(), op.descriptor().validate(p), whole, ctx);

        // stopped by the user in epoch 2 (after its first batch): the checkpoint holds epoch 1
        AqConfig cfg = AqganParameters.config(op.descriptor().validate(p), parts);
        SrganTrainer stopping = new SrganTrainer(cfg);
        stopping.addListener(e -> {
            if (e.epoch() == 1) stopping.requestStop();
        });
        op.train(op.descriptor().validate(p), parts, ctx, stopping);
        Path checkpoint = parts.resolve("srgan_cams_checkpoint.aqgan");
        SrganCheckpoint afterStop = SrganCheckpoint.read(checkpoint);
        assertEquals(1, afterStop.model().epoch());
        assertNotNull(afterStop.state());
        assertEquals(afterStop.state().criticSteps(), afterStop.state().generatorSteps(), "critic_steps 1");
        assertTrue(afterStop.state().generatorSteps() > 0);

        Map<String, String> resume = new LinkedHashMap<>(p);
        resume.put("resume", "true");
        op.write(Map.of(), op.descriptor().validate(resume), parts, ctx);

        SrganCheckpoint a = SrganCheckpoint.read(whole.resolve("srgan_cams_checkpoint.aqgan"));
        SrganCheckpoint b = SrganCheckpoint.read(checkpoint);
        assertEquals(3, a.model().epoch());
        assertEquals(3, b.model().epoch());
        assertSameBits("last weights", a.model().weights(), b.model().weights());
        assertSameBits("Adam m", a.state().firstMoment(), b.state().firstMoment());
        assertSameBits("Adam v", a.state().secondMoment(), b.state().secondMoment());
        assertEquals(a.state().criticSteps(), b.state().criticSteps());
        assertEquals(a.state().generatorSteps(), b.state().generatorSteps());
        assertEquals(a.state().bestEpoch(), b.state().bestEpoch());
        assertEquals(a.state().bestScore(), b.state().bestScore(), 0);
        SrganModelFile bestA = SrganModelFile.read(whole.resolve("srgan_cams.aqgan"));
        SrganModelFile bestB = SrganModelFile.read(parts.resolve("srgan_cams.aqgan"));
        assertEquals(bestA.epoch(), bestB.epoch());
        assertSameBits("kept model", bestA.weights(), bestB.weights());
        // the losses of every epoch (the log without its timing columns), the earlier epoch kept by the resumed log
        List<String> logA = lossColumns(whole.resolve("srgan_cams_training_log.csv"));
        List<String> logB = lossColumns(parts.resolve("srgan_cams_training_log.csv"));
        assertEquals(4, logA.size(), logA.toString());
        assertEquals(logA, logB);
        assertTrue(Files.isRegularFile(parts.resolve("srgan_cams_training_curves.png")));

        // not vacuous: training moved the weights, and resuming without the moments ends elsewhere
        assertFalse(Arrays.equals(afterStop.model().weights().get("g.out.w"), b.model().weights().get("g.out.w")));
        Batches tb = new Batches(AqganTrainOperator.within(SampleFile.read(parts.resolve("samples/cams_train.nc")),
                AqganParameters.date(op.descriptor().validate(p), "startDate", "--start-date"),
                AqganParameters.date(op.descriptor().validate(p), "endDate", "--end-date")), "pm2p5");
        TrainingState reset = new TrainingState(zeros(afterStop.model().weights()), zeros(afterStop.model().weights()),
                0, 0, afterStop.state().bestEpoch(), afterStop.state().bestScore(), afterStop.state().best(), 0);
        SrganWeights fresh = new SrganTrainer(cfg).train(tb, null, afterStop.model().weights().copy(), reset, 2,
                Progress.silent()).last();
        assertFalse(sameBits(a.model().weights(), fresh), "moments restarted: a different result");
    }

    private static List<String> lossColumns(Path log) throws Exception {
        return Files.readAllLines(log).stream().map(l -> {
            String[] f = l.split(",");
            return String.join(",", Arrays.copyOfRange(f, 0, 8)) + "," + f[10];
        }).toList();
    }

    private static SrganWeights zeros(SrganWeights like) {
        SrganWeights z = like.copy();
        for (SrganArchitecture.Param q : z.parameters()) z.set(q.name(), new float[q.size()]);
        return z;
    }

    private static boolean sameBits(SrganWeights x, SrganWeights y) {
        for (SrganArchitecture.Param q : x.parameters()) {
            if (!Arrays.equals(x.get(q.name()), y.get(q.name()))) return false;
        }
        return true;
    }

    private static void assertSameBits(String what, SrganWeights x, SrganWeights y) {
        for (SrganArchitecture.Param q : x.parameters()) {
            float[] u = x.get(q.name());
            float[] v = y.get(q.name());
            int[] bu = new int[u.length];
            int[] bv = new int[v.length];
            for (int i = 0; i < u.length; i++) bu[i] = Float.floatToRawIntBits(u[i]);
            for (int i = 0; i < v.length; i++) bv[i] = Float.floatToRawIntBits(v[i]);
            assertArrayEquals(bu, bv, what + ": " + q.name());
        }
    }
}
