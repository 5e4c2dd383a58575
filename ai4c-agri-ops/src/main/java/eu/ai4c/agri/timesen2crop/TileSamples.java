package eu.ai4c.agri.timesen2crop;

import java.time.LocalDate;
import java.util.List;

/**
 * All samples of one TimeSen2Crop tile: the tile's acquisition dates and, per sample, its
 * reflectances {@code values[(i × dates + t) × 9 + b]} (bands {@link TimeSen2CropReader#BANDS}
 * in that order, surface reflectance × 10000 as in the files), its pixel condition codes
 * {@code conditions[i × dates + t]} ({@link PixelCondition}), its class id and its file name.
 * The arrays are shared, not copied; treat them as read-only.
 */
public record TileSamples(String tile, List<LocalDate> dates, float[] values, byte[] conditions, int[] labels,
                          List<String> sampleNames) {

    public TileSamples {
        dates = List.copyOf(dates);
        sampleNames = List.copyOf(sampleNames);
        int n = labels.length;
        if (sampleNames.size() != n || conditions.length != n * dates.size()
                || values.length != (long) n * dates.size() * TimeSen2CropReader.BANDS.size()) {
            throw new IllegalArgumentException("inconsistent sizes for " + n + " samples of " + dates.size() + " dates");
        }
    }

    /** Number of samples. */
    public int count() {
        return labels.length;
    }
}
