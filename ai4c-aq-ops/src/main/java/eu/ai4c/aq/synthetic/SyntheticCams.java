package eu.ai4c.aq.synthetic;

import eu.ai4c.kit.io.netcdf.CfPacking;
import eu.ai4c.kit.io.netcdf.NcType;
import eu.ai4c.kit.io.netcdf.Netcdf3Writer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Physically plausible synthetic CAMS-like data for tests, the demo and benchmarks (no CAMS
 * high-resolution truth can be downloaded here). On a regular high-resolution (HR) lat-lon grid:
 * orography (mountain ranges, sea below a coastline), urban fraction (cities with dense cores),
 * smooth meteorology (a westerly flow with travelling waves from a stream function, so the wind is
 * divergence-free; 2 m temperature with a lapse rate and a daily cycle; surface pressure
 * decreasing with height), and PM2.5 = a smooth background + plumes from cities and point sources
 * advected downwind (elongated along the wind at the source, widening with distance) + local urban
 * emissions, lowered over mountains (deeper mixing) and raised at night (shallow boundary layer).
 * PM10 is PM2.5 plus a coarse dust field. Low-resolution (LR) fields are HR fields averaged over
 * blocks of {@code factor × factor} cells (area averaging on the regular grid), as a coarse model
 * would resolve them.
 *
 * <p>Files (netCDF-3 64-bit offset, packed shorts with {@code scale_factor}/{@code add_offset}
 * and {@code _FillValue = -32767}, {@code time} in hours since 1900-01-01 like the CDS delivers):
 * {@link #LR_FILE} ({@code pm2p5, u10, v10, t2m, lsm, sp, z, pm10} on the LR grid), {@link
 * #HR_FILE} ({@code pm2p5} on the HR grid), {@link #STATIC_FILE} ({@code urban_frac, orog} on the
 * HR grid). Latitudes descend (north first) as in CAMS files. Deterministic for a seed.</p>
 */
public final class SyntheticCams {
    public static final String LR_FILE = "cams_lr.nc";
    /**
     * A test-sized SRGAN configuration for the files {@link #write} makes in a {@code data} folder
     * beside it: frames 4 × 4 → 32 × 32, a minimal network, one epoch of batches of 8, 2 members,
     * output into {@code out}. For checks of the services' plumbing, not of learning.
     */
    public static final String TINY_CONFIG = String.join("\n", "input_frame: 4 x 4", "output_frame: 32 x 32",
            "aoi: {lat_min: 30.0, lat_max: 50.0, lon_min: 0.0, lon_max: 20.0}", "output_path: out",
            "generator_filters: 8", "discriminator_filters: 4", "residual_blocks: 1", "noise_channels: 2",
            "learning_rate: 1.0e-3", "batch_size: 8", "critic_steps: 1", "adversarial_weight: 0.001", "epochs: 1",
            "data:", "  lr_path: data/cams_lr.nc", "  hr_path: data/cams_hr.nc", "  static_path: data/static_hr.nc",
            "ensemble_size: 2", "");
    public static final String HR_FILE = "cams_hr.nc";
    public static final String STATIC_FILE = "static_hr.nc";
    /** Packing ranges (min, max) per variable: fixed so that every file of a series packs alike. */
    static final Map<String, double[]> RANGES = new LinkedHashMap<>();
    static final Map<String, String[]> META = new LinkedHashMap<>();

    static {
        range("pm2p5", 0, 600, "ug m-3", "Particulate matter d < 2.5 um", "mass_concentration_of_pm2p5_ambient_aerosol_particles_in_air");
        range("u10", -40, 40, "m s**-1", "10 metre U wind component", "eastward_wind");
        range("v10", -40, 40, "m s**-1", "10 metre V wind component", "northward_wind");
        range("t2m", 200, 330, "K", "2 metre temperature", "air_temperature");
        range("lsm", 0, 1, "(0 - 1)", "Land-sea mask", "land_binary_mask");
        range("sp", 45000, 110000, "Pa", "Surface pressure", "surface_air_pressure");
        range("z", -1000, 60000, "m**2 s**-2", "Geopotential", "geopotential");
        range("pm10", 0, 900, "ug m-3", "Particulate matter d < 10 um", "mass_concentration_of_pm10_ambient_aerosol_particles_in_air");
        range("urban_frac", 0, 1, "1", "Urban fraction", "");
        range("orog", -100, 5000, "m", "Orography (surface height above sea level)", "surface_altitude");
    }

    private static void range(String name, double min, double max, String units, String longName, String std) {
        RANGES.put(name, new double[] {min, max});
        META.put(name, new String[] {units, longName, std});
    }

    /** The LR input variables, in the order of the files. */
    public static final List<String> LR_VARIABLES = List.of("pm2p5", "u10", "v10", "t2m", "lsm", "sp", "z", "pm10");

    private final int hrWidth;
    private final int hrHeight;
    private final int factor;
    private final double north;
    private final double west;
    private final double step;
    private final Instant start;
    private final int hours;
    private final int stepHours;
    private final long seed;
    private final float[] orog;
    private final float[] urban;
    private final float[] land;
    private final List<double[]> sources = new ArrayList<>(); // {row, col, strength, length (cells)}
    private final double[] waves; // {amplitude, kx, ky, speed, phase} × n

    /**
     * @param hrWidth   HR columns (a multiple of {@code factor})
     * @param hrHeight  HR rows (a multiple of {@code factor})
     * @param factor    HR cells per LR cell along each axis (8 for the SRGAN)
     * @param north     latitude of the north edge of the grid, degrees
     * @param west      longitude of the west edge, degrees
     * @param stepDeg   HR cell size, degrees (0.1 as CAMS Europe)
     * @param start     first time step
     * @param steps     number of time steps
     * @param stepHours hours between time steps
     * @param seed      the random seed (same seed, same data)
     */
    public SyntheticCams(int hrWidth, int hrHeight, int factor, double north, double west, double stepDeg, Instant start,
                         int steps, int stepHours, long seed) {
        if (hrWidth % factor != 0 || hrHeight % factor != 0) {
            throw new IllegalArgumentException("HR size " + hrWidth + "×" + hrHeight + " is no multiple of " + factor);
        }
        this.hrWidth = hrWidth;
        this.hrHeight = hrHeight;
        this.factor = factor;
        this.north = north;
        this.west = west;
        this.step = stepDeg;
        this.start = start;
        this.hours = steps;
        this.stepHours = stepHours;
        this.seed = seed;
        SplittableRandom rng = new SplittableRandom(seed);
        int n = hrWidth * hrHeight;
        orog = new float[n];
        urban = new float[n];
        land = new float[n];
        // coastline: sea where a smooth field is low (about a fifth of the area)
        double cA = rng.nextDouble(0, 2 * Math.PI);
        double cB = rng.nextDouble(0, 2 * Math.PI);
        int ranges = 2 + rng.nextInt(3);
        double[][] mountains = new double[ranges][];
        for (int k = 0; k < ranges; k++) {
            mountains[k] = new double[] {rng.nextDouble(0.15, 0.85) * hrHeight, rng.nextDouble(0.15, 0.85) * hrWidth,
                    rng.nextDouble(400, 2500), rng.nextDouble(0.04, 0.12) * Math.max(hrWidth, hrHeight),
                    rng.nextDouble(0, Math.PI), rng.nextDouble(1.5, 4)};
        }
        for (int r = 0; r < hrHeight; r++) {
            for (int c = 0; c < hrWidth; c++) {
                double x = c / (double) hrWidth;
                double y = r / (double) hrHeight;
                double coast = Math.sin(2.1 * Math.PI * x + cA) + 0.8 * Math.sin(1.7 * Math.PI * y + cB)
                        + 0.35 * Math.sin(9 * Math.PI * x + 3 * y);
                boolean isLand = coast > -0.9;
                double h = 0;
                if (isLand) {
                    for (double[] m : mountains) {
                        double dy = r - m[0];
                        double dx = c - m[1];
                        // elongated ridge: long axis at angle m[4], aspect m[5]
                        double along = dx * Math.cos(m[4]) + dy * Math.sin(m[4]);
                        double across = -dx * Math.sin(m[4]) + dy * Math.cos(m[4]);
                        double d2 = (along * along) / (m[5] * m[5] * m[3] * m[3]) + across * across / (m[3] * m[3]);
                        h += m[2] * Math.exp(-d2);
                    }
                    h += 60 + 40 * Math.sin(13 * x + 7 * y) * Math.cos(11 * y - 5 * x) + 80 * (coast + 0.9);
                }
                orog[r * hrWidth + c] = (float) h;
                land[r * hrWidth + c] = isLand ? 1f : 0f;
            }
        }
        // cities on low land: dense core + suburbs; each city and some point sources emit
        int cities = Math.max(3, n / 2500);
        for (int k = 0, tries = 0; k < cities && tries < 1000; tries++) {
            int r = rng.nextInt(hrHeight);
            int c = rng.nextInt(hrWidth);
            if (land[r * hrWidth + c] == 0 || orog[r * hrWidth + c] > 600) continue;
            double radius = rng.nextDouble(1.5, 5.0);
            addCity(r, c, radius);
            sources.add(new double[] {r, c, rng.nextDouble(20, 60) * radius / 3, rng.nextDouble(6, 20)});
            k++;
        }
        int points = Math.max(2, n / 4000);
        for (int k = 0; k < points; k++) {
            sources.add(new double[] {rng.nextInt(hrHeight), rng.nextInt(hrWidth), rng.nextDouble(30, 90),
                    rng.nextDouble(4, 12)});
        }
        int nw = 3;
        waves = new double[nw * 5];
        for (int k = 0; k < nw; k++) {
            waves[k * 5] = rng.nextDouble(0.6, 1.6) * 1e5;    // stream function amplitude, m²/s·(scaled)
            waves[k * 5 + 1] = rng.nextDouble(0.5, 2.5) * 2 * Math.PI / hrWidth;
            waves[k * 5 + 2] = rng.nextDouble(0.5, 2.0) * 2 * Math.PI / hrHeight;
            waves[k * 5 + 3] = rng.nextDouble(-0.15, 0.25);   // phase speed, rad/h
            waves[k * 5 + 4] = rng.nextDouble(0, 2 * Math.PI);
        }
    }

    private void addCity(int r0, int c0, double radius) {
        int reach = (int) Math.ceil(radius * 3);
        for (int r = Math.max(0, r0 - reach); r < Math.min(hrHeight, r0 + reach + 1); r++) {
            for (int c = Math.max(0, c0 - reach); c < Math.min(hrWidth, c0 + reach + 1); c++) {
                int i = r * hrWidth + c;
                if (land[i] == 0) continue;
                double d = Math.hypot(r - r0, c - c0) / radius;
                double f = d < 1 ? 0.9 - 0.3 * d : 0.6 * Math.exp(-2.2 * (d - 1));
                urban[i] = (float) Math.min(1, urban[i] + Math.max(0, f));
            }
        }
    }

    public int hrWidth() {
        return hrWidth;
    }

    public int hrHeight() {
        return hrHeight;
    }

    public int factor() {
        return factor;
    }

    public int steps() {
        return hours;
    }

    /** The instant of time step {@code t}. */
    public Instant time(int t) {
        return start.plus(Duration.ofHours((long) t * stepHours));
    }

    /** Urban fraction on the HR grid (north first), 0–1. */
    public float[] urbanFraction() {
        return urban.clone();
    }

    /** Orography on the HR grid, metres. */
    public float[] orography() {
        return orog.clone();
    }

    /**
     * The HR fields of one time step: {@code pm2p5, u10, v10, t2m, lsm, sp, z, pm10} (the order of
     * {@link #LR_VARIABLES}), each {@code hrHeight × hrWidth}, north first.
     */
    public float[][] hrFields(int t) {
        int n = hrWidth * hrHeight;
        float[] u = new float[n];
        float[] v = new float[n];
        float[] t2 = new float[n];
        float[] sp = new float[n];
        float[] z = new float[n];
        float[] pm = new float[n];
        float[] pm10 = new float[n];
        double hour = t * (double) stepHours;
        double hourOfDay = ((time(t).getEpochSecond() / 3600) % 24 + 24) % 24;
        double cellMetres = step * 111_000;
        // wind from the stream function ψ: u = −∂ψ/∂y (y northwards), v = ∂ψ/∂x, plus a westerly
        double westerly = 4 + 3 * Math.sin(hour / 40.0 + seed);
        for (int r = 0; r < hrHeight; r++) {
            for (int c = 0; c < hrWidth; c++) {
                double du = 0;
                double dv = 0;
                for (int k = 0; k < waves.length; k += 5) {
                    double ph = waves[k + 1] * c - waves[k + 2] * r + waves[k + 4] - waves[k + 3] * hour;
                    double a = waves[k] / (cellMetres * hrWidth / 10);
                    // ψ = a·sin(ph); ∂ph/∂x = kx/cell, ∂ph/∂y = ky/cell (row index grows southwards)
                    du -= a * Math.cos(ph) * waves[k + 2];
                    dv += a * Math.cos(ph) * waves[k + 1];
                }
                int i = r * hrWidth + c;
                double slow = 1 / (1 + orog[i] / 1500.0);
                u[i] = (float) ((westerly + du * 60) * (0.6 + 0.4 * slow));
                v[i] = (float) (dv * 60 * (0.6 + 0.4 * slow));
                double lat = north - (r + 0.5) * step;
                t2[i] = (float) (288 - 0.6 * (lat - 45) - 0.0065 * orog[i] + 5 * Math.sin((hourOfDay - 9) / 24 * 2 * Math.PI)
                        + 2 * Math.sin(hour / 70.0 + c * 0.01));
                sp[i] = (float) (101_325 * Math.exp(-orog[i] / 8_400.0) + 800 * Math.sin(hour / 55.0 + r * 0.02));
                z[i] = (float) (9.80665 * orog[i]);
            }
        }
        // PM2.5: background, local urban emissions, plumes advected downwind, mountains cleaner, nights dirtier
        double night = 1 + 0.35 * Math.cos((hourOfDay - 3) / 24 * 2 * Math.PI);
        IntStream.range(0, hrHeight).parallel().forEach(r -> {
            for (int c = 0; c < hrWidth; c++) {
                int i = r * hrWidth + c;
                double bg = 8 + 4 * Math.sin(c * 0.02 + hour / 30.0) * Math.cos(r * 0.025 - hour / 45.0) + 2 * land[i];
                double local = 60 * urban[i];
                double plume = 0;
                for (double[] s : sources) {
                    int si = (int) s[0] * hrWidth + (int) s[1];
                    double wu = u[si];
                    double wv = v[si];
                    double speed = Math.hypot(wu, wv) + 0.5;
                    double ex = wu / speed;
                    double ey = -wv / speed; // rows grow southwards
                    double dx = c - s[1];
                    double dy = r - s[0];
                    double along = dx * ex + dy * ey;
                    double across = -dx * ey + dy * ex;
                    double len = s[3] * (0.5 + speed / 8);
                    if (along < -3) continue;
                    double a = Math.max(along, 0);
                    double width = 1.2 + 0.25 * a;
                    plume += s[2] / (1 + speed / 5) * Math.exp(-a / len) * Math.exp(-0.5 * across * across / (width * width))
                            * (along < 0 ? Math.exp(along) : 1);
                }
                double mix = Math.exp(-orog[i] / 1200.0);
                pm[i] = (float) ((bg + local + plume) * night * (0.35 + 0.65 * mix));
                pm10[i] = (float) (pm[i] * 1.35 + 6 + 3 * Math.sin(c * 0.01 - hour / 60.0) + 4 * (1 - land[i]) * 0);
            }
        });
        return new float[][] {pm, u, v, t2, land.clone(), sp, z, pm10};
    }

    /** Averages an HR field over blocks of {@code factor × factor} cells (area average on the regular grid). */
    public static float[] coarsen(float[] hr, int hrWidth, int hrHeight, int factor) {
        int w = hrWidth / factor;
        int h = hrHeight / factor;
        float[] lr = new float[w * h];
        double inv = 1.0 / (factor * factor);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double s = 0;
                for (int y = 0; y < factor; y++) {
                    int row = (r * factor + y) * hrWidth + c * factor;
                    for (int x = 0; x < factor; x++) s += hr[row + x];
                }
                lr[r * w + c] = (float) (s * inv);
            }
        }
        return lr;
    }

    /** Writes the three files into {@code folder} and returns their paths (LR, HR, static). */
    public List<Path> write(Path folder) throws IOException {
        int lw = hrWidth / factor;
        int lh = hrHeight / factor;
        float[][][] lr = new float[hours][][];
        float[][] hrPm = new float[hours][];
        for (int t = 0; t < hours; t++) {
            float[][] f = hrFields(t);
            hrPm[t] = f[0];
            lr[t] = new float[f.length][];
            for (int k = 0; k < f.length; k++) lr[t][k] = coarsen(f[k], hrWidth, hrHeight, factor);
        }
        double[] times = new double[hours];
        Instant epoch1900 = Instant.parse("1900-01-01T00:00:00Z");
        for (int t = 0; t < hours; t++) times[t] = Duration.between(epoch1900, time(t)).toHours();
        Path lrFile = folder.resolve(LR_FILE);
        Netcdf3Writer w = grid(lw, lh, step * factor, true);
        for (String name : LR_VARIABLES) packed(w, name, List.of("time", "latitude", "longitude"));
        w.write(lrFile, (name, index, out) -> {
            if (fillAxis(name, out, times, lw, lh, step * factor)) return;
            float[] src = lr[index][LR_VARIABLES.indexOf(name)];
            for (int i = 0; i < src.length; i++) out[i] = src[i];
        });
        Path hrFile = folder.resolve(HR_FILE);
        Netcdf3Writer hw = grid(hrWidth, hrHeight, step, true);
        packed(hw, "pm2p5", List.of("time", "latitude", "longitude"));
        hw.write(hrFile, (name, index, out) -> {
            if (fillAxis(name, out, times, hrWidth, hrHeight, step)) return;
            float[] src = hrPm[index];
            for (int i = 0; i < src.length; i++) out[i] = src[i];
        });
        Path staticFile = folder.resolve(STATIC_FILE);
        Netcdf3Writer sw = grid(hrWidth, hrHeight, step, false);
        packed(sw, "urban_frac", List.of("latitude", "longitude"));
        packed(sw, "orog", List.of("latitude", "longitude"));
        sw.write(staticFile, (name, index, out) -> {
            if (fillAxis(name, out, times, hrWidth, hrHeight, step)) return;
            float[] src = name.equals("urban_frac") ? urban : orog;
            for (int c = 0; c < hrWidth; c++) out[c] = src[index * hrWidth + c];
        });
        return List.of(lrFile, hrFile, staticFile);
    }

    private Netcdf3Writer grid(int w, int h, double cell, boolean withTime) {
        Netcdf3Writer nc = new Netcdf3Writer().dimension("longitude", w).dimension("latitude", h);
        if (withTime) nc.dimension("time", hours);
        nc.attribute("Conventions", "CF-1.6")
                .attribute("history", "AI4C synthetic CAMS-like data (eu.ai4c.aq.synthetic.SyntheticCams, seed " + seed + ")")
                .variable("longitude", NcType.FLOAT, List.of("longitude"), Map.of("units", "degrees_east", "long_name", "longitude"))
                .variable("latitude", NcType.FLOAT, List.of("latitude"), Map.of("units", "degrees_north", "long_name", "latitude"));
        if (withTime) {
            nc.variable("time", NcType.INT, List.of("time"), Map.of("units", "hours since 1900-01-01 00:00:00.0",
                    "long_name", "time", "calendar", "gregorian"));
        }
        return nc;
    }

    private boolean fillAxis(String name, double[] out, double[] times, int w, int h, double cell) {
        switch (name) {
            case "longitude" -> {
                for (int c = 0; c < w; c++) out[c] = west + (c + 0.5) * cell;
                return true;
            }
            case "latitude" -> {
                for (int r = 0; r < h; r++) out[r] = north - (r + 0.5) * cell;
                return true;
            }
            case "time" -> {
                System.arraycopy(times, 0, out, 0, times.length);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static void packed(Netcdf3Writer w, String name, List<String> dims) {
        double[] range = RANGES.get(name);
        double[] so = CfPacking.shortScaleOffset(range[0], range[1]);
        String[] meta = META.get(name);
        Map<String, Object> atts = new LinkedHashMap<>();
        atts.put("scale_factor", so[0]);
        atts.put("add_offset", so[1]);
        atts.put("_FillValue", (short) -32767);
        atts.put("missing_value", (short) -32767);
        atts.put("units", meta[0]);
        atts.put("long_name", meta[1]);
        if (!meta[2].isEmpty()) atts.put("standard_name", meta[2]);
        w.variable(name, NcType.SHORT, dims, atts);
    }
}
