package eu.ai4c.agri.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --class_names}: pairs and CSV files, refusals, and the names reaching model file, legend and reports. */
class ClassNamesTest {
    @Test
    void pairsAndCsvFilesGiveTheSameNames(@TempDir Path dir) throws Exception {
        assertEquals(Map.of(1, "water", 2, "road"), ClassNames.parse("1=water, 2=road").asMap());
        Path csv = dir.resolve("classes.csv");
        Files.writeString(csv, "\uFEFFid,name,colour\n1,water,#0000ff\n2, road ,\n3,\"Cropland, irrigated\",#00ff00\n");
        ClassNames file = ClassNames.parse(csv.toString());
        assertEquals(Map.of(1, "water", 2, "road", 3, "Cropland, irrigated"), file.asMap());
        assertEquals("class 4", file.name(4));
        assertEquals("background", file.name(0));
        assertEquals("no data", file.name(255));
        assertEquals("\"Cropland, irrigated\"", ClassLegend.csvCell(file.name(3)));
        assertEquals(Map.of(2, "road"), file.restrictedTo(new int[] {0, 2, 9}).asMap());
    }

    @Test
    void badNamesAreRefusedNamingTheEntry(@TempDir Path dir) throws Exception {
        String[][] cases = {
                {"1=water,irrigated", "'irrigated' is not id=name"},
                {"0=soil", "named ids are 1-254"},
                {"255=nothing", "named ids are 1-254"},
                {"x=water", "'x' is not a class id"},
                {"1=water,1=lake", "names class 1 a second time"},
                {"2= ", "an empty name"},
                {"1=water,\u00002=road", "is not a class id"},
                {dir.resolve("missing.csv").toString(), "no such file"}};
        for (String[] c : cases) {
            Ai4cException e = assertThrows(Ai4cException.class, () -> ClassNames.parse(c[0]), c[0]);
            assertTrue(e.getMessage().contains("--class_names") && e.getMessage().contains(c[1]), e.getMessage());
        }
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "id,name\n1,water\n2,\n");
        Ai4cException e = assertThrows(Ai4cException.class, () -> ClassNames.parse(csv.toString()));
        assertTrue(e.getMessage().contains(csv + " line 3 gives class 2 an empty name"), e.getMessage());
        Path noHeader = dir.resolve("plain.csv");
        Files.writeString(noHeader, "1,water\n2,road\n");
        e = assertThrows(Ai4cException.class, () -> ClassNames.parse(noHeader.toString()));
        assertTrue(e.getMessage().contains("start it with the header line id,name"), e.getMessage());
    }
}
