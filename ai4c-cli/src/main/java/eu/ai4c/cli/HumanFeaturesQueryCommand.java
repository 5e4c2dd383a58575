package eu.ai4c.cli;

import eu.ai4c.vector.query.FeatureQuery;
import eu.ai4c.vector.query.QueryArea;
import eu.ai4c.vector.schema.FeatureClass;
import eu.ai4c.vector.schema.FeatureSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code humanfeatures-query --store S --classes airport,port --AoI A --output_path out.geojson}:
 * the features of interest in an area of interest as GeoJSON (spec section 2.2.6.4).
 */
@Command(name = "humanfeatures-query", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Features of interest (airport, port, ...) in an area of interest -> RFC 7946 GeoJSON, GeoPackage or Shapefile.",
        description = {"Reads the features of the given classes that intersect the area of interest from a store made "
                + "by humanfeatures-load and writes them as RFC 7946 GeoJSON (.geojson: WGS84 longitude/latitude, "
                + "polygon rings by the right-hand rule, properties = class attributes + OSM type, id and version), "
                + "as a GeoPackage (.gpkg), or as ESRI Shapefiles (.shp: one per geometry kind when the result has "
                + "several, named <name>_point.shp, <name>_line.shp, <name>_polygon.shp; attribute names cut to 10 "
                + "characters). Features are returned whole, or cut at the area's edge with --clip. "
                + "Counts per class are logged.",
            "", "Classes of the built-in schema:"},
        footer = {"", "Example: humanfeatures-query --store features.gpkg --classes airport,hospital "
                + "--AoI 1.40,42.42,1.79,42.66 --output_path out.geojson",
            "Exit codes: 0 success, 1 processing error, 2 usage error, 130 cancelled."})
final class HumanFeaturesQueryCommand implements Callable<Integer>, ServiceCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--store", required = true, paramLabel = "<file.gpkg>", description = "The store (humanfeatures-load).")
    Path store;

    @Option(names = "--classes", paramLabel = "<class,...>", split = ",",
            description = "Feature classes, comma-separated. Default: all in the store.")
    List<String> classes;

    @Option(names = {"--AoI", "--aoi"}, paramLabel = "<area>",
            description = "Area of interest: west,south,east,north in degrees, a WKT polygon (WGS84 lon/lat), or a "
                    + "GeoJSON, Shapefile, KML/KMZ or GeoPackage file. Default: everywhere.")
    String aoi;

    @Option(names = "--clip", description = "Cut features at the edge of the area (default: intersecting features whole).")
    boolean clip;

    @Option(names = {"--output_path", "--output-path"}, required = true, paramLabel = "<file>",
            description = "Output file: .geojson (or .json) for GeoJSON, .gpkg for GeoPackage, .shp for Shapefile(s).")
    Path output;

    @Mixin
    RunOptions run = new RunOptions();

    /** The built-in classes with their rules, for the help text. */
    static List<String> classHelp() {
        List<String> lines = new ArrayList<>();
        for (FeatureClass c : FeatureSchema.builtIn().classes()) {
            lines.add("  " + c.name() + ": " + c.title() + " (" + c.describeRules() + ")");
        }
        return lines;
    }

    @Override
    public Integer call() throws IOException {
        FeatureQuery.Result r = FeatureQuery.run(new FeatureQuery.Request(store, classes == null ? List.of() : classes,
                aoi == null ? null : QueryArea.parse(aoi), clip, output));
        for (Path f : r.files()) spec.commandLine().getOut().println(f);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
