package eu.ai4c.cli;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.vector.energy.EnergyDataset;
import eu.ai4c.vector.store.DatasetLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code energy-load --dataset jrc-ppdb --input JRC_OPEN_UNITS.csv --store features.gpkg}: the
 * energy datasets of specification table 11 into the human-features store, as feature classes
 * that {@code humanfeatures-query} and {@code ai4c serve} offer beside the OSM classes.
 */
@Command(name = "energy-load", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Energy datasets (JRC power plants, EMODnet offshore wind farms) -> the human-features GeoPackage store.",
        description = {"Loads an energy dataset of table 11 into the store of humanfeatures-load, as a feature class "
                + "with the source's own field names, queried like the OSM classes (humanfeatures-query, ai4c serve):",
            "  jrc-ppdb: JRC Open Power Plants Database, the units file JRC_OPEN_UNITS.csv -> class jrc_power_plant "
                + "(points: eic_p, eic_g, name_p, name_g, capacity_p, capacity_g [MW], type_g, lat, lon, country, NUTS2, "
                + "status_g, year_commissioned, year_decommissioned, water and cooling columns).",
            "  emodnet-windfarms: EMODnet Human Activities wind farms, points or polygons layer as Shapefile or GeoJSON "
                + "-> class offshore_wind_farm (COUNTRY, N_TURBINES, POWER_MW, STATUS, YEAR, COAST_DIST_M, AREA_SQKM, "
                + "NOTES; NAME as name).",
            "The whole file is checked before anything is written; a record already in the store (same key) is "
                + "replaced, so loading a file twice adds nothing."},
        footer = {"", "Example: energy-load --dataset jrc-ppdb --input JRC_OPEN_UNITS.csv --store features.gpkg",
            "Exit codes: 0 success, 1 processing error, 2 usage error, 130 cancelled."})
final class EnergyLoadCommand implements Callable<Integer>, ServiceCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "<name>",
            description = "jrc-ppdb or emodnet-windfarms.")
    String dataset;

    @Option(names = "--input", required = true, paramLabel = "<file>", split = ",",
            description = "The dataset file(s): JRC_OPEN_UNITS.csv; the wind farms .shp or .geojson (points and "
                    + "polygons layers may be given together).")
    List<Path> inputs;

    @Option(names = "--store", required = true, paramLabel = "<file.gpkg>",
            description = "The GeoPackage store; created when missing, appended to otherwise.")
    Path store;

    @Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws IOException {
        EnergyDataset d = EnergyDataset.of(dataset);
        if (d == null) {
            throw Ai4cException.usage("Unknown dataset \"" + dataset + "\"; give one of " + Arrays.stream(EnergyDataset.values())
                    .map(EnergyDataset::label).collect(Collectors.joining(", ")) + ".");
        }
        for (Path input : inputs) {
            DatasetLoader.Result r = d.load(input, store);
            spec.commandLine().getErr().printf("%s: %d records, %d new, %d %s in the store%n", input.getFileName(),
                    r.read(), r.added(), r.stored(), d.featureClass().name());
        }
        spec.commandLine().getOut().println(store);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
