package eu.ai4c.cli;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.op.CommonOptions;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.vector.ops.HumanFeaturesQueryOperator;
import eu.ai4c.vector.ops.ProductFootprint;
import eu.ai4c.vector.query.FeatureQuery;
import eu.ai4c.vector.query.QueryArea;
import eu.ai4c.vector.schema.FeatureClass;
import eu.ai4c.vector.schema.FeatureSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code humanfeatures-query --store S --classes airport,port --AoI A --output_path out.geojson}:
 * the features of interest in an area of interest as GeoJSON (spec section 2.2.6.4). It also
 * takes what the desktop dialog of the same service ({@link HumanFeaturesQueryOperator}) gives as
 * its command line: {@code --input} (a product whose footprint is the area), {@code --format} and
 * an output folder ({@code --output_dir}, or {@code --output_path} naming an existing folder), in
 * which case the operator writes {@code <product>_humanfeatures.geojson|gpkg|shp} there. Option values
 * are text, as in the commands generated from descriptors.
 */
@Command(name = "humanfeatures-query", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Features of interest (airport, port, ...) in an area of interest -> RFC 7946 GeoJSON, GeoPackage or Shapefile.",
        description = {"Reads the features of the given classes that intersect the area of interest from a store made "
                + "by humanfeatures-load and writes them as RFC 7946 GeoJSON (.geojson: WGS84 longitude/latitude, "
                + "polygon rings by the right-hand rule, properties = class attributes + OSM type, id and version), "
                + "as a GeoPackage (.gpkg), or as ESRI Shapefiles (.shp: one per geometry kind when the result has "
                + "several, named <name>_point.shp, <name>_line.shp, <name>_polygon.shp; attribute names cut to 10 "
                + "characters). Features are returned whole, or cut at the area's edge with --clip. "
                + "Counts per class are logged. With --input and no --AoI, the area is the product's footprint.",
            "", "Classes of the built-in schema:"},
        footer = {"", "Example: humanfeatures-query --store features.gpkg --classes airport,hospital "
                + "--AoI 1.40,42.42,1.79,42.66 --output_path out.geojson",
            "Exit codes: 0 success, 1 processing error, 2 usage error, 130 cancelled."})
final class HumanFeaturesQueryCommand implements Callable<Integer>, ServiceCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--store", required = true, paramLabel = "<file.gpkg>", description = "The store (humanfeatures-load).")
    String store;

    @Option(names = "--input", paramLabel = "<product>",
            description = "A product with a map geocoding (GeoTIFF, BEAM-DIMAP, ...) whose footprint is the area of "
                    + "interest when no --AoI is given.")
    String input;

    @Option(names = "--classes", paramLabel = "<class,...>",
            description = "Feature classes, comma-separated, built-in or of the store's own schema. Default: all in the"
                    + " store.")
    String classes;

    @Option(names = "--other-classes", paramLabel = "<class,...>",
            description = "More classes, as the dialogs name those of a user schema (same as adding them to --classes).")
    String otherClasses;

    @Option(names = {"--AoI", "--aoi"}, paramLabel = "<area>",
            description = "Area of interest: west,south,east,north in degrees, a WKT polygon (WGS84 lon/lat), or a "
                    + "GeoJSON, Shapefile, KML/KMZ or GeoPackage file. Default: everywhere.")
    String aoi;

    @Option(names = "--clip", arity = "0..1", fallbackValue = "true", defaultValue = "false", paramLabel = "true|false",
            description = "Cut features at the edge of the area (default: intersecting features whole).")
    String clip;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = HumanFeaturesQueryOperator.GEOJSON,
            description = "With an output folder: GeoJSON, GeoPackage or Shapefile (an output file's extension picks the "
                    + "format). "
                    + "Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = {CommonOptions.OUTPUT_PATH, CommonOptions.OUTPUT_PATH_KEBAB, CommonOptions.OUTPUT_DIR,
            CommonOptions.OUTPUT_DIR_KEBAB}, required = true, paramLabel = "<file>",
            description = {"Output file: .geojson (or .json) for GeoJSON, .gpkg for GeoPackage, .shp for Shapefile(s).",
                "Or a folder (--output_dir, created when missing, or an existing one) to write "
                    + "<product>_humanfeatures.<ext> or humanfeatures.<ext> into."})
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
        boolean on = switch (clip.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Ai4cException.usage("--clip takes true or false, got \"" + clip + "\".");
        };
        Product source = input == null ? null : ProductIO.read(Path.of(input));
        List<Path> written;
        if (folderRequested() || Files.isDirectory(output)) {
            Map<String, String> raw = new LinkedHashMap<>();
            raw.put("store", store);
            // the declarative operator ticks built-in classes; any other name goes to its "other classes"
            java.util.Set<String> builtIn = new java.util.HashSet<>();
            for (FeatureClass c : FeatureSchema.builtIn().classes()) builtIn.add(c.name());
            List<String> ticked = new java.util.ArrayList<>();
            List<String> other = new java.util.ArrayList<>();
            for (String c : names()) (builtIn.contains(c) ? ticked : other).add(c);
            if (!ticked.isEmpty()) raw.put("classes", String.join(",", ticked));
            if (!other.isEmpty()) raw.put("otherClasses", String.join(",", other));
            if (aoi != null) raw.put("aoi", aoi);
            raw.put("clip", Boolean.toString(on));
            raw.put("format", format);
            HumanFeaturesQueryOperator op = new HumanFeaturesQueryOperator();
            Files.createDirectories(output);
            written = op.write(source == null ? Map.of() : Map.of("input", source), op.descriptor().validate(raw), output,
                    run.context(spec.commandLine().getErr()));
        } else {
            written = FeatureQuery.run(new FeatureQuery.Request(Path.of(store), names(), aoi != null ? QueryArea.parse(aoi)
                    : source != null ? ProductFootprint.lonLat(source) : null, on, output)).files();
        }
        for (Path f : written) spec.commandLine().getOut().println(f);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** The classes of {@code --classes} and {@code --other-classes}, in order, each once. */
    private List<String> names() {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (String list : new String[] {classes, otherClasses}) {
            if (list == null) continue;
            Arrays.stream(list.split(",")).map(String::strip).filter(c -> !c.isEmpty()).forEach(out::add);
        }
        return List.copyOf(out);
    }

    /** Whether the output was given as {@code --output_dir} (always a folder). */
    private boolean folderRequested() {
        for (String arg : spec.commandLine().getParseResult().originalArgs()) {
            for (String name : List.of(CommonOptions.OUTPUT_DIR, CommonOptions.OUTPUT_DIR_KEBAB)) {
                if (arg.equals(name) || arg.startsWith(name + "=")) return true;
            }
        }
        return false;
    }
}
