package eu.ai4c.aq.config;

import eu.ai4c.kit.Ai4cException;
import java.util.List;
import java.util.Locale;

/**
 * The settings of the CAMS downscaling service, as the YAML configuration file holds them
 * (specification 5.2.1.6, table 15, whose defaults these are). Read with {@link ConfigYaml#read};
 * {@link #defaults()} is table 15. Immutable.
 *
 * @param model                 super-resolution model type; only {@code srgan}
 * @param lrFrame               low-resolution frame size in cells, {lat, lon} (table 15: 8 × 8)
 * @param hrFrame               high-resolution frame size in cells (table 15: 64 × 64); 8 × {@code lrFrame}
 * @param aoi                   area of interest, a lat-lon bounding box in degrees
 * @param outputPath            folder of the samples, models and outputs (netCDF)
 * @param generatorFilters      filters of the generator's low-resolution layers (table 15: 64)
 * @param discriminatorFilters  filters of the critic's first layer (table 15: 32)
 * @param residualBlocks        residual blocks of the generator
 * @param noiseChannels         noise channels drawn per low-resolution cell (one more at high resolution)
 * @param learningRate          Adam step size (table 15: 1e-5)
 * @param batchSize             samples per update (table 15: 128)
 * @param adversarialLoss       {@code wasserstein} (WGAN with gradient penalty)
 * @param gradientPenaltyWeight λ of the gradient penalty (Gulrajani et al. 2017: 10)
 * @param contentLoss           {@code l1}, {@code l2} or {@code crps} (two noise draws per sample)
 * @param contentWeight         weight of the content term in the generator loss
 * @param adversarialWeight     weight of the adversarial term in the generator loss
 * @param criticSteps           critic updates per generator update
 * @param epochs                passes over the training samples
 * @param lrInputs              low-resolution input variables (table 15)
 * @param hrStaticInputs        high-resolution static inputs (table 15)
 * @param hrOutputs             high-resolution output variables (table 15: pm2p5)
 * @param data                  input and output data paths
 * @param validationFraction    the last fraction of the time steps kept for validation
 * @param ensembleSize          members generated per time step (table 15: 10)
 * @param seed                  seed of weights, batch order and noise
 */
public record AqConfig(String model, int[] lrFrame, int[] hrFrame, BoundingBox aoi, String outputPath,
                       int generatorFilters, int discriminatorFilters, int residualBlocks, int noiseChannels,
                       double learningRate, int batchSize, String adversarialLoss, double gradientPenaltyWeight,
                       String contentLoss, double contentWeight, double adversarialWeight, int criticSteps, int epochs,
                       List<String> lrInputs, List<String> hrStaticInputs, List<String> hrOutputs, DataPaths data,
                       double validationFraction, int ensembleSize, long seed) {

    /** The upsampling factor of the generator (three sub-pixel stages of 2). */
    public static final int FACTOR = 8;

    /**
     * A lat-lon bounding box, degrees (inclusive of the cells whose centres lie inside).
     */
    public record BoundingBox(double latMin, double latMax, double lonMin, double lonMax) {
        public boolean contains(double lat, double lon) {
            return lat >= latMin && lat <= latMax && lon >= lonMin && lon <= lonMax;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "lat %.3f…%.3f, lon %.3f…%.3f", latMin, latMax, lonMin, lonMax);
        }
    }

    /**
     * Where the data are. Relative paths are resolved against the configuration file's folder.
     *
     * @param lrPath     CAMS-like netCDF with the low-resolution inputs (a file or a folder of .nc files)
     * @param hrPath     netCDF with the high-resolution target (training and skill; a file or folder)
     * @param staticPath netCDF or GeoTIFF(s) with urban fraction and orography at high resolution
     * @param samples    folder of the pre-processed samples (default: {@code <output_path>/samples})
     */
    public record DataPaths(String lrPath, String hrPath, String staticPath, String samples) {
    }

    public AqConfig {
        lrFrame = lrFrame.clone();
        hrFrame = hrFrame.clone();
        lrInputs = List.copyOf(lrInputs);
        hrStaticInputs = List.copyOf(hrStaticInputs);
        hrOutputs = List.copyOf(hrOutputs);
    }

    @Override
    public int[] lrFrame() {
        return lrFrame.clone();
    }

    @Override
    public int[] hrFrame() {
        return hrFrame.clone();
    }

    /** Table 15's settings. */
    public static AqConfig defaults() {
        return new AqConfig("srgan", new int[] {8, 8}, new int[] {64, 64},
                new BoundingBox(30.0, 72.0, -25.0, 45.0), "aqgan-out", 64, 32, 8, 4, 1e-5, 128, "wasserstein",
                10.0, "crps", 1.0, 1e-3, 2, 20,
                List.of("pm2p5", "u10", "v10", "t2m", "lsm", "sp", "z", "pm10"), List.of("urban_frac", "orog_scal"),
                List.of("pm2p5"), new DataPaths("data/cams_lr.nc", "data/cams_hr.nc", "data/static_hr.nc", null),
                0.2, 10, 42);
    }

    /** This configuration with another output folder. */
    public AqConfig withOutputPath(String path) {
        return new AqConfig(model, lrFrame, hrFrame, aoi, path, generatorFilters, discriminatorFilters, residualBlocks,
                noiseChannels, learningRate, batchSize, adversarialLoss, gradientPenaltyWeight, contentLoss,
                contentWeight, adversarialWeight, criticSteps, epochs, lrInputs, hrStaticInputs, hrOutputs, data,
                validationFraction, ensembleSize, seed);
    }

    /** The samples folder: {@code data.samples}, or {@code <output_path>/samples}. */
    public String samplesPath() {
        return data.samples() != null ? data.samples() : outputPath + "/samples";
    }

    /**
     * Checks relations between settings that single values cannot express.
     *
     * @throws Ai4cException naming the keys
     */
    public AqConfig validate(String source) {
        if (!model.equals("srgan")) {
            throw Ai4cException.usage(source + ": model \"" + model + "\" is not supported; only srgan is.");
        }
        if (!adversarialLoss.equals("wasserstein")) {
            throw Ai4cException.usage(source + ": adversarial_loss \"" + adversarialLoss
                    + "\" is not supported; only wasserstein (WGAN-GP) is.");
        }
        if (hrFrame[0] != FACTOR * lrFrame[0] || hrFrame[1] != FACTOR * lrFrame[1]) {
            throw Ai4cException.usage(source + ": output_frame " + hrFrame[0] + " x " + hrFrame[1]
                    + " must be 8 × input_frame (" + lrFrame[0] + " x " + lrFrame[1] + "): the SRGAN upsamples by 8.");
        }
        if (!lrInputs.contains(hrOutputs.get(0))) {
            throw Ai4cException.usage(source + ": hr_outputs " + hrOutputs + " must be among lr_inputs " + lrInputs
                    + " (the generator refines the low-resolution field of the same variable).");
        }
        if (aoi.latMin() >= aoi.latMax() || aoi.lonMin() >= aoi.lonMax()) {
            throw Ai4cException.usage(source + ": aoi " + aoi + " is empty; lat_min < lat_max and lon_min < lon_max.");
        }
        return this;
    }
}
