package eu.ai4c.aq.ui;

import eu.ai4c.kit.io.AtomicOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The time series of one HR cell of a downscaled ensemble: per time step the ensemble mean and
 * standard deviation (as the file stores them), the minimum and maximum over the members (the band
 * the view draws; NaN when the file has no members), and the low-resolution CAMS input in the LR
 * cell that contains the point (NaN when the file has no {@code <var>_lr}). Display-free.
 *
 * @param row  the cell's row (0 = north)
 * @param col  the cell's column (0 = west)
 * @param lat  latitude of the cell centre
 * @param lon  longitude of the cell centre
 */
public record PointSeries(String variable, String units, int row, int col, double lat, double lon, List<Instant> times,
                          float[] mean, float[] std, float[] min, float[] max, float[] lowRes, int members) {

    /**
     * Reads the series of cell ({@code row}, {@code col}) one time step at a time (memory for one
     * step's members).
     */
    public static PointSeries extract(EnsembleFile f, int row, int col) throws IOException {
        if (row < 0 || col < 0 || row >= f.height() || col >= f.width()) {
            throw new IllegalArgumentException("cell (" + row + ", " + col + ") outside the " + f.width() + " × "
                    + f.height() + " grid of " + f.path().getFileName());
        }
        int n = f.times().size();
        int cell = row * f.width() + col;
        int plane = f.width() * f.height();
        float[] mean = new float[n];
        float[] std = new float[n];
        float[] min = new float[n];
        float[] max = new float[n];
        float[] lr = new float[n];
        double lat = f.latitude(row);
        double lon = f.longitude(col);
        int nm = f.memberCount();
        for (int t = 0; t < n; t++) {
            mean[t] = f.mean(t)[cell];
            std[t] = f.hasSpread() ? f.std(t)[cell] : Float.NaN;
            float lo = Float.NaN;
            float hi = Float.NaN;
            if (nm > 0) {
                float[] all = f.members(t);
                lo = Float.POSITIVE_INFINITY;
                hi = Float.NEGATIVE_INFINITY;
                for (int m = 0; m < nm; m++) {
                    float v = all[m * plane + cell];
                    if (v != v) { // a no-data member makes the band undefined, as it does the mean
                        lo = Float.NaN;
                        hi = Float.NaN;
                        break;
                    }
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            min[t] = lo;
            max[t] = hi;
            lr[t] = f.hasLowResolution() ? f.lowResolutionAt(t, lat, lon) : Float.NaN;
        }
        return new PointSeries(f.variable(), f.units(), row, col, lat, lon, f.times(), mean, std, min, max, lr, nm);
    }

    /** Whether the series has the members' band. */
    public boolean hasBand() {
        return members > 0;
    }

    /** Whether the series has the low-resolution input. */
    public boolean hasLowRes() {
        for (float v : lowRes) if (v == v) return true;
        return false;
    }

    /**
     * Writes the series as CSV, atomically (a temporary file beside {@code file}, then moved):
     * {@code time,lat,lon,mean,std,member_min,member_max,lr_input}, one row per step, empty fields
     * for values the file does not have or no data. Units in the header comment line are those of
     * the file.
     */
    public Path writeCsv(Path file) throws IOException {
        try (AtomicOutput out = AtomicOutput.create()) {
            Path tmp = out.temporaryFor(file);
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("# " + variable + " at row " + row + ", column " + col + " (" + fmt(lat) + " N, " + fmt(lon)
                        + " E), " + units + "; band = min and max over " + members + " members\n");
                w.write("time,lat,lon,mean,std,member_min,member_max,lr_input\n");
                StringBuilder sb = new StringBuilder();
                for (int t = 0; t < times.size(); t++) {
                    sb.setLength(0);
                    sb.append(times.get(t)).append(',').append(fmt(lat)).append(',').append(fmt(lon)).append(',')
                            .append(value(mean[t])).append(',').append(value(std[t])).append(',').append(value(min[t]))
                            .append(',').append(value(max[t])).append(',').append(value(lowRes[t])).append('\n');
                    w.write(sb.toString());
                }
            }
            out.commit();
        }
        return file;
    }

    /** Shortest decimal that reads back as the same float (CSV values equal the file's). */
    private static String value(float v) {
        return v != v ? "" : Float.toString(v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.5f", v);
    }
}
