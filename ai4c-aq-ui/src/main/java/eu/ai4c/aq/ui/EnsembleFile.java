package eu.ai4c.aq.ui;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.netcdf.CfGrid;
import eu.ai4c.kit.io.netcdf.CfTime;
import eu.ai4c.kit.io.netcdf.NcVariable;
import eu.ai4c.kit.io.netcdf.Netcdf;
import eu.ai4c.kit.io.netcdf.NetcdfFile;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A downscaled ensemble as {@code aqgan-generate} and {@code aqgan-predict} write it, read one
 * time step at a time (memory independent of the period): the CF netCDF ({@code <var>_mean} and
 * {@code <var>_std} on {@code (time, lat, lon)}, with the CF {@code time} axis) or the GeoTIFF of
 * the mean (one band per time step, named {@code mean_<ISO time>}; it has no spread). Fields come
 * in canonical order: rows north to south, columns west to east. The value range of each field
 * over all time steps is found on opening (one pass, one step in memory), so that colours mean the
 * same value at every step. Not thread-safe: one reader at a time.
 */
public final class EnsembleFile implements Closeable {
    /** How the view names the concentration unit the services write ({@code ug m-3}). */
    public static final String MICROGRAMS_PER_CUBIC_METRE = "µg/m³";

    private final Path path;
    private final String variable;
    private final String units;
    private final int width;
    private final int height;
    private final double north;
    private final double west;
    private final double latStep;
    private final double lonStep;
    private final List<Instant> times;
    private final NetcdfFile netcdf;
    private final CfGrid grid;
    private final NcVariable mean;
    private final NcVariable std;
    /** {@code <var>(time, member, lat, lon)}, or null. */
    private final NcVariable members;
    private final int memberCount;
    /** The low-resolution input {@code <var>_lr(time, lat_lr, lon_lr)}, or null. */
    private final NcVariable lowRes;
    private final CfGrid lowResGrid;
    private final Raster raster;
    private final double[] meanRange;
    private final double[] stdRange;

    private EnsembleFile(Path path, String variable, String units, CfGrid grid, List<Instant> times,
                         NetcdfFile netcdf, NcVariable mean, NcVariable std, NcVariable members, NcVariable lowRes,
                         Raster raster, double north, double west, double latStep, double lonStep, int width, int height)
            throws IOException {
        this.path = path;
        this.variable = variable;
        this.units = units;
        this.grid = grid;
        this.times = List.copyOf(times);
        this.netcdf = netcdf;
        this.mean = mean;
        this.std = std;
        this.members = members;
        this.memberCount = members == null ? 0 : (int) netcdf.dimensions().stream()
                .filter(d -> d.name().equals(members.dimensions().get(1))).findFirst().orElseThrow().length();
        this.lowRes = lowRes;
        this.lowResGrid = lowRes == null ? null : CfGrid.of(netcdf, lowRes);
        this.raster = raster;
        this.north = north;
        this.west = west;
        this.latStep = latStep;
        this.lonStep = lonStep;
        this.width = width;
        this.height = height;
        this.meanRange = range(true);
        this.stdRange = std == null ? null : range(false);
    }

    /**
     * Opens a netCDF ({@code .nc}) or GeoTIFF ({@code .tif}) output of the aqgan services.
     *
     * @throws Ai4cException naming the file, what it lacks and what to open instead
     */
    public static EnsembleFile open(Path path) throws IOException {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tif") || name.endsWith(".tiff")) return openGeoTiff(path);
        NetcdfFile f = Netcdf.open(path);
        try {
            NcVariable mean = null;
            for (NcVariable v : f.variables()) {
                if (v.name().endsWith("_mean") && v.rank() == 3) {
                    mean = v;
                    break;
                }
            }
            if (mean == null) {
                throw new Ai4cException(path + " holds no ensemble mean (a variable <name>_mean on time, lat, lon; it"
                        + " has " + f.variables().stream().map(NcVariable::name).toList() + "). Open the .nc file that"
                        + " aqgan-generate or aqgan-predict wrote.");
            }
            String variable = mean.name().substring(0, mean.name().length() - "_mean".length());
            NcVariable std = f.findVariable(variable + "_std");
            NcVariable time = f.findVariable(mean.dimensions().get(0));
            if (time == null) {
                throw new Ai4cException(path + ": " + mean.name() + " has no coordinate variable for its first dimension "
                        + mean.dimensions().get(0) + ". Open the .nc file that aqgan-generate or aqgan-predict wrote.");
            }
            CfTime cf = CfTime.of(time);
            List<Instant> times = new ArrayList<>();
            for (double v : f.readDouble(time, -1)) times.add(cf.toInstant(v));
            CfGrid grid = CfGrid.of(f, mean);
            NcVariable members = f.findVariable(variable);
            if (members != null && (members.rank() != 4 || !members.dimensions().get(0).equals(mean.dimensions().get(0))
                    || !members.dimensions().subList(2, 4).equals(mean.dimensions().subList(1, 3)))) {
                members = null; // not the (time, member, lat, lon) of the services' writer: no member view
            }
            NcVariable lowRes = f.findVariable(variable + "_lr");
            if (lowRes != null && (lowRes.rank() != 3 || !lowRes.dimensions().get(0).equals(mean.dimensions().get(0)))) {
                lowRes = null;
            }
            return new EnsembleFile(path, variable, displayUnits(mean.text("units")), grid, times, f, mean, std, members,
                    lowRes, null,
                    grid.north(), grid.west(), grid.latStep(), grid.lonStep(), grid.width(), grid.height());
        } catch (IOException | RuntimeException e) {
            f.close();
            throw e;
        }
    }

    private static EnsembleFile openGeoTiff(Path path) throws IOException {
        Product p = ProductIO.read(path);
        Raster r = p.raster();
        List<Instant> times = new ArrayList<>();
        for (Band b : r.bands()) {
            String n = b.name();
            if (!n.startsWith("mean_")) {
                throw new Ai4cException(path + " has a band \"" + n + "\", not mean_<time>: it is not the GeoTIFF of an"
                        + " ensemble mean written by aqgan-generate or aqgan-predict.");
            }
            try {
                times.add(Instant.parse(n.substring(5)));
            } catch (DateTimeParseException e) {
                throw new Ai4cException(path + ": band \"" + n + "\" does not name its time (mean_<ISO time>).");
            }
        }
        double[] t = r.geoCoding() instanceof eu.ai4c.kit.geo.MapGeoCoding m ? m.geoTransform() : null;
        double west = t == null ? Double.NaN : t[0] + t[1] / 2;
        double north = t == null ? Double.NaN : t[3] + t[5] / 2;
        return new EnsembleFile(path, "pm2p5", displayUnits(r.bands().isEmpty() ? "" : r.bands().get(0).unit()), null,
                times, null, null, null, null, null, r, north, west, t == null ? Double.NaN : -t[5], t == null ? Double.NaN : t[1],
                r.width(), r.height());
    }

    /** {@code ug m-3}, {@code ug m**-3}, {@code µg m-3} → µg/m³; other units as written. */
    static String displayUnits(String units) {
        if (units == null) return "";
        String u = units.trim().replace('μ', 'µ');
        if (u.matches("(ug|µg) ?(m-3|m\\*\\*-3|m\\^-3|/m3|/m\\^3|m⁻³)")) return MICROGRAMS_PER_CUBIC_METRE;
        return u;
    }

    /** The ensemble mean at time step {@code t}, {@code width × height} canonical, NaN = no data. */
    public float[] mean(int t) throws IOException {
        check(t);
        if (raster != null) {
            return (float[]) raster.read(t, raster.bounds()).array();
        }
        return grid.toCanonical(netcdf.read(mean, t));
    }

    /** The ensemble standard deviation at step {@code t}; a clear error when the file has none ({@link #hasSpread}). */
    public float[] std(int t) throws IOException {
        check(t);
        if (std == null) {
            throw new Ai4cException(path + " holds the ensemble mean only (a GeoTIFF, or a netCDF without "
                    + variable + "_std). Open the .nc file beside it for the spread.");
        }
        return grid.toCanonical(netcdf.read(std, t));
    }

    /** Ensemble members in the file (0 for a GeoTIFF or a netCDF without {@code <var>(time, member, lat, lon)}). */
    public int memberCount() {
        return memberCount;
    }

    /** Member {@code m} (0-based) at step {@code t}, {@code width × height} canonical. */
    public float[] member(int t, int m) throws IOException {
        check(t);
        float[] all = members(t);
        int plane = width * height;
        if (m < 0 || m >= memberCount) throw new IndexOutOfBoundsException("member " + m + " of " + memberCount);
        return java.util.Arrays.copyOfRange(all, m * plane, (m + 1) * plane);
    }

    /** All members at step {@code t}, {@code memberCount} canonical planes one after the other. */
    public float[] members(int t) throws IOException {
        check(t);
        if (members == null) {
            throw new Ai4cException(path + " holds no ensemble members (a GeoTIFF of the mean, or a netCDF without "
                    + variable + "(time, member, lat, lon)). Open the .nc file that aqgan-generate or aqgan-predict"
                    + " wrote.");
        }
        return grid.toCanonical(netcdf.read(members, t));
    }

    /** Whether the file holds the low-resolution input ({@code <var>_lr}) the ensemble was made from. */
    public boolean hasLowResolution() {
        return lowRes != null;
    }

    /**
     * The low-resolution input at step {@code t} in the LR cell that contains the point, NaN when
     * the point is outside the LR grid; a clear error without {@link #hasLowResolution}.
     */
    public float lowResolutionAt(int t, double lat, double lon) throws IOException {
        check(t);
        if (lowRes == null) {
            throw new Ai4cException(path + " holds no low-resolution input (" + variable + "_lr).");
        }
        int r = (int) Math.round((lowResGrid.north() - lat) / lowResGrid.latStep());
        int c = (int) Math.round((lon - lowResGrid.west()) / lowResGrid.lonStep());
        if (r < 0 || c < 0 || r >= lowResGrid.height() || c >= lowResGrid.width()) return Float.NaN;
        return lowResGrid.toCanonical(netcdf.read(lowRes, t))[r * lowResGrid.width() + c];
    }

    /** Latitude of the centre of row {@code r}. */
    public double latitude(int r) {
        return north - r * latStep;
    }

    /** Longitude of the centre of column {@code c}. */
    public double longitude(int c) {
        return west + c * lonStep;
    }

    private void check(int t) {
        if (t < 0 || t >= times.size()) {
            throw new IndexOutOfBoundsException("time step " + t + " of " + times.size());
        }
    }

    /** {min, max} of the finite values over all steps ({0, 0} when there are none). */
    private double[] range(boolean ofMean) throws IOException {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < times.size(); t++) {
            float[] v = ofMean ? mean(t) : std(t);
            for (float x : v) {
                if (x < lo) lo = x; // NaN compares false: skipped
                if (x > hi) hi = x;
            }
        }
        return lo > hi ? new double[] {0, 0} : new double[] {lo, hi};
    }

    public Path path() {
        return path;
    }

    /** The variable's short name ({@code pm2p5}). */
    public String variable() {
        return variable;
    }

    /** Units for display ({@link #MICROGRAMS_PER_CUBIC_METRE} for the services' outputs). */
    public String units() {
        return units;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Latitude of the centre of row 0 (degrees north). */
    public double north() {
        return north;
    }

    /** Longitude of the centre of column 0 (degrees east). */
    public double west() {
        return west;
    }

    /** Row spacing (degrees, positive). */
    public double latStep() {
        return latStep;
    }

    /** Column spacing (degrees). */
    public double lonStep() {
        return lonStep;
    }

    public List<Instant> times() {
        return times;
    }

    /** Whether the file holds the ensemble standard deviation. */
    public boolean hasSpread() {
        return std != null;
    }

    /** {min, max} of the mean over all time steps. */
    public double[] meanRange() {
        return meanRange.clone();
    }

    /** {min, max} of the standard deviation over all time steps, or null without spread. */
    public double[] stdRange() {
        return stdRange == null ? null : stdRange.clone();
    }

    @Override
    public void close() throws IOException {
        if (netcdf != null) netcdf.close();
    }
}
