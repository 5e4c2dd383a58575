package eu.ai4c.agri.composite;

import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Region;

import eu.ai4c.kit.progress.Progress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Computes the 12 monthly composites of all bands over one pixel region: the driver around
 * {@link MonthlyMedian} and {@link GapFilling}. For each month it reads the LAI of the month's
 * dates once into validity masks (valid where LAI is neither no-data, NaN nor 0: 0 marks clouds
 * as in specification 3.2.3.4), then band by band the REFBOA samples of those dates, and takes
 * the per-pixel median.
 *
 * <p>REFBOA samples are used as uint16; float reflectance (such as {@code S2-preprocess} writes,
 * 0..1 with NaN no-data) is scaled by {@value #REFLECTANCE_SCALE} (the Sentinel-2 L2A
 * quantification value) and rounded. A sample equal to the band's no-data value (0 when it declares
 * none) is invalid.</p>
 *
 * <h2>Memory</h2>
 * Per call: the samples of one month of one band ({@code datesInMonth × pixels × 2} bytes), the
 * month's masks ({@code datesInMonth × pixels} bytes) and the result
 * ({@code 12 × bands × pixels × 2} bytes); independent of the number of dates in the year.
 *
 * <h2>Thread-safety</h2>
 * Thread-safe: each thread gets its own median scratch.
 */
public final class CompositeTileComputer {
    /** Reflectance → uint16 factor for float inputs (Sentinel-2 BOA_QUANTIFICATION_VALUE). */
    public static final double REFLECTANCE_SCALE = 10000.0;

    private final List<Acquisition>[] byMonth;
    private final int bands;
    private final int noData;
    private final boolean gapFilling;
    private final ThreadLocal<MonthlyMedian> medians;
    private final ExecutorService pool;

    /** A computer that runs the months of a tile one after the other in the calling thread. */
    public CompositeTileComputer(List<Acquisition> acquisitions, int bands, int noData, boolean gapFilling) {
        this(acquisitions, bands, noData, gapFilling, null);
    }

    /**
     * @param acquisitions the time series (months already assigned)
     * @param bands        number of REFBOA bands
     * @param noData       REFBOA no-data value as uint16 (also the output no-data)
     * @param gapFilling   whether to interpolate empty months
     * @param pool         runs the 12 months of a tile side by side (they read different files, so no
     *                     chunk is decoded twice), or null for the calling thread alone
     */
    @SuppressWarnings("unchecked")
    public CompositeTileComputer(List<Acquisition> acquisitions, int bands, int noData, boolean gapFilling,
                                 ExecutorService pool) {
        this.pool = pool;
        this.byMonth = new List[AgronomicYear.MONTHS];
        for (int m = 0; m < byMonth.length; m++) byMonth[m] = new ArrayList<>();
        int most = 1;
        for (Acquisition a : acquisitions) {
            byMonth[a.month()].add(a);
            most = Math.max(most, byMonth[a.month()].size());
        }
        final int scratch = most;
        this.bands = bands;
        this.noData = noData;
        this.gapFilling = gapFilling;
        this.medians = ThreadLocal.withInitial(() -> new MonthlyMedian(scratch));
    }

    /** Number of dates in month {@code m} (0 = September). */
    public int dates(int month) {
        return byMonth[month].size();
    }

    /**
     * The composites of {@code region}: {@code [month][band]} uint16 arrays of {@code region.area()}
     * samples, no-data where a month has no valid sample (after gap filling when enabled).
     */
    public short[][][] compute(Region region) throws IOException {
        int n = Math.toIntExact(region.area());
        short[][][] out = new short[AgronomicYear.MONTHS][][];
        if (pool == null) {
            for (int m = 0; m < AgronomicYear.MONTHS; m++) out[m] = month(m, region, n);
        } else {
            // The writers all wait for the same next tile, so one tile at a time is computed: its
            // months in parallel are what keeps every core busy (inflating inputs is most of the work).
            List<Future<short[][]>> months = new ArrayList<>();
            for (int m = 0; m < AgronomicYear.MONTHS; m++) {
                final int month = m;
                months.add(pool.submit(() -> month(month, region, n)));
            }
            try {
                for (int m = 0; m < AgronomicYear.MONTHS; m++) out[m] = months.get(m).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Progress.Cancelled();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) throw io;
                if (cause instanceof RuntimeException re) throw re;
                if (cause instanceof Error err) throw err;
                throw new IOException("Monthly composite failed: " + cause, cause);
            } finally {
                for (Future<short[][]> f : months) f.cancel(false); // after a failure: skip the months not started
            }
        }
        if (gapFilling) {
            short[][] series = new short[AgronomicYear.MONTHS][];
            for (int b = 0; b < bands; b++) {
                for (int m = 0; m < AgronomicYear.MONTHS; m++) series[m] = out[m][b];
                GapFilling.fill(series, n, noData);
            }
        }
        return out;
    }

    /** The composites of all bands of month {@code m} over {@code region} ({@code n} pixels). */
    private short[][] month(int m, Region region, int n) throws IOException {
        List<Acquisition> dates = byMonth[m];
        int t = dates.size();
        MonthlyMedian median = medians.get();
        byte[][] valid = new byte[t][];
        for (int d = 0; d < t; d++) {
            Acquisition a = dates.get(d);
            valid[d] = laiValid(a.lai().read(0, region), a.lai().bands().get(0), n);
        }
        short[][] samples = new short[t][];
        short[][] result = new short[bands][];
        for (int b = 0; b < bands; b++) {
            short[] r = new short[n];
            if (t == 0) {
                if (noData != 0) java.util.Arrays.fill(r, (short) noData);
            } else {
                for (int d = 0; d < t; d++) samples[d] = asUint16(dates.get(d).boa().read(b, region), n);
                median.compute(samples, valid, t, n, noData, r);
            }
            result[b] = r;
        }
        return result;
    }

    /** 1 where the LAI sample is a clear-sky value: not the band's no-data, not NaN, not 0. */
    static byte[] laiValid(Block lai, Band band, int n) {
        byte[] valid = new byte[n];
        boolean hasNoData = band.hasNoData() && !Double.isNaN(band.noData());
        switch (lai.type()) {
            case FLOAT32 -> {
                float[] a = lai.floats();
                // no declared no-data: a value that can never occur stands in (NaN compares false)
                float nd = hasNoData ? (float) band.noData() : Float.NaN;
                for (int i = 0; i < n; i++) valid[i] = (byte) (a[i] != 0f && a[i] == a[i] && a[i] != nd ? 1 : 0);
            }
            case UINT16, INT16 -> {
                short[] a = lai.shorts();
                int nd = hasNoData ? (int) band.noData() : 0;
                int mask = lai.type() == DataType.UINT16 ? 0xFFFF : -1;
                for (int i = 0; i < n; i++) {
                    int v = a[i] & mask, e = v ^ nd;
                    // 1 when v != 0 and v != nd, without branches (cloud edges are unpredictable)
                    valid[i] = (byte) (((v | -v) & (e | -e)) >>> 31);
                }
            }
            case BYTE -> {
                byte[] a = lai.bytes();
                int nd = hasNoData ? (int) band.noData() : 0;
                for (int i = 0; i < n; i++) valid[i] = (byte) (a[i] != 0 && (a[i] & 0xFF) != nd ? 1 : 0);
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    double v = lai.getDouble(i);
                    valid[i] = (byte) (v != 0 && !Double.isNaN(v) && !band.isNoData(v) ? 1 : 0);
                }
            }
        }
        return valid;
    }

    /** The block as uint16 samples: UINT16 as is, floats as reflectance × 10000 (NaN → 0), others clamped. */
    static short[] asUint16(Block block, int n) {
        switch (block.type()) {
            case UINT16:
                return block.shorts();
            case FLOAT32: {
                float[] a = block.floats();
                short[] s = new short[n];
                for (int i = 0; i < n; i++) {
                    double v = a[i] * REFLECTANCE_SCALE;
                    s[i] = v == v ? (short) (int) Math.max(0, Math.min(65535, Math.rint(v))) : 0;
                }
                return s;
            }
            default: {
                short[] s = new short[n];
                boolean floating = block.type().isFloating();
                for (int i = 0; i < n; i++) {
                    double v = block.getDouble(i) * (floating ? REFLECTANCE_SCALE : 1);
                    s[i] = Double.isNaN(v) ? 0 : (short) (int) Math.max(0, Math.min(65535, Math.rint(v)));
                }
                return s;
            }
        }
    }
}
