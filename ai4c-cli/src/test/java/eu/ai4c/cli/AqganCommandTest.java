package eu.ai4c.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.aq.synthetic.SyntheticCams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aqgan commands exactly as the specification's table 14 gives them, without an output option:
 * they write into the config's output_path (relative to the config's folder). Other services still
 * require an output.
 */
class AqganCommandTest {
    @TempDir
    Path dir;

    @Test
    void table14CommandsWriteIntoTheConfiguredOutputPath() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        new SyntheticCams(64, 64, 8, 46.0, 8.0, 0.1, Instant.parse("2024-01-01T00:00:00Z"), 12, 3, 5).write(data);
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, SyntheticCams.TINY_CONFIG.replace("output_path: out", "output_path: results"));
        Cli pre = Cli.run("aqgan-preproc", "--start-date", "2024010100", "--end-date", "2024010221", "--dataset", "cams",
                "--config", config.toString(), "--quiet");
        assertEquals(0, pre.exit(), pre.toString());
        assertTrue(Files.isRegularFile(dir.resolve("results/samples/cams_train.nc")), pre.toString());
        Cli train = Cli.run("aqgan-train", "--model", "srgan", "--start-date", "2024010100", "--end-date", "2024010221",
                "--config", config.toString(), "--quiet");
        assertEquals(0, train.exit(), train.toString());
        assertEquals(dir.resolve("results/srgan_cams.aqgan").toString(), train.out().strip());

        // aqgan-predict: model and file by position (the short form users asked for) or as options
        Path model = dir.resolve("results/srgan_cams.aqgan");
        Path lr = data.resolve(SyntheticCams.LR_FILE);
        Path statics = data.resolve(SyntheticCams.STATIC_FILE);
        Cli shortForm = Cli.run("aqgan-predict", model.toString(), lr.toString(), "--static", statics.toString(),
                "--output_path", dir.resolve("pred1").toString(), "--quiet");
        assertEquals(0, shortForm.exit(), shortForm.toString());
        Path nc1 = dir.resolve("pred1/cams_lr_srgan.nc");
        assertTrue(Files.isRegularFile(nc1), shortForm.toString());
        Cli options = Cli.run("aqgan-predict", "--model", model.toString(), "--input", lr.toString(), "--static",
                statics.toString(), "--output_dir", dir.resolve("pred2").toString(), "--quiet");
        assertEquals(0, options.exit(), options.toString());
        // same model, input and seed: the same ensemble mean, whichever form (the netCDF differs in its history)
        assertEquals(-1L, Files.mismatch(dir.resolve("pred1/cams_lr_srgan_mean.tif"),
                dir.resolve("pred2/cams_lr_srgan_mean.tif")));
        // one given both ways, consistently (another spelling of the same file), is accepted
        Cli both = Cli.run("aqgan-predict", model.toString(), "--model",
                dir.resolve("results/../results/srgan_cams.aqgan").toString(), lr.toString(), "--static",
                statics.toString(), "--output_path", dir.resolve("pred3").toString(), "--quiet");
        assertEquals(0, both.exit(), both.toString());
        Cli clash = Cli.run("aqgan-predict", model.toString(), lr.toString(), "--input", statics.toString(), "--static",
                statics.toString(), "--output_path", dir.resolve("pred4").toString(), "--quiet");
        assertEquals(2, clash.exit(), clash.toString());
        assertTrue(clash.err().contains("CAMS netCDF is given twice, as argument INPUT (" + lr + ") and as --input ("
                + statics + ")"), clash.toString());
        assertTrue(!Files.exists(dir.resolve("pred4")), "nothing written by a refused command");
        Cli missing = Cli.run("aqgan-predict", model.toString(), "--output_path", dir.resolve("pred5").toString());
        assertEquals(2, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("missing required parameter --input (or argument 2)"), missing.toString());
        Cli help = Cli.run("aqgan-predict", "--help");
        assertTrue(help.out().contains("[MODEL] [INPUT]"), help.toString());

        // AQ-Downscale (the SNAP route) from the command line on time step 2 of the same file as a GeoTIFF:
        // the ensemble mean aqgan-predict gave for that step, to the last bit
        Path step2 = dir.resolve("cams_step2.tif");
        eu.ai4c.kit.io.ProductIO.writer("GeoTIFF").write(eu.ai4c.aq.data.CamsProducts.timeStep(lr,
                eu.ai4c.aq.config.AqConfig.defaults().lrInputs(), 2, ""), step2,
                eu.ai4c.kit.progress.ProcessingContext.defaults());
        Cli list = Cli.run("list");
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("AQ-Downscale ")), list.toString());
        Cli down = Cli.run("AQ-Downscale", "--input", step2.toString(), "--model", model.toString(), "--static",
                statics.toString(), "--step-index", "2", "--output_path", dir.resolve("down.tif").toString(), "--quiet");
        assertEquals(0, down.exit(), down.toString());
        eu.ai4c.kit.raster.Raster downscaled = eu.ai4c.kit.io.ProductIO.read(dir.resolve("down.tif")).raster();
        assertEquals("pm2p5_mean", downscaled.bands().get(0).name());
        assertEquals(4, downscaled.bands().size(), "mean, std and the model's 2 members");
        try (eu.ai4c.kit.io.netcdf.NetcdfFile f = eu.ai4c.kit.io.netcdf.Netcdf.open(nc1)) {
            eu.ai4c.kit.io.netcdf.NcVariable mean = f.variable("pm2p5_mean");
            float[] expected = eu.ai4c.kit.io.netcdf.CfGrid.of(f, mean).toCanonical(f.read(mean, 2));
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected,
                    downscaled.read(0, downscaled.bounds()).toFloats());
        }

        Cli warp = Cli.run("Warp", "--input", config.toString());
        assertEquals(2, warp.exit(), warp.toString());
        assertTrue(warp.err().contains("Missing required option: '--output_path=<path>'"), warp.toString());
    }
}
