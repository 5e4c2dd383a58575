package eu.ai4c.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Manifest lines that stand for series of jobs: consecutive pairs of an archive for change
 * detection (grouped by Sentinel-2 tile or Sentinel-1 relative orbit, ordered by sensing time,
 * not by name), and tiles × years for monthly composites; the refusals name line and fix.
 */
class SeriesExpansionTest {
    @TempDir
    Path dir;

    private Path touch(Path folder, String name) throws Exception {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(name), "");
    }

    private List<String> pairs(List<JobRow> rows) {
        List<String> out = new ArrayList<>();
        for (JobRow r : rows) {
            out.add(Path.of(r.options().get("input1")).getFileName() + " > " + Path.of(r.options().get("input2")).getFileName());
        }
        return out;
    }

    @Test
    void consecutivePairsPerTileInSensingOrder() throws Exception {
        Path s2 = dir.resolve("s2");
        // S2B sorts before S2A by name, but the dates decide; two tiles make two chains
        touch(s2, "S2B_MSIL2A_20230111T103431_N0509_R108_T32TQR_20230111T140000.zip");
        touch(s2, "S2A_MSIL2A_20230101T103431_N0509_R108_T32TQR_20230101T135000.zip");
        touch(s2, "S2A_MSIL2A_20230121T103431_N0509_R108_T32TQR_20230121T135000.zip");
        touch(s2, "S2A_MSIL2A_20230101T103431_N0509_R108_T32TPR_20230101T135000.zip");
        touch(s2, "S2B_MSIL2A_20230104T103431_N0509_R108_T32TPR_20230104T140000.zip");
        Path manifest = Files.writeString(dir.resolve("jobs.csv"), "service,input1,input2,output_dir\n"
                + "S2-CD," + s2 + "/S2*_MSIL2A_*.zip,@next," + dir.resolve("out") + "\n");
        List<JobRow> rows = JobManifest.read(manifest);
        assertEquals(List.of(
                "S2A_MSIL2A_20230101T103431_N0509_R108_T32TPR_20230101T135000.zip > S2B_MSIL2A_20230104T103431_N0509_R108_T32TPR_20230104T140000.zip",
                "S2A_MSIL2A_20230101T103431_N0509_R108_T32TQR_20230101T135000.zip > S2B_MSIL2A_20230111T103431_N0509_R108_T32TQR_20230111T140000.zip",
                "S2B_MSIL2A_20230111T103431_N0509_R108_T32TQR_20230111T140000.zip > S2A_MSIL2A_20230121T103431_N0509_R108_T32TQR_20230121T135000.zip"),
                pairs(rows));
        assertEquals(List.of(1, 2, 3), rows.stream().map(JobRow::row).toList());
        assertTrue(rows.stream().allMatch(r -> r.service().equals("S2-CD") && r.output().equals(dir.resolve("out").toString())));
    }

    @Test
    void sentinel1PairsWithinARelativeOrbit() {
        // ESA's rule: S1A relative = (absolute - 73) mod 175 + 1, S1B (absolute - 27) mod 175 + 1
        assertEquals("S1 relative orbit 44", SeriesExpansion.group(
                "S1A_IW_SLC__1SDV_20210104T053322_20210104T053349_035991_0437FA_7D3A.zip"), "(35991 - 73) mod 175 + 1");
        assertEquals("S1 relative orbit 44", SeriesExpansion.group(
                "S1A_IW_SLC__1SDV_20210116T053321_20210116T053348_036166_043DC2_1C6C.zip"), "one 12-day cycle later");
        assertEquals("S1 relative orbit 44", SeriesExpansion.group(
                "S1B_IW_SLC__1SDV_20210110T053236_20210110T053303_025095_02FBCB_0F7B.zip"), "(25095 - 27) mod 175 + 1");
        assertEquals("S1 relative orbit 117", SeriesExpansion.group(
                "S1A_IW_SLC__1SDV_20210109T173940_20210109T174007_036064_043A8C_9B63.zip"));
        assertEquals("S1C orbit cycle position 1", SeriesExpansion.group(
                "S1C_IW_SLC__1SDV_20250109T173940_20250109T174007_000176_000A8C_9B63.zip"));
        assertEquals("", SeriesExpansion.group("scene_2021.tif"));
    }

    @Test
    void tilesTimesYearsForMonthlyComposites() throws Exception {
        Path series = dir.resolve("series");
        touch(series.resolve("REFBOA"), "T32TQR_20180105_REFBOA.tif");
        touch(series.resolve("REFBOA"), "T33UVP_20180105_REFBOA.tif");
        touch(series.resolve("REFBOA"), "T32TQR_20190105_REFBOA.tif");
        touch(series.resolve("LAI"), "T32TQR_20180105_LAI.tif");
        Path manifest = Files.writeString(dir.resolve("mc.csv"), "service,input_dir,tile,season_start,output_dir\n"
                + "monthlycomposite," + series + ",*,2017-2018," + dir.resolve("mc") + "\n"
                + "monthlycomposite," + series + ",32TQR,2019," + dir.resolve("mc") + "\n");
        List<JobRow> rows = JobManifest.read(manifest);
        List<String> jobs = rows.stream().map(r -> r.options().get("tile") + "/" + r.options().get("season_start")).toList();
        assertEquals(List.of("32TQR/2017", "32TQR/2018", "33UVP/2017", "33UVP/2018", "32TQR/2019"), jobs);
        assertEquals(List.of(1, 2, 3, 4, 5), rows.stream().map(JobRow::row).toList());
    }

    @Test
    void refusalsNameTheLineAndTheFix() throws Exception {
        Path s2 = dir.resolve("lonely");
        touch(s2, "S2A_MSIL2A_20230101T103431_N0509_R108_T32TQR_20230101T135000.zip");
        touch(s2, "S2A_MSIL2A_20230101T103431_N0509_R108_T32TPR_20230101T135000.zip");
        Path noPair = Files.writeString(dir.resolve("nopair.csv"), "service,input1,input2,output_dir\n"
                + "S2-CD," + s2 + "/S2*.zip,@next," + dir.resolve("out") + "\n");
        Ai4cException e = assertThrows(Ai4cException.class, () -> JobManifest.read(noPair));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("no two comparable"), e.getMessage());
        Path noGlob = Files.writeString(dir.resolve("noglob.csv"), "service,input1,input2,output_dir\n"
                + "S2-CD,a.zip,@next,out\n");
        e = assertThrows(Ai4cException.class, () -> JobManifest.read(noGlob));
        assertTrue(e.getMessage().contains("no option is a glob"), e.getMessage());
        Path path = Files.writeString(dir.resolve("path.csv"), "service,input1,input2,output_path\n"
                + "S2-CD," + s2 + "/S2*.zip,@next,out/cd.tif\n");
        e = assertThrows(Ai4cException.class, () -> JobManifest.read(path));
        assertTrue(e.getMessage().contains("output_dir"), e.getMessage());
        Path years = Files.writeString(dir.resolve("years.csv"), "service,input_dir,season_start,output_dir\n"
                + "monthlycomposite,x,2019-2017,mc\n");
        e = assertThrows(Ai4cException.class, () -> JobManifest.read(years));
        assertTrue(e.getMessage().contains("FIRST <= LAST"), e.getMessage());
    }
}
