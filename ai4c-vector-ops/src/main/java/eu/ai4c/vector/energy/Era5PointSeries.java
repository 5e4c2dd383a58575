package eu.ai4c.vector.energy;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.CsvTable;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.netcdf.CfGrid;
import eu.ai4c.kit.io.netcdf.CfTime;
import eu.ai4c.kit.io.netcdf.NcVariable;
import eu.ai4c.kit.io.netcdf.Netcdf;
import eu.ai4c.kit.io.netcdf.NetcdfFile;
import eu.ai4c.vector.store.DatasetClass.Column;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code era5-extract}: time series of ERA5 (or any CF netCDF on a regular lat-lon grid) at
 * points, e.g. the power plants of the JRC database, as CSV: {@code point_id, time} (ISO-8601
 * UTC), then one column per variable with unpacked physical values ({@code raw · scale_factor +
 * add_offset}, in the variable's units; missing values empty), one row per point and time step,
 * points in file order.
 *
 * <p>Read with the kit's netCDF reader (netCDF-3 and netCDF-4, as the CDS delivers ERA5): the
 * variables of rank 3 {@code (time, latitude, longitude)} ({@code time} or {@code valid_time}, CF
 * time units), all of them or those named. Sampled by {@link GridSampling} (bilinear by default,
 * or nearest cell). Memory: one time step of one variable, plus the output values (points ×
 * times × variables floats).</p>
 *
 * <p>Points CSV: an id column ({@code id}, {@code point_id}, {@code eic_g}, {@code eic_p} or
 * {@code name}, the first present), {@code lat}/{@code latitude} and {@code lon}/{@code
 * longitude} in WGS84 degrees; a JRC-PPDB-OPEN units file works as it is. Stateless.</p>
 */
public final class Era5PointSeries {
    private static final Logger LOG = LoggerFactory.getLogger(Era5PointSeries.class);
    /** The coordinate columns of the points file, typed for {@link Cells}. */
    private static final Column LAT = Column.real("lat");
    private static final Column LON = Column.real("lon");

    private Era5PointSeries() {
    }

    /**
     * @param input     the netCDF file
     * @param points    the points CSV
     * @param output    the CSV to write
     * @param variables variable names; empty: every (time, lat, lon) variable
     * @param method    nearest cell or bilinear
     */
    public record Request(Path input, Path points, Path output, List<String> variables, GridSampling.Method method) {
        public Request {
            variables = List.copyOf(variables);
        }
    }

    /** What was written: points, time steps and the variables (columns). */
    public record Result(Path output, int points, int times, List<String> variables) {
    }

    /** The points read from a CSV. */
    record Points(String[] ids, double[] lon, double[] lat) {
    }

    public static Result run(Request r) throws IOException {
        if (!r.output().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            throw Ai4cException.usage("The output " + r.output() + " must be a .csv file.");
        }
        Points pts = readPoints(r.points());
        long t0 = System.nanoTime();
        try (NetcdfFile nc = Netcdf.open(r.input())) {
            List<NcVariable> vars = variables(nc, r.variables());
            CfGrid grid = CfGrid.of(nc, vars.get(0));
            NcVariable timeVar = nc.findVariable(vars.get(0).dimensions().get(0));
            for (NcVariable v : vars) {
                if (!v.dimensions().equals(vars.get(0).dimensions())) {
                    throw Ai4cException.usage("The variables " + vars.get(0).name() + " " + vars.get(0).dimensions() + " and "
                            + v.name() + " " + v.dimensions() + " of " + r.input() + " lie on different grids; extract "
                            + "them in two runs (--variables).");
                }
            }
            GridSampling sampling;
            try {
                sampling = GridSampling.of(grid, pts.lon(), pts.lat(), r.method());
            } catch (GridSampling.Outside e) {
                int p = e.point();
                throw Ai4cException.usage(String.format(Locale.ROOT, "The point %s (lat %s, lon %s) of %s lies outside "
                                + "the grid of %s (%s; %s sampling). Download ERA5 for an area that covers all points, or "
                                + "remove the point.", pts.ids()[p], pts.lat()[p], pts.lon()[p], r.points(), r.input(), grid,
                        r.method().name().toLowerCase(Locale.ROOT)));
            }
            CfTime time = CfTime.of(timeVar);
            double[] times = nc.readDouble(timeVar, -1);
            int nt = times.length;
            if (nt == 0) {
                // an unlimited time dimension with no records: the download or the copy stopped early
                throw new Ai4cException(r.input() + " holds no time steps (its dimension " + vars.get(0).dimensions().get(0)
                        + " is empty), so there is nothing to extract. Download the ERA5 file again.");
            }
            int nv = vars.size();
            int np = pts.ids().length;
            if ((long) nt * nv * np > Integer.MAX_VALUE - 8) {
                throw Ai4cException.usage(np + " points × " + nt + " times × " + nv + " variables are too many values for "
                        + "one run; split the points file or the time range.");
            }
            // values[(p * nt + t) * nv + v]: the output row order
            float[] values = new float[np * nt * nv];
            for (int t = 0; t < nt; t++) {
                for (int v = 0; v < nv; v++) {
                    float[] plane = grid.toCanonical(nc.read(vars.get(v), t));
                    sampling.sample(plane, values, t * nv + v, nt * nv);
                }
            }
            List<String> names = new ArrayList<>();
            for (NcVariable v : vars) names.add(v.name());
            write(r.output(), pts, time, times, names, values);
            LOG.info("era5-extract: {} points × {} times × {} variables ({}) from {} into {} in {} ms", np, nt, nv,
                    String.join(", ", names), r.input(), r.output(), (System.nanoTime() - t0) / 1_000_000);
            return new Result(r.output(), np, nt, names);
        }
    }

    private static List<NcVariable> variables(NetcdfFile nc, List<String> wanted) throws IOException {
        List<NcVariable> out = new ArrayList<>();
        if (wanted.isEmpty()) {
            for (NcVariable v : nc.variables()) if (isSeries(nc, v)) out.add(v);
            if (out.isEmpty()) {
                throw Ai4cException.usage(nc.path() + " has no variable of dimensions (time, latitude, longitude) (it has: "
                        + String.join(", ", nc.variables().stream().map(v -> v.name() + v.dimensions()).toList())
                        + "). Give an ERA5 single-levels netCDF file.");
            }
            return out;
        }
        for (String w : wanted) {
            NcVariable v = nc.variable(w.strip());
            if (!isSeries(nc, v)) {
                throw Ai4cException.usage("The variable " + v.name() + v.dimensions() + " of " + nc.path() + " is not a "
                        + "(time, latitude, longitude) field. Name another with --variables.");
            }
            if (!out.contains(v)) out.add(v);
        }
        return out;
    }

    /** True for a (time, lat, lon) variable: rank 3, a first dimension with CF time units. */
    private static boolean isSeries(NetcdfFile nc, NcVariable v) {
        if (v.rank() != 3) return false;
        NcVariable t = nc.findVariable(v.dimensions().get(0));
        String units = t == null ? null : t.text("units");
        return units != null && units.contains(" since ") && nc.findVariable(v.dimensions().get(1)) != null
                && nc.findVariable(v.dimensions().get(2)) != null;
    }

    static Points readPoints(Path csv) {
        CsvTable t = CsvTable.read(csv);
        int id = t.column("id", "point_id", "eic_g", "eic_p", "name");
        int lat = t.column("lat", "latitude");
        int lon = t.column("lon", "longitude");
        if (id < 0 || lat < 0 || lon < 0) {
            throw Ai4cException.usage("The points file " + csv + " needs the columns id (or point_id, eic_g, eic_p, "
                    + "name), lat (or latitude) and lon (or longitude); it has: " + String.join(", ", t.header()) + ".");
        }
        int n = t.rows().size();
        if (n == 0) throw Ai4cException.usage("The points file " + csv + " has no points.");
        String[] ids = new String[n];
        double[] x = new double[n];
        double[] y = new double[n];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String[] row = t.rows().get(i);
            String where = "line " + t.lines()[i];
            ids[i] = row[id].strip();
            if (ids[i].isEmpty() || !seen.add(ids[i])) {
                throw Ai4cException.usage("The points file " + csv + ", " + where + ", has " + (ids[i].isEmpty()
                        ? "an empty id" : "the id " + ids[i] + " a second time") + "; every point needs its own id.");
            }
            Double la = (Double) Cells.value(row[lat], LAT, csv, where);
            Double lo = (Double) Cells.value(row[lon], LON, csv, where);
            Cells.checkCoordinates(lo, la, true, csv, where);
            x[i] = lo;
            y[i] = la;
        }
        return new Points(ids, x, y);
    }

    private static void write(Path output, Points pts, CfTime time, double[] times, List<String> names, float[] values)
            throws IOException {
        int nt = times.length;
        int nv = names.size();
        String[] iso = new String[nt];
        for (int t = 0; t < nt; t++) {
            Instant at = time.toInstant(times[t]);
            iso[t] = at.toString();
        }
        try (AtomicOutput out = AtomicOutput.create()) {
            Path tmp = out.temporaryFor(output);
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
                w.write("point_id,time");
                for (String n : names) w.write("," + csvField(n));
                w.write('\n');
                for (int p = 0; p < pts.ids().length; p++) {
                    String id = csvField(pts.ids()[p]);
                    for (int t = 0; t < nt; t++) {
                        w.write(id);
                        w.write(',');
                        w.write(iso[t]);
                        int base = (p * nt + t) * nv;
                        for (int v = 0; v < nv; v++) {
                            w.write(',');
                            float f = values[base + v];
                            if (!Float.isNaN(f)) w.write(decimal(f));
                        }
                        w.write('\n');
                    }
                }
            }
            out.commit();
        }
    }

    /** The shortest decimal that reads back as {@code f}, without exponent. */
    static String decimal(float f) {
        return new BigDecimal(Float.toString(f)).toPlainString();
    }

    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
