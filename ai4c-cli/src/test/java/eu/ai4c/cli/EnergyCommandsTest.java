package eu.ai4c.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** energy-load, era5-extract and the Shapefile output of humanfeatures-query from the command line. */
class EnergyCommandsTest {
    @TempDir
    Path dir;

    @Test
    void loadJrcUnitsQueryThemAndExtractEra5AtThem() throws Exception {
        // two invented units in the JRC_OPEN_UNITS.csv layout (comma, as release 0.91)
        Path csv = Files.writeString(dir.resolve("JRC_OPEN_UNITS.csv"), "eic_p,eic_g,name_p,name_g,capacity_p,capacity_g,"
                + "type_g,lat,lon,country,NUTS2,status_g,year_commissioned,year_decommissioned\n"
                + "P1,G1,North Gas,North Gas 1,400,400,Fossil Gas,40.5,21.0,Greece,EL53,COMMISSIONED,2004,\n"
                + "P2,G2,South Sun,South Sun 1,50,50,Solar,-20.0,-30.0,Nowhere,,COMMISSIONED,2019,\n");
        Path store = dir.resolve("features.gpkg");
        Cli load = Cli.run("energy-load", "--dataset", "jrc-ppdb", "--input", csv.toString(), "--store", store.toString(), "-q");
        assertEquals(0, load.exit(), load.toString());
        assertEquals(store.toString(), load.out().strip());
        assertTrue(load.err().contains("2 records, 2 new, 2 jrc_power_plant"), load.toString());

        Path shp = dir.resolve("plants.shp");
        Cli query = Cli.run("humanfeatures-query", "--store", store.toString(), "--classes", "jrc_power_plant",
                "--AoI", "0,0,40,60", "--output_path", shp.toString(), "-q");
        assertEquals(0, query.exit(), query.toString());
        assertEquals(shp.toString(), query.out().strip());
        String info = new String(new ProcessBuilder("ogrinfo", "-ro", "-al", shp.toString()).start().getInputStream()
                .readAllBytes());
        assertTrue(info.contains("Feature Count: 1") && info.contains("type_g (String) = Fossil Gas"), info);
        assertTrue(info.contains("year_commi (Integer) = 2004"), info);

        Path series = dir.resolve("series.csv");
        Cli era5 = Cli.run("era5-extract", "--input", Fixtures.file("earthkit-era5/tests/data/era5_2t_1.nc").toString(),
                "--points", csv.toString(), "--output_path", series.toString(), "--method", "nearest", "-q");
        assertEquals(0, era5.exit(), era5.toString());
        List<String> lines = Files.readAllLines(series);
        assertEquals(3, lines.size());
        assertEquals("point_id,time,t2m", lines.get(0));
        assertTrue(lines.get(1).startsWith("G1,2021-03-01T12:00:00Z,"), lines.get(1));

        Cli badDataset = Cli.run("energy-load", "--dataset", "gem", "--input", csv.toString(), "--store", store.toString());
        assertEquals(2, badDataset.exit(), badDataset.toString());
        assertTrue(badDataset.err().contains("jrc-ppdb, emodnet-windfarms"), badDataset.toString());
        Cli notNc = Cli.run("era5-extract", "--input", csv.toString(), "--points", csv.toString(), "--output_path",
                dir.resolve("x.csv").toString());
        assertEquals(1, notNc.exit(), notNc.toString());
        assertTrue(notNc.err().contains("not a netCDF file"), notNc.toString());
        assertFalse(Files.exists(dir.resolve("x.csv")));

        Cli list = Cli.run("list");
        assertTrue(list.out().contains("energy-load") && list.out().contains("era5-extract"), list.toString());
    }
}
