package eu.ai4c.aq.data;

import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.netcdf.CfTime;
import eu.ai4c.kit.io.netcdf.NcType;
import eu.ai4c.kit.io.netcdf.Netcdf;
import eu.ai4c.kit.io.netcdf.Netcdf3Writer;
import eu.ai4c.kit.io.netcdf.NetcdfFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pre-processed samples of {@code aqgan-preproc} as a netCDF-3 file (readable with ncdump or
 * xarray): {@code lr(sample, lr_var, lr_y, lr_x)} LR input frames, {@code target(sample, hr_y,
 * hr_x)} HR truth, {@code static(tile, static_var, hr_y, hr_x)} HR static inputs per frame
 * position, {@code sample_tile(sample)}, {@code time(sample)} (hours since 1900-01-01),
 * {@code tile_lat/tile_lon(tile)} (north-west cell centre of each HR frame), and the normalisation
 * {@code lr_mean(lr_var)}, {@code lr_std(lr_var)}; values are physical (not normalised). Global
 * attributes name the variables and keep the configuration (YAML) used.
 */
public final class SampleFile {
    static final CfTime HOURS = CfTime.parse("hours since 1900-01-01 00:00:00", "standard", "time");

    private SampleFile() {
    }

    /** Samples held in memory, in physical units. Arrays are shared, not copied: do not modify. */
    public record Samples(List<String> lrInputs, List<String> staticInputs, int lrH, int lrW, int hrH, int hrW,
                          float[] lr, float[] target, float[] statics, int[] tile, double[] hours,
                          double[] mean, double[] std, String config) {
        public int count() {
            return tile.length;
        }

        public int lrSize() {
            return lrInputs.size() * lrH * lrW;
        }

        public int hrSize() {
            return hrH * hrW;
        }

        public int staticSize() {
            return staticInputs.size() * hrH * hrW;
        }

        public Instant time(int sample) {
            return HOURS.toInstant(hours[sample]);
        }
    }

    /** Reads a sample file written by {@link Builder#write}. */
    public static Samples read(Path file) throws IOException {
        try (NetcdfFile f = Netcdf.open(file)) {
            Object lrNames = f.globalAttributes().get("lr_inputs");
            if (!(lrNames instanceof String) || f.findVariable("lr") == null) {
                throw new Ai4cException(file + " is not a sample file of aqgan-preproc (no lr_inputs / lr). Run"
                        + " aqgan-preproc first.");
            }
            long[] lrShape = f.variable("lr").shape();
            long[] stShape = f.variable("static").shape();
            return new Samples(List.of(((String) lrNames).split(",")),
                    List.of(((String) f.globalAttributes().get("hr_static_inputs")).split(",")),
                    (int) lrShape[2], (int) lrShape[3], (int) stShape[2], (int) stShape[3],
                    f.read(f.variable("lr"), -1), f.read(f.variable("target"), -1), f.read(f.variable("static"), -1),
                    toInt(f.readDouble(f.variable("sample_tile"), -1)), f.readDouble(f.variable("time"), -1),
                    f.readDouble(f.variable("lr_mean"), -1), f.readDouble(f.variable("lr_std"), -1),
                    String.valueOf(f.globalAttributes().get("config")));
        }
    }

    private static int[] toInt(double[] d) {
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) out[i] = (int) d[i];
        return out;
    }

    /** Collects samples time step by time step, then writes them. Not thread-safe. */
    public static final class Builder {
        private final AqConfig cfg;
        private final DownscalingGrid grid;
        private final float[][] statics;
        private final String dataset;
        private final int tilesY;
        private final int tilesX;
        private final List<float[]> lr = new ArrayList<>();
        private final List<float[]> target = new ArrayList<>();
        private final List<Integer> tiles = new ArrayList<>();
        private final List<Double> hours = new ArrayList<>();

        public Builder(AqConfig cfg, DownscalingGrid grid, float[][] statics, String dataset) {
            this.cfg = cfg;
            this.grid = grid;
            this.statics = statics;
            this.dataset = dataset;
            this.tilesY = grid.hr().height() / cfg.hrFrame()[0];
            this.tilesX = grid.hr().width() / cfg.hrFrame()[1];
        }

        public int samples() {
            return tiles.size();
        }

        /**
         * Cuts one time step into frames and keeps those without missing values.
         *
         * @return the number of frames left out
         */
        public int addTime(Instant time, float[][] lrFields, float[] truth) {
            int ly = cfg.lrFrame()[0];
            int lx = cfg.lrFrame()[1];
            int hy = cfg.hrFrame()[0];
            int hx = cfg.hrFrame()[1];
            int lw = grid.lr().width();
            int hw = grid.hr().width();
            int skipped = 0;
            for (int ty = 0; ty < tilesY; ty++) {
                for (int tx = 0; tx < tilesX; tx++) {
                    float[] in = new float[lrFields.length * ly * lx];
                    boolean ok = true;
                    for (int v = 0; v < lrFields.length; v++) {
                        for (int r = 0; r < ly; r++) {
                            for (int c = 0; c < lx; c++) {
                                float x = lrFields[v][(ty * ly + r) * lw + tx * lx + c];
                                ok &= !Float.isNaN(x);
                                in[(v * ly + r) * lx + c] = x;
                            }
                        }
                    }
                    float[] out = new float[hy * hx];
                    for (int r = 0; r < hy; r++) {
                        System.arraycopy(truth, (ty * hy + r) * hw + tx * hx, out, r * hx, hx);
                    }
                    for (float x : out) ok &= !Float.isNaN(x);
                    if (!ok) {
                        skipped++;
                        continue;
                    }
                    lr.add(in);
                    target.add(out);
                    tiles.add(ty * tilesX + tx);
                    hours.add(HOURS.toValue(time));
                }
            }
            return skipped;
        }

        /** {mean[], std[]} per LR variable over the collected frames (std 1 for a constant variable). */
        public double[][] normalisation() {
            int nv = cfg.lrInputs().size();
            int cells = cfg.lrFrame()[0] * cfg.lrFrame()[1];
            double[] mean = new double[nv];
            double[] std = new double[nv];
            for (int v = 0; v < nv; v++) {
                double s = 0;
                double s2 = 0;
                long n = 0;
                for (float[] in : lr) {
                    for (int i = v * cells; i < (v + 1) * cells; i++) {
                        s += in[i];
                        n++;
                    }
                }
                double m = s / Math.max(1, n);
                for (float[] in : lr) {
                    for (int i = v * cells; i < (v + 1) * cells; i++) s2 += (in[i] - m) * (in[i] - m);
                }
                double sd = Math.sqrt(s2 / Math.max(1, n));
                mean[v] = m;
                std[v] = sd > 1e-12 * Math.max(1, Math.abs(m)) ? sd : 1;
            }
            return new double[][] {mean, std};
        }

        /** Writes the samples with the given normalisation (atomically). */
        public Path write(Path file, double[][] stats, String configYaml) throws IOException {
            int n = samples();
            int nv = cfg.lrInputs().size();
            int ns = cfg.hrStaticInputs().size();
            int hy = cfg.hrFrame()[0];
            int hx = cfg.hrFrame()[1];
            int nt = tilesX * tilesY;
            Map<String, Object> none = Map.of();
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("units", "ug m-3");
            pm.put("long_name", "high-resolution " + cfg.hrOutputs().get(0) + " (target)");
            Netcdf3Writer w = new Netcdf3Writer().dimension("sample", n).dimension("lr_var", nv)
                    .dimension("static_var", ns).dimension("tile", nt).dimension("lr_y", cfg.lrFrame()[0])
                    .dimension("lr_x", cfg.lrFrame()[1]).dimension("hr_y", hy).dimension("hr_x", hx)
                    .attribute("Conventions", "CF-1.8")
                    .attribute("title", "aqgan-preproc samples of " + dataset)
                    .attribute("lr_inputs", String.join(",", cfg.lrInputs()))
                    .attribute("hr_static_inputs", String.join(",", cfg.hrStaticInputs()))
                    .attribute("hr_output", cfg.hrOutputs().get(0))
                    .attribute("hr_grid", grid.hr().toString())
                    .attribute("lr_grid", grid.lr().toString())
                    .attribute("config", configYaml)
                    .variable("time", NcType.DOUBLE, List.of("sample"), Map.of("units", HOURS.units(),
                            "calendar", "standard", "standard_name", "time"))
                    .variable("sample_tile", NcType.INT, List.of("sample"), Map.of("long_name", "frame position (tile index)"))
                    .variable("tile_lat", NcType.DOUBLE, List.of("tile"), Map.of("units", "degrees_north",
                            "long_name", "latitude of the frame's north-west HR cell centre"))
                    .variable("tile_lon", NcType.DOUBLE, List.of("tile"), Map.of("units", "degrees_east",
                            "long_name", "longitude of the frame's north-west HR cell centre"))
                    .variable("lr_mean", NcType.DOUBLE, List.of("lr_var"), Map.of("long_name",
                            "mean of each LR input over the training frames"))
                    .variable("lr_std", NcType.DOUBLE, List.of("lr_var"), Map.of("long_name",
                            "standard deviation of each LR input over the training frames"))
                    .variable("lr", NcType.FLOAT, List.of("sample", "lr_var", "lr_y", "lr_x"), none)
                    .variable("static", NcType.FLOAT, List.of("tile", "static_var", "hr_y", "hr_x"), none)
                    .variable("target", NcType.FLOAT, List.of("sample", "hr_y", "hr_x"), pm);
            int hw = grid.hr().width();
            return w.write(file, (name, index, out) -> {
                switch (name) {
                    case "time" -> { for (int i = 0; i < n; i++) out[i] = hours.get(i); }
                    case "sample_tile" -> { for (int i = 0; i < n; i++) out[i] = tiles.get(i); }
                    case "tile_lat" -> { for (int t = 0; t < nt; t++) out[t] = grid.hr().latitude(t / tilesX * hy); }
                    case "tile_lon" -> { for (int t = 0; t < nt; t++) out[t] = grid.hr().longitude(t % tilesX * hx); }
                    case "lr_mean" -> System.arraycopy(stats[0], 0, out, 0, nv);
                    case "lr_std" -> System.arraycopy(stats[1], 0, out, 0, nv);
                    case "lr" -> copy(lr.get(index), out);
                    case "target" -> copy(target.get(index), out);
                    case "static" -> {
                        int ty = index / tilesX;
                        int tx = index % tilesX;
                        for (int s = 0; s < ns; s++) {
                            for (int r = 0; r < hy; r++) {
                                for (int c = 0; c < hx; c++) {
                                    out[(s * hy + r) * hx + c] = statics[s][(ty * hy + r) * hw + tx * hx + c];
                                }
                            }
                        }
                    }
                    default -> throw new IllegalStateException(name);
                }
            });
        }

        private static void copy(float[] src, double[] out) {
            for (int i = 0; i < src.length; i++) out[i] = src[i];
        }
    }

    /** A short description for logs. */
    public static String describe(Samples s) {
        return s.count() + " samples, LR " + s.lrInputs() + " " + s.lrH() + "×" + s.lrW() + ", HR " + s.hrH() + "×"
                + s.hrW() + ", static " + s.staticInputs() + ", mean " + Arrays.toString(s.mean());
    }
}
