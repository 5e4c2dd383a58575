package eu.ai4c.cli;

import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.vector.schema.FeatureSchema;
import eu.ai4c.vector.store.StoreLoader;
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
 * {@code humanfeatures-load --input FILE.osm.pbf --store features.gpkg}: the extract, cleanse,
 * transform and load of OpenStreetMap data into the human-features GeoPackage (spec section 2.2.6).
 */
@Command(name = "humanfeatures-load", mixinStandardHelpOptions = true, sortOptions = false,
        header = "OpenStreetMap extract (.osm.pbf, .osm[.gz|.bz2]) -> human-features GeoPackage store, one table per class.",
        description = {"Extracts the objects of the feature classes of the schema mapping (airports, ports, power "
                + "plants, roads, hospitals, ...: 'ai4c humanfeatures-query --help' lists them) from an OSM file, "
                + "assembles multipolygons, repairs or drops invalid geometries (counts logged per class and reason), "
                + "normalises attributes (\"50 MW\" -> 50.0) and loads them into a GeoPackage with an R-tree per table "
                + "(opens in QGIS and GDAL).",
            "Incremental: an existing store is appended to; an OSM object already stored is replaced only by a newer "
                + "version, so loading the same file twice adds nothing. A new store appears only when complete; an "
                + "existing one is changed in one transaction."},
        footer = {"", "Example: humanfeatures-load --input andorra.osm.pbf --store features.gpkg",
            "Exit codes: 0 success, 1 processing error, 2 usage error, 130 cancelled."})
final class HumanFeaturesLoadCommand implements Callable<Integer>, ServiceCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "<file>", split = ",",
            description = "OSM file(s): .osm.pbf, .osm, .osm.gz or .osm.bz2; several are loaded one after the other.")
    List<Path> inputs;

    @Option(names = "--store", required = true, paramLabel = "<file.gpkg>",
            description = "The GeoPackage store; created when missing, appended to otherwise.")
    Path store;

    @Option(names = "--classes", paramLabel = "<class,...>", split = ",",
            description = "Load only these classes. Default: all of the schema.")
    List<String> classes;

    @Option(names = "--schema", paramLabel = "<file.yaml>",
            description = "A schema mapping of your own (YAML, the layout of the built-in humanfeatures.yaml). "
                    + "Default: the built-in one.")
    Path schema;

    @Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws IOException {
        FeatureSchema s = FeatureSchema.load(schema);
        var selected = s.select(classes);
        ProcessingContext context = run.context(spec.commandLine().getErr());
        try (CancelOnInterrupt ignored = new CancelOnInterrupt(context.progress())) {
            for (Path input : inputs) {
                StoreLoader.load(input, store, selected, context);
            }
        }
        spec.commandLine().getOut().println(store);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
