package eu.ai4c.cli;

import eu.ai4c.vector.energy.Era5PointSeries;
import eu.ai4c.vector.energy.GridSampling;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code era5-extract --input era5.nc --points plants.csv --output_path series.csv}: ERA5 time
 * series at points (specification table 11).
 */
@Command(name = "era5-extract", mixinStandardHelpOptions = true, sortOptions = false,
        header = "ERA5 netCDF (time, latitude, longitude) -> time series at points (e.g. power plants) as CSV.",
        description = {"Samples the (time, latitude, longitude) variables of an ERA5 netCDF file (netCDF-3 or -4, as the "
                + "Climate Data Store delivers it; longitudes 0-360 or -180-180, latitudes in either order) at points "
                + "and writes CSV: point_id, time (ISO-8601 UTC), then one column per variable in physical units "
                + "(unpacked from scale_factor/add_offset; missing values empty), one row per point and time step.",
            "Bilinear interpolation between the four surrounding grid cells by default (points must lie within the "
                + "outermost cell centres), or the nearest cell (up to half a cell beyond them).",
            "Points: a CSV with an id (id, point_id, eic_g, eic_p or name), lat/latitude and lon/longitude; the "
                + "JRC_OPEN_UNITS.csv of the power plants works as it is."},
        footer = {"", "Example: era5-extract --input era5.nc --points JRC_OPEN_UNITS.csv --output_path series.csv",
            "Exit codes: 0 success, 1 processing error, 2 usage error, 130 cancelled."})
final class Era5ExtractCommand implements Callable<Integer>, ServiceCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "<era5.nc>", description = "The ERA5 netCDF file.")
    Path input;

    @Option(names = "--points", required = true, paramLabel = "<points.csv>", description = "The points (CSV).")
    Path points;

    @Option(names = {"--output_path", "--output-path"}, required = true, paramLabel = "<series.csv>",
            description = "The CSV to write.")
    Path output;

    @Option(names = "--variables", paramLabel = "<name,...>", split = ",",
            description = "Variables to extract (e.g. t2m,u100,v100,ssrd). Default: every (time, latitude, longitude) "
                    + "variable of the file.")
    List<String> variables;

    @Option(names = "--method", paramLabel = "<method>", defaultValue = "bilinear",
            description = "bilinear or nearest. Default: ${DEFAULT-VALUE}.")
    String method;

    @Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws IOException {
        GridSampling.Method m = switch (method.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "bilinear" -> GridSampling.Method.BILINEAR;
            case "nearest" -> GridSampling.Method.NEAREST;
            default -> throw eu.ai4c.kit.Ai4cException.usage("--method must be bilinear or nearest, not \"" + method + "\".");
        };
        Era5PointSeries.Result r = Era5PointSeries.run(new Era5PointSeries.Request(input, points, output,
                variables == null ? List.of() : variables, m));
        spec.commandLine().getOut().println(r.output());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
