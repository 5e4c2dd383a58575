package eu.ai4c.aq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.aq.data.CamsFiles;
import eu.ai4c.aq.data.DownscalingGrid;
import eu.ai4c.aq.data.Preprocessor;
import eu.ai4c.aq.data.SampleFile;
import eu.ai4c.aq.data.StaticFields;
import eu.ai4c.aq.generate.Bicubic;
import eu.ai4c.aq.generate.EnsembleGenerator;
import eu.ai4c.aq.generate.Skill;
import eu.ai4c.aq.model.Batches;
import eu.ai4c.aq.model.SrganModelFile;
import eu.ai4c.aq.model.SrganTrainer;
import eu.ai4c.aq.testing.TestCams;
import eu.ai4c.kit.progress.Progress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Learning on synthetic CAMS-like data: after a test-sized training (a few epochs of a small
 * SRGAN), the ensemble mean of 10 members beats bicubic interpolation of the LR field in RMSE on
 * held-out (later) times, and the spread is positive and larger where the error is larger.
 */
class AqganLearningTest {
    @TempDir
    Path dir;

    @Test
    void trainedEnsembleBeatsBicubicOnHeldOutTimes() throws Exception {
        AqConfig cfg = TestCams.setUp(dir, 64, 4);
        long t0 = System.nanoTime();
        Preprocessor.Result pre = Preprocessor.run(cfg, dir, TestCams.START, Instant.parse("2030-01-01T00:00:00Z"),
                "test", Progress.silent());
        long t1 = System.nanoTime();
        SampleFile.Samples train = SampleFile.read(pre.train());
        SampleFile.Samples val = SampleFile.read(pre.validation());
        assertEquals(51 * 16, train.count());
        assertEquals(13 * 16, val.count());
        Batches tb = new Batches(train, "pm2p5");
        Batches vb = new Batches(val, "pm2p5");
        SrganTrainer trainer = new SrganTrainer(cfg);
        trainer.addListener(e -> System.out.println("AqganLearningTest epoch: " + e));
        SrganTrainer.Result r = trainer.train(tb, vb, null, 1, Progress.silent());
        long t2 = System.nanoTime();
        SrganModelFile model = new SrganModelFile(r.best(), train.lrInputs(), train.staticInputs(), "pm2p5",
                train.mean(), train.std(), r.bestEpoch(), cfg);
        Path file = model.write(dir.resolve("model.aqgan"));
        SrganModelFile loaded = SrganModelFile.read(file);

        // held-out times, whole LR window at once
        DownscalingGrid g = pre.grid();
        int w = g.lr().width();
        int h = g.lr().height();
        double seGan = 0;
        double seBic = 0;
        Skill last = null;
        Skill lastBic = null;
        try (CamsFiles lr = CamsFiles.open(dir.resolve("data/cams_lr.nc"), "lr");
             CamsFiles hr = CamsFiles.open(dir.resolve("data/cams_hr.nc"), "hr");
             CamsFiles st = CamsFiles.open(dir.resolve("data/static_hr.nc"), "static");
             EnsembleGenerator gen = new EnsembleGenerator(loaded, 2)) {
            float[][] statics = StaticFields.read(st, cfg.hrStaticInputs(), g.hr());
            List<Instant> times = lr.times("pm2p5");
            int cells = 0;
            for (int t = 51; t < 64; t++) {
                float[][] in = new float[cfg.lrInputs().size()][];
                for (int k = 0; k < in.length; k++) in[k] = lr.read(cfg.lrInputs().get(k), t);
                float[] truth = hr.read("pm2p5", hr.indexOf("pm2p5", times.get(t)));
                float[][] ens = gen.generate(in, statics, w, h, 10, 1000 + t);
                float[] bic = Bicubic.upsample(in[0], w, h, 8);
                last = Skill.ensemble(ens, truth);
                lastBic = Skill.deterministic(bic, truth);
                seGan += last.rmse() * last.rmse() * last.cells();
                seBic += lastBic.rmse() * lastBic.rmse() * lastBic.cells();
                cells += last.cells();
            }
            double rmseGan = Math.sqrt(seGan / cells);
            double rmseBic = Math.sqrt(seBic / cells);
            String report = String.format(Locale.ROOT, "held-out RMSE: ensemble mean %.3f, bicubic %.3f ug/m3;"
                            + " last step CRPS %.3f vs bicubic MAE %.3f, spread %.3f, spread-skill %.3f,"
                            + " spread-error corr %.3f; preproc %.1f s, training %.1f s (%.0f samples/s), best epoch %d",
                    rmseGan, rmseBic, last.crps(), lastBic.crps(), last.meanSpread(), last.spreadSkill(),
                    last.spreadErrorCorrelation(), (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                    r.history().get(r.history().size() - 1).samplesPerSecond(), r.bestEpoch());
            System.out.println("AqganLearningTest: " + report);
            assertTrue(rmseGan < rmseBic, report);
            assertTrue(last.meanSpread() > 0, report);
            assertTrue(last.spreadErrorCorrelation() > 0.1, report);
        }
    }
}
