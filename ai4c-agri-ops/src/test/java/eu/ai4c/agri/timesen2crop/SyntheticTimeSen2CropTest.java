package eu.ai4c.agri.timesen2crop;

import eu.ai4c.agri.timeseries.TimeSeriesSet;
import eu.ai4c.agri.timesen2crop.synthetic.SyntheticTimeSen2Crop;
import eu.ai4c.kit.progress.ProcessingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.*;

/** The synthetic generator: readable layout, realistic conditions, determinism, learnable classes. */
class SyntheticTimeSen2CropTest {
    @TempDir Path root;

    @Test
    void writesReadableTilesWithAllConditionsDeterministically() throws Exception {
        SyntheticTimeSen2Crop.write(root.resolve("a"), 3, 11, "33UVP", "32TNT");
        SyntheticTimeSen2Crop.write(root.resolve("b"), 3, 11, "33UVP", "32TNT");
        SyntheticTimeSen2Crop.write(root.resolve("c"), 3, 12, "33UVP");
        assertEquals(List.of("32TNT", "33UVP"), TimeSen2CropReader.tiles(root.resolve("a")));
        TileSamples s = TimeSen2CropReader.readTile(root.resolve("a"), "33UVP");
        assertEquals(SyntheticTimeSen2Crop.DATES, s.dates().size());
        assertEquals(48, s.count());
        int[] conditions = new int[4];
        for (byte c : s.conditions()) conditions[c]++;
        for (int c = 0; c < 4; c++) assertTrue(conditions[c] > 0, "condition " + c + " never occurs");
        assertTrue(conditions[0] > s.conditions().length / 2, "most observations should be clear");
        for (float v : s.values()) assertTrue(v >= 0 && v <= 10000 && v == Math.rint(v), "value " + v);
        Path f = Path.of("33UVP", "9", "2.csv");
        assertEquals(Files.readString(root.resolve("a").resolve(f)), Files.readString(root.resolve("b").resolve(f)));
        assertNotEquals(Files.readString(root.resolve("a").resolve(f)), Files.readString(root.resolve("c").resolve(f)));
    }

    @Test
    void classesAreSeparableButSamplesVary() throws Exception {
        SyntheticTimeSen2Crop.write(root, 80, 5, "33TWN");
        TimeSeriesSet set = TimeSen2CropExport.load(root, List.of(), true, 2017, ProcessingContext.defaults()).set();
        assertEquals(1280, set.count());
        StratifiedSplit.Result split = StratifiedSplit.split(set.labels(), 16, 0.3, 1);
        int len = set.seriesLength();
        // features standardised on the training half; nearest class centroid
        double[] mean = new double[len], sd = new double[len];
        for (int i : split.train()) for (int j = 0; j < len; j++) mean[j] += set.values()[set.offset(i) + j];
        for (int j = 0; j < len; j++) mean[j] /= split.train().length;
        for (int i : split.train()) for (int j = 0; j < len; j++) sd[j] += sq(set.values()[set.offset(i) + j] - mean[j]);
        for (int j = 0; j < len; j++) sd[j] = Math.sqrt(sd[j] / split.train().length) + 1e-9;
        double[][] centroid = new double[16][len];
        int[] n = new int[16];
        for (int i : split.train()) {
            int c = set.labels()[i];
            n[c]++;
            for (int j = 0; j < len; j++) centroid[c][j] += (set.values()[set.offset(i) + j] - mean[j]) / sd[j];
        }
        for (int c = 0; c < 16; c++) for (int j = 0; j < len; j++) centroid[c][j] /= n[c];
        int correct = 0;
        double withinClassSpread = 0;
        for (int i : split.validation()) {
            int best = -1;
            double bestD = Double.MAX_VALUE;
            for (int c = 0; c < 16; c++) {
                double d = 0;
                for (int j = 0; j < len; j++) d += sq((set.values()[set.offset(i) + j] - mean[j]) / sd[j] - centroid[c][j]);
                if (c == set.labels()[i]) withinClassSpread += Math.sqrt(d / len);
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
            if (best == set.labels()[i]) correct++;
        }
        double accuracy = correct / (double) split.validation().length;
        withinClassSpread /= split.validation().length;
        assertTrue(accuracy > 0.6, "nearest-centroid accuracy " + accuracy);
        // not trivially separable: fields of one class differ (RMS distance to their centroid, in standard deviations)
        assertTrue(accuracy < 0.99, "nearest-centroid accuracy " + accuracy + " suggests identical samples");
        assertTrue(withinClassSpread > 0.2, "samples of a class are nearly identical: " + withinClassSpread);
    }

    private static double sq(double x) {
        return x * x;
    }
}
