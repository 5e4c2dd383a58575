package eu.ai4c.agri.timeseries;

import java.util.Arrays;

/**
 * Labelled multispectral pixel time series, the training and validation input of crop-type
 * models: {@code values} holds {@code count × timesteps × bands} reflectances in that order
 * (C order, as the {@code [N, ts, b]} arrays of {@code train.npy}), {@code labels} one class id
 * per series (TimeSen2Crop ids 0–15), or {@code null} for unlabelled series to classify.
 * The arrays are shared, not copied; treat them as read-only.
 */
public record TimeSeriesSet(float[] values, int[] labels, int count, int timesteps, int bands) {

    public TimeSeriesSet {
        if (count < 0 || timesteps <= 0 || bands <= 0) {
            throw new IllegalArgumentException("bad dimensions " + count + "×" + timesteps + "×" + bands);
        }
        if ((long) count * timesteps * bands != values.length) {
            throw new IllegalArgumentException(count + "×" + timesteps + "×" + bands + " series need "
                    + (long) count * timesteps * bands + " values, got " + values.length);
        }
        if (labels != null && labels.length != count) {
            throw new IllegalArgumentException(count + " series but " + labels.length + " labels");
        }
    }

    /** Values per series ({@code timesteps × bands}). */
    public int seriesLength() {
        return timesteps * bands;
    }

    /** Offset of series {@code i} in {@link #values()}. */
    public int offset(int i) {
        return i * seriesLength();
    }

    /** Number of series of each class id {@code 0 … classes-1}. */
    public int[] classCounts(int classes) {
        int[] counts = new int[classes];
        for (int label : labels) counts[label]++;
        return counts;
    }

    @Override
    public String toString() {
        return "TimeSeriesSet[" + count + "×" + timesteps + "×" + bands
                + (labels == null ? ", unlabelled" : ", " + Arrays.stream(labels).distinct().count() + " classes") + "]";
    }
}
