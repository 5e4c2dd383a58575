package eu.ai4c.aq.data;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.netcdf.CfGrid;
import eu.ai4c.kit.io.netcdf.CfTime;
import eu.ai4c.kit.io.netcdf.NcVariable;
import eu.ai4c.kit.io.netcdf.Netcdf;
import eu.ai4c.kit.io.netcdf.NetcdfFile;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CAMS-like netCDF inputs: one file, or a folder of {@code .nc} files (e.g. one per variable or
 * per day, as the ADS/CDS deliver them). Each variable is looked up in every file; its time axis
 * (CF units and calendar), its grid ({@link CfGrid}, canonical order) and its values one time step
 * at a time. Mass concentrations in {@code kg m**-3} (CAMS global) are converted to µg m⁻³ (CAMS
 * Europe), the unit AI4C works in. Static fields may also come as single-band GeoTIFFs on a
 * latitude–longitude grid ({@link StaticGeoTiff}: {@code orog.tif}, {@code urban_frac.tif}, a DEM
 * named {@code dem*.tif}), beside or instead of netCDF files. Not thread-safe; close when done.
 */
public final class CamsFiles implements Closeable {
    private final String role;
    private final Path location;
    private final List<NetcdfFile> files = new ArrayList<>();
    private final List<StaticGeoTiff> rasters = new ArrayList<>();
    private final Map<String, Source> cache = new LinkedHashMap<>();

    /** A variable in one file with its grid and times. */
    private record Source(NetcdfFile file, NcVariable variable, CfGrid grid, List<Instant> times, double factor) {
    }

    private CamsFiles(String role, Path location) {
        this.role = role;
        this.location = location;
    }

    /**
     * Opens a file or every {@code .nc} file of a folder.
     *
     * @param role names the input in messages, e.g. {@code data.lr_path}
     */
    public static CamsFiles open(Path fileOrFolder, String role) throws IOException {
        CamsFiles c = new CamsFiles(role, fileOrFolder);
        List<Path> paths;
        if (Files.isDirectory(fileOrFolder)) {
            try (Stream<Path> s = Files.list(fileOrFolder)) {
                paths = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".nc")
                        || StaticGeoTiff.isGeoTiff(p)).sorted().toList();
            }
            if (paths.isEmpty()) {
                throw new Ai4cException(role + ": the folder " + fileOrFolder + " holds no .nc (or static-field .tif) file."
                        + " Give a netCDF file or a folder of them.");
            }
        } else if (Files.isRegularFile(fileOrFolder)) {
            paths = List.of(fileOrFolder);
        } else {
            throw new Ai4cException(role + ": " + fileOrFolder + " does not exist. Give a netCDF file or a folder of"
                    + " them (see the config's data paths).");
        }
        try {
            for (Path p : paths) {
                if (StaticGeoTiff.isGeoTiff(p)) c.rasters.add(StaticGeoTiff.open(p, role));
                else c.files.add(Netcdf.open(p));
            }
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    public Path location() {
        return location;
    }

    /** True when some file has the variable. */
    public boolean has(String name) {
        for (NetcdfFile f : files) if (f.findVariable(name) != null) return true;
        return raster(name) != null;
    }

    /** The names of the variables among {@code names} that no file has. */
    public List<String> missing(List<String> names) {
        return names.stream().filter(n -> !has(n)).toList();
    }

    /**
     * Fails with one message listing every variable of {@code names} that is missing, the
     * variables the files have, and what to do.
     */
    public void require(List<String> names, String forWhat) {
        List<String> miss = missing(names);
        if (miss.isEmpty()) return;
        List<String> have = new ArrayList<>();
        for (NetcdfFile f : files) for (NcVariable v : f.variables()) if (v.rank() >= 2) have.add(v.name());
        for (StaticGeoTiff t : rasters) have.add(t.name() + " (" + t.file().getFileName() + ")");
        throw new Ai4cException(role + " (" + location + ") lacks the variable" + (miss.size() > 1 ? "s " : " ")
                + String.join(", ", miss) + " that " + forWhat + " needs; it has " + (have.isEmpty() ? "no gridded variable"
                : String.join(", ", have)) + ". Download them too (CAMS/ERA5 short names), or give a file that has them.");
    }

    private Source source(String name) throws IOException {
        Source s = cache.get(name);
        if (s != null) return s;
        for (NetcdfFile f : files) {
            NcVariable v = f.findVariable(name);
            if (v == null) continue;
            CfGrid grid = CfGrid.of(f, v);
            List<Instant> times = List.of();
            if (v.rank() >= 3) {
                NcVariable t = f.findVariable(v.dimensions().get(0));
                if (t == null) {
                    throw new Ai4cException(role + ": variable " + name + " of " + f.path() + " has the dimension "
                            + v.dimensions().get(0) + " without a coordinate variable; a time axis is needed.");
                }
                CfTime cf = CfTime.of(t);
                double[] values = f.readDouble(t, -1);
                List<Instant> list = new ArrayList<>(values.length);
                for (double x : values) list.add(cf.toInstant(x));
                times = List.copyOf(list);
                if (times.isEmpty()) {
                    // an unlimited time dimension with no records: the download or the copy stopped early
                    throw new Ai4cException(role + ": variable " + name + " of " + f.path() + " holds no time steps (its"
                            + " dimension " + v.dimensions().get(0) + " is empty). Download the file again.");
                }
                if (v.rank() > 3) {
                    throw new Ai4cException(role + ": variable " + name + " of " + f.path() + " has dimensions "
                            + v.dimensions() + "; AI4C uses surface fields (time, latitude, longitude). Select the"
                            + " surface level first.");
                }
            }
            s = new Source(f, v, grid, times, toAi4cUnits(v.text("units")));
            cache.put(name, s);
            return s;
        }
        require(List.of(name), "this step");
        throw new IllegalStateException();
    }

    /**
     * The factor from a variable's units to AI4C units: 1e9 for mass concentrations in kg m⁻³
     * (CAMS global) to µg m⁻³, else 1. Apply as {@code value * (float) factor}, as {@link #read} does.
     */
    public static double toAi4cUnits(String units) {
        String u = units == null ? "" : units.replace(" ", "").toLowerCase(Locale.ROOT);
        return u.equals("kgm**-3") || u.equals("kgm-3") || u.equals("kg/m3") ? 1e9 : 1;
    }

    /** The GeoTIFF holding {@code name}, or null (netCDF files take precedence). */
    private StaticGeoTiff raster(String name) {
        for (StaticGeoTiff t : rasters) if (t.name().equals(name)) return t;
        return null;
    }

    /** The GeoTIFF holding {@code name} when no netCDF file has it, or null. */
    private StaticGeoTiff rasterOnly(String name) {
        for (NetcdfFile f : files) if (f.findVariable(name) != null) return null;
        return raster(name);
    }

    /** The grid of a variable (canonical order). */
    public CfGrid grid(String name) throws IOException {
        StaticGeoTiff t = rasterOnly(name);
        return t != null ? t.grid() : source(name).grid();
    }

    /** The time steps of a variable (empty for a variable without time). */
    public List<Instant> times(String name) throws IOException {
        return rasterOnly(name) != null ? List.of() : source(name).times();
    }

    /** Units of the values {@link #read} returns. */
    public String units(String name) throws IOException {
        StaticGeoTiff t = rasterOnly(name);
        if (t != null) return t.units();
        Source s = source(name);
        return s.factor() == 1e9 ? "ug m-3" : s.variable().text("units");
    }

    /**
     * The values of a variable at one time step (index into {@link #times}; 0 for a variable
     * without time), unpacked, in canonical order, in AI4C units.
     */
    public float[] read(String name, int timeIndex) throws IOException {
        StaticGeoTiff t = rasterOnly(name);
        if (t != null) return t.read();
        Source s = source(name);
        NcVariable v = s.variable();
        float[] raw = s.file().read(v, v.rank() >= 3 ? timeIndex : (v.rank() == 2 ? -1 : timeIndex));
        float[] canon = s.grid().toCanonical(raw);
        if (s.factor() != 1) {
            if (canon == raw) canon = raw.clone();
            for (int i = 0; i < canon.length; i++) canon[i] *= (float) s.factor();
        }
        return canon;
    }

    /** The index of {@code time} among a variable's times, or -1. */
    public int indexOf(String name, Instant time) throws IOException {
        return times(name).indexOf(time);
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (NetcdfFile f : files) {
            try {
                f.close();
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }
}
