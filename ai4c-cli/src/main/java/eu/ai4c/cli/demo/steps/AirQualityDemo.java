package eu.ai4c.cli.demo.steps;

import eu.ai4c.aq.data.CamsFiles;
import eu.ai4c.aq.generate.Bicubic;
import eu.ai4c.aq.synthetic.SyntheticCams;
import eu.ai4c.cli.ServiceRun;
import eu.ai4c.cli.demo.DemoOutcome;
import eu.ai4c.cli.demo.DemoStep;
import eu.ai4c.cli.demo.QuickLook;
import eu.ai4c.kit.io.netcdf.Netcdf;
import eu.ai4c.kit.io.netcdf.NetcdfFile;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.render.ColourRamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Demo of the CAMS downscaling services: synthetic CAMS-like data (HR truth 128 × 128 cells of
 * 0.1°, LR by 8 × 8 averaging, 48 three-hourly steps) → {@code aqgan-preproc} → {@code aqgan-train}
 * (a small SRGAN, a few epochs on CPU) → {@code aqgan-generate} (10 members for the last 6 steps,
 * held out from training) with its skill report; quick-looks of the LR input, bicubic
 * interpolation, the ensemble mean, its spread and the truth at the last step, side by side.
 */
public final class AirQualityDemo implements DemoStep {
    private static final String CONFIG = """
            input_frame: 4 x 4
            output_frame: 32 x 32
            aoi: {lat_min: 30.0, lat_max: 50.0, lon_min: 0.0, lon_max: 20.0}
            generator_filters: 16
            discriminator_filters: 8
            residual_blocks: 2
            noise_channels: 2
            learning_rate: 1.0e-3
            batch_size: 32
            critic_steps: 1
            adversarial_weight: 0.001
            epochs: 3
            validation_fraction: 0.125
            data:
              lr_path: data/cams_lr.nc
              hr_path: data/cams_hr.nc
              static_path: data/static_hr.nc
            """;

    @Override
    public String name() {
        return "aqgan";
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public DemoOutcome run(Path outDir, ProcessingContext context) throws IOException {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        SyntheticCams cams = new SyntheticCams(128, 128, 8, 47.0, 5.0, 0.1, start, 48, 3, 7);
        Path data = Files.createDirectories(outDir.resolve("data"));
        cams.write(data);
        Path config = Files.writeString(outDir.resolve("config.yaml"), CONFIG);
        Path out = outDir.resolve("out");
        Map<String, String> common = Map.of("--config", config.toString(), "--dataset", "demo",
                "--start-date", "2024010100", "--end-date", "2024010621");
        ServiceRun.run("aqgan-preproc", Map.of(), common, out, "GeoTIFF", context);
        Path model = ServiceRun.run("aqgan-train", Map.of(), common, out, "GeoTIFF", context);
        Path nc = ServiceRun.run("aqgan-generate", Map.of(), Map.of("--config", config.toString(), "--dataset", "demo",
                "--start-date", "2024010606", "--end-date", "2024010621"), out, "GeoTIFF", context);
        // the last time step side by side: LR input, bicubic, ensemble mean, spread, truth
        List<Path> looks = new ArrayList<>();
        int last = cams.steps() - 1;
        try (CamsFiles lr = CamsFiles.open(data.resolve(SyntheticCams.LR_FILE), "lr");
             CamsFiles hr = CamsFiles.open(data.resolve(SyntheticCams.HR_FILE), "hr");
             NetcdfFile ens = Netcdf.open(nc)) {
            float[] low = lr.read("pm2p5", last);
            int lw = 16;
            float[] nearest = new float[128 * 128];
            for (int r = 0; r < 128; r++) for (int c = 0; c < 128; c++) nearest[r * 128 + c] = low[(r / 8) * lw + c / 8];
            int t = (int) ens.variable("pm2p5_mean").shape()[0] - 1;
            looks.add(look("1_lr_input", nearest, outDir));
            looks.add(look("2_bicubic", Bicubic.upsample(low, lw, lw, 8), outDir));
            looks.add(look("3_ensemble_mean", ens.read(ens.variable("pm2p5_mean"), t), outDir));
            looks.add(look("4_ensemble_spread", ens.read(ens.variable("pm2p5_std"), t), outDir));
            looks.add(look("5_truth", hr.read("pm2p5", last), outDir));
        }
        Path skill = nc.resolveSibling(nc.getFileName().toString().replace(".nc", "_skill.json"));
        return new DemoOutcome("Synthetic CAMS-like PM2.5 (cities and point sources with plumes advected by the wind,"
                + " mountains and a coast) at 0.1° is averaged to 0.8° as a coarse model would see it. aqgan-preproc cuts"
                + " it into 4 × 4 → 32 × 32 frames, aqgan-train trains a small SRGAN (WGAN-GP) for a few epochs on CPU,"
                + " and aqgan-generate makes 10-member ensembles for the 6 held-out time steps (CF netCDF with members,"
                + " mean and spread; GeoTIFF of the mean; skill report against bicubic interpolation in "
                + skill.getFileName() + "). Quick-looks of the last step: the LR input, bicubic interpolation, the"
                + " ensemble mean, the ensemble spread and the truth.",
                List.of(nc, model, skill), looks);
    }

    private static Path look(String name, float[] values, Path dir) throws IOException {
        return QuickLook.write(MemoryRaster.ofFloats(name, 128, 128, values, null), 0, dir.resolve(name + ".png"),
                ColourRamp.VIRIDIS, 256);
    }
}
