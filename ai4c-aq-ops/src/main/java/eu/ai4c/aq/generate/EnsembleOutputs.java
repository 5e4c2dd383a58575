package eu.ai4c.aq.generate;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.geotiff.GeoTiffWriter;
import eu.ai4c.kit.io.netcdf.CfGrid;
import eu.ai4c.kit.io.netcdf.CfTime;
import eu.ai4c.kit.io.netcdf.NcType;
import eu.ai4c.kit.io.netcdf.Netcdf3Writer;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Region;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes generated HR ensembles: a CF-1.8 netCDF ({@code <var>(time, member, lat, lon)} plus
 * {@code <var>_mean} and {@code <var>_std} (time, lat, lon), with units and long names; readable by
 * ncdump, GDAL and xarray), a GeoTIFF of the ensemble mean (one band per time step, WGS 84) and a
 * CSV at points of interest (nearest HR cell). Each file is written atomically. Stateless.
 */
public final class EnsembleOutputs {
    static final CfTime HOURS = CfTime.parse("hours since 1900-01-01 00:00:00", "standard", "time");

    private EnsembleOutputs() {
    }

    /** Ensemble mean per cell. */
    public static float[] mean(float[][] members) {
        float[] m = new float[members[0].length];
        for (float[] x : members) for (int i = 0; i < m.length; i++) m[i] += x[i];
        for (int i = 0; i < m.length; i++) m[i] /= members.length;
        return m;
    }

    /** Ensemble standard deviation per cell (unbiased, 0 for one member). */
    public static float[] std(float[][] members, float[] mean) {
        float[] s = new float[mean.length];
        if (members.length < 2) return s;
        for (float[] x : members) {
            for (int i = 0; i < s.length; i++) s[i] += (x[i] - mean[i]) * (x[i] - mean[i]);
        }
        for (int i = 0; i < s.length; i++) s[i] = (float) Math.sqrt(s[i] / (members.length - 1));
        return s;
    }

    /**
     * The CF netCDF of an ensemble.
     *
     * @param members {@code [time][member][cells]} in canonical order on {@code grid}
     */
    public static Path netcdf(Path file, CfGrid grid, List<Instant> times, float[][][] members, String variable,
                              String units, String source) throws IOException {
        return netcdf(file, grid, times, EnsembleSteps.of(members), variable, units, source);
    }

    /**
     * The CF netCDF of an ensemble read a step at a time from {@code steps} (each variable is
     * streamed one time step at a time: memory for one step).
     */
    public static Path netcdf(Path file, CfGrid grid, List<Instant> times, EnsembleSteps steps, String variable,
                              String units, String source) throws IOException {
        return netcdf(file, grid, times, steps, variable, units, source, null);
    }

    /**
     * The low-resolution input the ensemble was made from: its grid and one field per time step
     * (member 0 of {@code steps}), written as {@code <var>_lr(time, lat_lr, lon_lr)} for comparison.
     */
    public record LowRes(CfGrid grid, EnsembleSteps steps) {
    }

    /** As above, with the low-resolution input ({@code lr} may be null). */
    public static Path netcdf(Path file, CfGrid grid, List<Instant> times, EnsembleSteps steps, String variable,
                              String units, String source, LowRes lr) throws IOException {
        int nm = steps.members();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("units", units);
        v.put("long_name", variable.equals("pm2p5") ? "PM2.5 mass concentration, downscaled ensemble member"
                : variable + " downscaled ensemble member");
        if (variable.equals("pm2p5")) v.put("standard_name", "mass_concentration_of_pm2p5_ambient_aerosol_particles_in_air");
        v.put("_FillValue", Float.NaN);
        Map<String, Object> mean = new LinkedHashMap<>(v);
        mean.put("long_name", variable + " ensemble mean");
        mean.put("cell_methods", "member: mean");
        Map<String, Object> std = new LinkedHashMap<>(v);
        std.put("long_name", variable + " ensemble standard deviation");
        std.put("cell_methods", "member: standard_deviation");
        std.remove("standard_name");
        Netcdf3Writer writer = new Netcdf3Writer()
                .dimension("time", times.size()).dimension("member", nm)
                .dimension("lat", grid.height()).dimension("lon", grid.width());
        if (lr != null) writer.dimension("lat_lr", lr.grid().height()).dimension("lon_lr", lr.grid().width());
        writer.attribute("Conventions", "CF-1.8")
                .attribute("title", "AI4C probabilistic downscaling of CAMS " + variable + " (SRGAN ensemble)")
                .attribute("institution", "AI4C")
                .attribute("source", source)
                .attribute("history", Instant.now().toString() + " AI4C aqgan")
                .variable("time", NcType.DOUBLE, List.of("time"), Map.of("units", HOURS.units(), "calendar", "standard",
                        "standard_name", "time", "axis", "T"))
                .variable("member", NcType.INT, List.of("member"), Map.of("long_name", "ensemble member",
                        "standard_name", "realization"))
                .variable("lat", NcType.DOUBLE, List.of("lat"), Map.of("units", "degrees_north",
                        "standard_name", "latitude", "axis", "Y"))
                .variable("lon", NcType.DOUBLE, List.of("lon"), Map.of("units", "degrees_east",
                        "standard_name", "longitude", "axis", "X"))
                .variable(variable, NcType.FLOAT, List.of("time", "member", "lat", "lon"), v)
                .variable(variable + "_mean", NcType.FLOAT, List.of("time", "lat", "lon"), mean)
                .variable(variable + "_std", NcType.FLOAT, List.of("time", "lat", "lon"), std);
        if (lr != null) {
            Map<String, Object> low = new LinkedHashMap<>(v);
            low.put("long_name", variable + " low-resolution input (as downscaled, on its own grid)");
            low.remove("standard_name");
            writer.variable("lat_lr", NcType.DOUBLE, List.of("lat_lr"), Map.of("units", "degrees_north",
                            "standard_name", "latitude", "long_name", "latitude of the low-resolution input"))
                    .variable("lon_lr", NcType.DOUBLE, List.of("lon_lr"), Map.of("units", "degrees_east",
                            "standard_name", "longitude", "long_name", "longitude of the low-resolution input"))
                    .variable(variable + "_lr", NcType.FLOAT, List.of("time", "lat_lr", "lon_lr"), low);
        }
        return writer.write(file, (name, index, out) -> {
                    switch (name) {
                        case "time" -> { for (int t = 0; t < times.size(); t++) out[t] = HOURS.toValue(times.get(t)); }
                        case "member" -> { for (int m = 0; m < nm; m++) out[m] = m + 1; }
                        case "lat" -> { for (int r = 0; r < grid.height(); r++) out[r] = grid.latitude(r); }
                        case "lon" -> { for (int c = 0; c < grid.width(); c++) out[c] = grid.longitude(c); }
                        case "lat_lr" -> { for (int r = 0; r < lr.grid().height(); r++) out[r] = lr.grid().latitude(r); }
                        case "lon_lr" -> { for (int c = 0; c < lr.grid().width(); c++) out[c] = lr.grid().longitude(c); }
                        default -> {
                            if (name.equals(variable + "_lr")) {
                                copy(lr.steps().members(index)[0], out, 0);
                            } else if (name.endsWith("_mean")) {
                                copy(steps.mean(index), out, 0);
                            } else if (name.endsWith("_std")) {
                                copy(steps.std(index), out, 0);
                            } else {
                                float[][] e = steps.members(index);
                                for (int m = 0; m < nm; m++) copy(e[m], out, m * e[m].length);
                            }
                        }
                    }
                });
    }

    private static void copy(float[] src, double[] out, int at) {
        for (int i = 0; i < src.length; i++) out[at + i] = src[i];
    }

    /** The ensemble mean as a float32 GeoTIFF in WGS 84, one band per time step (named by its time). */
    public static Path meanGeoTiff(Path file, CfGrid grid, List<Instant> times, float[][][] members)
            throws IOException {
        return meanGeoTiff(file, grid, times, EnsembleSteps.of(members));
    }

    /**
     * The ensemble mean as a float32 GeoTIFF, read a step at a time from {@code steps} by the
     * streaming tiled writer (the last step read is kept for the next tile of the same band).
     */
    public static Path meanGeoTiff(Path file, CfGrid grid, List<Instant> times, EnsembleSteps steps)
            throws IOException {
        List<Band> bands = new ArrayList<>();
        for (int t = 0; t < times.size(); t++) {
            bands.add(new Band("mean_" + times.get(t), DataType.FLOAT32, Double.NaN, true, "ug m-3",
                    "ensemble mean at " + times.get(t)));
        }
        MapGeoCoding gc = MapGeoCoding.northUp(Projections.wgs84(), grid.west() - grid.lonStep() / 2,
                grid.north() + grid.latStep() / 2, grid.lonStep(), grid.latStep());
        Product p = Product.of(file.getFileName().toString(), new MeanRaster(steps, bands, grid.width(),
                grid.height(), gc));
        return new GeoTiffWriter().write(p, file, ProcessingContext.defaults());
    }

    /** The ensemble means of a period as a raster of one band per step, read from the steps on demand. */
    private static final class MeanRaster implements eu.ai4c.kit.raster.Raster {
        private final EnsembleSteps steps;
        private final List<Band> bands;
        private final int width;
        private final int height;
        private final MapGeoCoding gc;
        private int cachedStep = -1;
        private float[] cached;

        MeanRaster(EnsembleSteps steps, List<Band> bands, int width, int height, MapGeoCoding gc) {
            this.steps = steps;
            this.bands = bands;
            this.width = width;
            this.height = height;
            this.gc = gc;
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public int height() {
            return height;
        }

        @Override
        public List<Band> bands() {
            return bands;
        }

        @Override
        public eu.ai4c.kit.geo.GeoCoding geoCoding() {
            return gc;
        }

        @Override
        public Block read(int band, Region region) throws IOException {
            float[] mean;
            synchronized (this) { // tiles may be read in parallel; the steps are read one at a time
                if (cachedStep != band) {
                    cached = steps.mean(band);
                    cachedStep = band;
                }
                mean = cached;
            }
            float[] out = new float[region.width() * region.height()];
            for (int r = 0; r < region.height(); r++) {
                System.arraycopy(mean, (region.y() + r) * width + region.x(), out, r * region.width(), region.width());
            }
            return new Block(region, DataType.FLOAT32, out);
        }
    }

    /** A point of interest. */
    public record Point(String id, double lat, double lon) {
    }

    /**
     * Reads {@code id,lat,lon} (header line first; comma or semicolon).
     *
     * @throws Ai4cException naming the file and line
     */
    public static List<Point> readPoints(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw Ai4cException.usage("--points " + csv + " does not exist. Give a CSV with the header id,lat,lon.");
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<Point> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) continue;
            String[] f = line.split("[,;]");
            try {
                out.add(new Point(f[0].trim(), Double.parseDouble(f[1].trim()), Double.parseDouble(f[2].trim())));
            } catch (RuntimeException e) {
                throw Ai4cException.usage("--points " + csv + " line " + (i + 1) + ": \"" + line
                        + "\" is not id,lat,lon (e.g. milano,45.46,9.19).");
            }
        }
        return out;
    }

    /**
     * The CSV of the ensemble at points (nearest HR cell): {@code id,lat,lon,time,mean,std,member_1…}.
     * Points outside the grid are left out.
     */
    public static Path pointsCsv(Path file, CfGrid grid, List<Instant> times, float[][][] members, List<Point> points)
            throws IOException {
        return pointsCsv(file, grid, times, EnsembleSteps.of(members), points);
    }

    /** The CSV at points, reading only the points' cells of each step from {@code steps}. */
    public static Path pointsCsv(Path file, CfGrid grid, List<Instant> times, EnsembleSteps steps, List<Point> points)
            throws IOException {
        int nm = steps.members();
        try (AtomicOutput out = AtomicOutput.create()) {
            Path tmp = out.temporaryFor(file);
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                StringBuilder head = new StringBuilder("id,lat,lon,time,mean,std");
                for (int m = 1; m <= nm; m++) head.append(",member_").append(m);
                w.write(head.append('\n').toString());
                for (Point p : points) {
                    int r = (int) Math.round((grid.north() - p.lat()) / grid.latStep());
                    int c = (int) Math.round((p.lon() - grid.west()) / grid.lonStep());
                    if (r < 0 || c < 0 || r >= grid.height() || c >= grid.width()) continue;
                    int i = r * grid.width() + c;
                    for (int t = 0; t < times.size(); t++) {
                        float[] ens = steps.cell(t, i);
                        double mean = 0;
                        for (float x : ens) mean += x;
                        mean /= ens.length;
                        double var = 0;
                        for (float x : ens) var += (x - mean) * (x - mean);
                        double sd = ens.length > 1 ? Math.sqrt(var / (ens.length - 1)) : 0;
                        StringBuilder sb = new StringBuilder();
                        sb.append(p.id()).append(',').append(fmt(p.lat())).append(',').append(fmt(p.lon())).append(',')
                                .append(times.get(t)).append(',').append(fmt(mean)).append(',').append(fmt(sd));
                        for (float x : ens) sb.append(',').append(fmt(x));
                        w.write(sb.append('\n').toString());
                    }
                }
            }
            out.commit();
        }
        return file;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
