package eu.ai4c.aq.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.aq.config.ConfigYaml;
import eu.ai4c.aq.model.SrganArchitecture;
import eu.ai4c.aq.model.SrganModelFile;
import eu.ai4c.aq.model.SrganWeights;
import eu.ai4c.aq.synthetic.SyntheticCams;
import eu.ai4c.aq.testing.TestCams;
import eu.ai4c.kit.io.netcdf.NcVariable;
import eu.ai4c.kit.io.netcdf.Netcdf;
import eu.ai4c.kit.io.netcdf.NetcdfFile;
import eu.ai4c.kit.progress.Progress;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generation streams: a period whose ensemble (105 steps × 10 members × 128 × 128 cells, 66 MiB
 * as float32, more than twice the heap) is downscaled in a JVM limited to {@value #HEAP_MB} MiB,
 * writing the netCDF, the GeoTIFF and the skill report; its first steps equal, bit for bit, those
 * of a short run of the same file in this JVM (the spill file and the running skill sums change
 * nothing), and no spill file is left behind.
 */
class AqganStreamingTest {
    private static final int HEAP_MB = 32;
    private static final int STEPS = 105;
    private static final int MEMBERS = 10;

    @TempDir
    Path dir;

    @Test
    void longPeriodUnderASmallHeap() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        SyntheticCams cams = new SyntheticCams(128, 128, 8, 47.0, 5.0, 0.1, TestCams.START, STEPS, 3, 7);
        cams.write(data);
        AqConfig cfg = ConfigYaml.parse(TestCams.yaml(1).replace("ensemble_size: 10", "ensemble_size: " + MEMBERS),
                "test config");
        long ensembleBytes = 4L * STEPS * MEMBERS * 128 * 128;
        assertTrue(ensembleBytes > 2L * HEAP_MB << 20, "the period's ensemble must not fit the child's heap");

        // a small untrained generator whose noise matters (the output convolution is not left at zero)
        SrganArchitecture arch = new SrganArchitecture(8, 2, 8, 4, 1, 2, 0);
        SrganWeights w = SrganWeights.initial(arch, 5);
        float[] out = w.get("g.out.w");
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < out.length; i++) out[i] = (float) (rng.nextDouble() - 0.5) * 0.2f;
        Path model = dir.resolve("model.aqgan");
        new SrganModelFile(w, cfg.lrInputs(), List.of("urban_frac", "orog_scal"), "pm2p5",
                new double[] {20, 0, 0, 280, 0.5, 95000, 5000, 30}, new double[] {10, 5, 5, 10, 0.5, 5000, 5000, 15},
                1, cfg).write(model);
        Path lr = data.resolve(SyntheticCams.LR_FILE);
        Path statics = data.resolve(SyntheticCams.STATIC_FILE);
        Path hr = data.resolve(SyntheticCams.HR_FILE);

        Path longOut = dir.resolve("long");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MB + "m", "-cp", System.getProperty("java.class.path"), LongPeriodRun.class.getName(),
                model.toString(), lr.toString(), statics.toString(), hr.toString(), longOut.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), log);
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains("steps " + STEPS + " heap_max_mb "), log);
        try (Stream<Path> files = Files.list(longOut)) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(List.of("long.nc", "long_mean.tif", "long_skill.json", "long_skill.png"), names,
                    "outputs, and no spill file left");
        }

        // the first steps, downscaled here in one short run, are the same
        Instant end = TestCams.START.plusSeconds(3 * 3600 * 2);
        Downscaling.run(new Downscaling.Request(SrganModelFile.read(model), lr, statics, null, TestCams.START, end,
                cfg.aoi(), MEMBERS, cfg.seed(), null, dir.resolve("short"), "short", 2), Progress.silent());
        try (NetcdfFile a = Netcdf.open(longOut.resolve("long.nc"));
             NetcdfFile b = Netcdf.open(dir.resolve("short/short.nc"))) {
            assertEquals(STEPS, a.variable("time").shape()[0]);
            for (String v : List.of("pm2p5", "pm2p5_mean", "pm2p5_std")) {
                NcVariable va = a.variable(v);
                NcVariable vb = b.variable(v);
                for (int t = 0; t < 3; t++) assertArrayEquals(b.read(vb, t), a.read(va, t), v + " step " + t);
            }
            float[] std = a.read(a.variable("pm2p5_std"), STEPS - 1);
            double s = 0;
            for (float x : std) s += x;
            assertTrue(s > 0, "members differ: the spread is positive");
        }
        String skill = Files.readString(longOut.resolve("long_skill.json"));
        assertTrue(skill.contains("\"time_steps\" : " + STEPS), skill);
        assertTrue(new File(longOut.resolve("long_mean.tif").toString()).length() > 0);
    }
}
