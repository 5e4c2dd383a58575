package eu.ai4c.agri.timesen2crop.synthetic;

import eu.ai4c.agri.timesen2crop.CropClass;
import eu.ai4c.agri.timesen2crop.PixelCondition;
import eu.ai4c.agri.timesen2crop.TimeSen2CropReader;
import eu.ai4c.kit.io.AtomicOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes synthetic datasets in the TimeSen2Crop layout ({@code <root>/<tile>/dates.csv},
 * {@code <root>/<tile>/<class>/<n>.csv}) for tests, demos and benchmarks. Each tile has 73
 * acquisitions, one every 5 days from 1–5 September of the season start (the first day depends
 * on the tile, as orbits do), over one agronomic year. Each sample follows its class's
 * {@link CropPhenology} with a per-field time shift, rate, peak, soil brightness and spectral
 * variation, plus 1 % reflectance noise. Acquisitions are degraded as in real series: per tile
 * and date a cloudiness level (about a third of the dates mostly cloudy); per sample and date a
 * cloud (bright, flat spectrum), a cloud shadow (a third of the reflectance) or, in winter, snow
 * (bright visible, dark SWIR), each marked in the condition column. Values are integers,
 * reflectance × 10000, as in the dataset. The same seed gives the same files; thread-safe
 * (no shared state).
 */
public final class SyntheticTimeSen2Crop {
    /** Acquisitions per tile. */
    public static final int DATES = 73;
    /** Days between acquisitions. */
    public static final int REVISIT_DAYS = 5;

    private SyntheticTimeSen2Crop() {
    }

    /** Writes {@code samplesPerClass} samples of each of the 16 classes per tile, season 2017/18. */
    public static void write(Path root, int samplesPerClass, long seed, String... tiles) throws IOException {
        write(root, samplesPerClass, seed, 2017, tiles);
    }

    /**
     * Writes {@code samplesPerClass} samples of each class per tile for the agronomic year
     * starting in September of {@code seasonStart}; each tile folder appears atomically
     * (an existing one of the same name is replaced).
     */
    public static void write(Path root, int samplesPerClass, long seed, int seasonStart, String... tiles)
            throws IOException {
        if (tiles.length == 0) throw new IllegalArgumentException("name at least one tile, e.g. 33UVP");
        try (AtomicOutput out = AtomicOutput.create()) {
            for (String tile : tiles) {
                Path dir = out.temporaryFor(root.resolve(tile));
                writeTile(dir, tile, samplesPerClass, seed, seasonStart);
            }
            out.commit();
        }
    }

    /** The acquisition dates of a tile. */
    public static List<LocalDate> dates(String tile, int seasonStart) {
        LocalDate first = LocalDate.of(seasonStart, 9, 1).plusDays(Math.floorMod(tile.hashCode(), REVISIT_DAYS));
        List<LocalDate> dates = new ArrayList<>(DATES);
        for (int t = 0; t < DATES; t++) dates.add(first.plusDays((long) t * REVISIT_DAYS));
        return dates;
    }

    private static void writeTile(Path dir, String tile, int samplesPerClass, long seed, int seasonStart)
            throws IOException {
        Files.createDirectories(dir);
        List<LocalDate> dates = dates(tile, seasonStart);
        LocalDate september = LocalDate.of(seasonStart, 9, 1);
        double[] day = new double[DATES];
        StringBuilder sb = new StringBuilder("acquisition_date\n");
        for (int t = 0; t < DATES; t++) {
            day[t] = dates.get(t).toEpochDay() - september.toEpochDay();
            sb.append(dates.get(t).format(DateTimeFormatter.BASIC_ISO_DATE)).append('\n');
        }
        Files.writeString(dir.resolve(TimeSen2CropReader.DATES_FILE), sb, StandardCharsets.US_ASCII);

        SplittableRandom tileRnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ tile.hashCode());
        double[] cloudiness = new double[DATES];
        double[] snowiness = new double[DATES];
        for (int t = 0; t < DATES; t++) {
            cloudiness[t] = tileRnd.nextDouble() < 0.35 ? 0.6 + 0.35 * tileRnd.nextDouble() : 0.08 * tileRnd.nextDouble();
            boolean winter = day[t] > 90 && day[t] < 175;
            snowiness[t] = winter && tileRnd.nextDouble() < 0.3 ? 0.7 : 0;
        }
        double[] r = new double[9];
        String header = String.join(",", TimeSen2CropReader.BANDS) + ",condition\n";
        for (CropClass c : CropClass.values()) {
            Path classDir = Files.createDirectories(dir.resolve(Integer.toString(c.id())));
            SplittableRandom rnd = tileRnd.split();
            for (int s = 0; s < samplesPerClass; s++) {
                CropPhenology p = CropPhenology.forSample(c, rnd);
                double soil = Math.max(0.5, 1 + 0.12 * rnd.nextGaussian());
                sb.setLength(0);
                sb.append(header);
                for (int t = 0; t < DATES; t++) {
                    p.reflectance(day[t], soil, r);
                    PixelCondition cond = degrade(r, cloudiness[t], snowiness[t], rnd);
                    for (int b = 0; b < 9; b++) {
                        double v = r[b] * (1 + 0.01 * rnd.nextGaussian()) + 0.003 * rnd.nextGaussian();
                        sb.append(Math.max(0, Math.round(v * 10000))).append(',');
                    }
                    sb.append(cond.code()).append('\n');
                }
                Files.writeString(classDir.resolve(s + ".csv"), sb, StandardCharsets.US_ASCII);
            }
        }
    }

    /** Applies a cloud, shadow or snow to {@code r} with the date's probabilities; returns the condition. */
    private static PixelCondition degrade(double[] r, double cloudiness, double snowiness, SplittableRandom rnd) {
        double u = rnd.nextDouble();
        if (u < cloudiness) {
            double top = 0.35 + 0.3 * rnd.nextDouble();
            for (int b = 0; b < 9; b++) r[b] = b < 7 ? top * (0.95 + 0.05 * b / 6.0) : top * (b == 7 ? 0.8 : 0.65);
            return PixelCondition.CLOUD;
        }
        if (u < cloudiness * 1.3) {
            for (int b = 0; b < 9; b++) r[b] *= 0.3 + 0.1 * rnd.nextDouble();
            return PixelCondition.SHADOW;
        }
        if (rnd.nextDouble() < snowiness) {
            double white = 0.75 + 0.15 * rnd.nextDouble();
            for (int b = 0; b < 9; b++) r[b] = b < 3 ? white : b < 7 ? white * 0.93 : (b == 7 ? 0.10 : 0.07);
            return PixelCondition.SNOW;
        }
        return PixelCondition.CLEAR;
    }
}
