package eu.ai4c.cli.demo.steps;

import eu.ai4c.cli.demo.DemoOutcome;
import eu.ai4c.cli.demo.DemoStep;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.vector.energy.EnergyDataset;
import eu.ai4c.vector.energy.Era5PointSeries;
import eu.ai4c.vector.energy.GridSampling;
import eu.ai4c.vector.query.FeatureQuery;
import eu.ai4c.vector.query.QueryArea;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Demo of the energy datasets of table 11: a small power-plant file in the layout of the JRC Open
 * Power Plants Database (invented units: the real database is downloaded by the user) is loaded by
 * {@code energy-load} into a feature store, the units of a box are queried as GeoJSON like any
 * human-feature class, and {@code era5-extract} samples a real ERA5 2 m temperature field (the
 * coarse test grid of the fixtures, 20° cells, one time step) at every unit.
 */
public final class EnergyDemo implements DemoStep {
    /** Invented units in the JRC_OPEN_UNITS.csv layout (semicolon-separated, as release 1.0). */
    static final String UNITS = """
            eic_p;eic_g;name_p;name_g;capacity_p;capacity_g;type_g;lat;lon;country;NUTS2;status_g;year_commissioned;year_decommissioned;water_type;cooling_type;water_withdrawal;water_consumption
            DEMO000000000P01;DEMO000000000G01;Demo Valley Hydro;Demo Valley Hydro 1;40.0;20.0;Hydro Run-of-river and poundage;42.53;1.58;Andorra;AD00;COMMISSIONED;1934;;;;;
            DEMO000000000P01;DEMO000000000G02;Demo Valley Hydro;Demo Valley Hydro 2;40.0;20.0;Hydro Run-of-river and poundage;42.53;1.58;Andorra;AD00;COMMISSIONED;1988;;;;;
            DEMO000000000P02;DEMO000000000G03;Demo Plain Solar;Demo Plain Solar;50.0;50.0;Solar;41.62;0.62;Spain;ES51;COMMISSIONED;2019;;;;;
            DEMO000000000P03;DEMO000000000G04;Demo Coast Gas;Demo Coast Gas A;800.0;400.0;Fossil Gas;43.30;5.37;France;FRL0;COMMISSIONED;2005;;Sea;Once-through;;
            """;
    /** Pyrenees and the Ebro valley, west,south,east,north. */
    static final String BOX = "-1.0,41.0,3.5,43.5";

    @Override
    public String name() {
        return "energy";
    }

    @Override
    public int order() {
        return 85;
    }

    @Override
    public DemoOutcome run(Path outDir, ProcessingContext context) throws IOException {
        Path input = Files.createDirectories(outDir.resolve("input"));
        Path units = input.resolve("JRC_OPEN_UNITS.csv");
        Files.writeString(units, UNITS, StandardCharsets.UTF_8);
        Path era5 = input.resolve("era5_2t_1.nc");
        try (InputStream in = EnergyDemo.class.getResourceAsStream("/eu/ai4c/cli/demo/era5/era5_2t_1.nc")) {
            if (in == null) throw new IOException("the demo's ERA5 sample is missing from the ai4c-cli jar");
            Files.copy(in, era5, StandardCopyOption.REPLACE_EXISTING);
        }
        Path store = outDir.resolve("energy_features.gpkg");
        var loaded = EnergyDataset.JRC_PPDB.load(units, store);
        Path geojson = outDir.resolve("pyrenees_power_plants.geojson");
        FeatureQuery.Result q = FeatureQuery.run(new FeatureQuery.Request(store, List.of("jrc_power_plant"),
                QueryArea.parse(BOX), false, geojson));
        Path series = outDir.resolve("power_plants_t2m.csv");
        Era5PointSeries.Result s = Era5PointSeries.run(new Era5PointSeries.Request(era5, units, series, List.of("t2m"),
                GridSampling.Method.BILINEAR));
        StringBuilder temps = new StringBuilder();
        List<String> rows = Files.readAllLines(series, StandardCharsets.UTF_8);
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            if (temps.length() > 0) temps.append(", ");
            temps.append(f[0]).append(' ').append(f[2].isEmpty() ? "missing"
                    : String.format(Locale.ROOT, "%.1f °C", Double.parseDouble(f[2]) - 273.15));
        }
        long inBox = q.counts().values().stream().mapToLong(Long::longValue).sum();
        return new DemoOutcome("Energy datasets (table 11): " + loaded.added() + " power-plant units in the layout of the"
                + " JRC Open Power Plants Database (invented for the demo; the real JRC_OPEN_UNITS.csv is a download"
                + " from the JRC data catalogue) are loaded by energy-load into a GeoPackage store as class"
                + " jrc_power_plant; humanfeatures-query finds " + inBox + " of them in the Pyrenees box " + BOX
                + " (GeoJSON). era5-extract then samples ERA5 2 m temperature at every unit (bilinear; a real ERA5"
                + " field on the fixtures' coarse 20° grid, " + s.times() + " time step): " + temps + ".",
                List.of(store, geojson, series), List.of());
    }
}
