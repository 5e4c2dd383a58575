package eu.ai4c.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.testing.Fixtures;
import eu.ai4c.s1.synthetic.SyntheticGrd;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ai4c S1-GRD-preprocess} end to end on a small synthetic GRD: a GeoTIFF is written and
 * checked with gdalinfo; bad inputs (SLC, truncated zip, missing DEM, orbit file of another day,
 * negative resolution, missing polarisation) exit non-zero with a clear one-line message and
 * leave the output folder empty.
 */
class GrdPreprocessCommandTest {
    @TempDir
    static Path dir;
    static Path safe;

    @BeforeAll
    static void generate() throws IOException {
        safe = SyntheticGrd.builder(500, 300).polarisations("VV", "VH").centre(41.9, 12.5).seed(5)
                .pointTarget(150, 250, 30000).noValueBorder(20).build().write(dir.resolve("in"));
    }

    static String[] args(Path input, Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("S1-GRD-preprocess", "--input", input.toString(), "--output_path",
                out.toString(), "--resolution", "40", "--speckle", "None", "--quiet"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    static Path emptyFolder(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    static void assertEmpty(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> left = s.toList();
            assertTrue(left.isEmpty(), "nothing may be written on failure: " + left);
        }
    }

    /** Fails with exit code {@code code}, a message containing every {@code words}, no stack trace, nothing written. */
    static void assertFails(int code, Path out, Cli c, String... words) throws IOException {
        assertEquals(code, c.exit(), c.toString());
        for (String w : words) assertTrue(c.err().contains(w), "message must name " + w + ": " + c);
        assertFalse(c.err().contains("\tat "), c.toString());
        assertEmpty(out);
    }

    @Test
    void writesAGeoTiffReadableByGdal() throws Exception {
        Path out = emptyFolder("ok");
        Cli c = Cli.run(args(safe, out, "--polarization", "VV,VH", "--calibration", "SigmaDB"));
        assertEquals(0, c.exit(), c.toString());
        Path tif = Path.of(c.out().strip());
        assertEquals(out.toAbsolutePath(), tif.getParent());
        assertTrue(tif.getFileName().toString().endsWith("_Sigma0_dB_TC.tif"), tif.toString());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(eu.ai4c.kit.stac.StacItems.itemFile(tif).getFileName().toString(), tif.getFileName().toString()),
                    s.map(p -> p.getFileName().toString()).sorted().toList(), "one product and its STAC item, no temporaries");
        }
        Raster r = ProductIO.read(tif).raster();
        assertEquals(2, r.bands().size());
        float[] v = r.read(0, Region.of(r.width(), r.height())).toFloats();
        int nan = 0, finite = 0;
        for (float x : v) {
            if (Float.isNaN(x)) nan++;
            else finite++;
        }
        assertTrue(nan > 0 && finite > v.length / 10, nan + " NaN, " + finite + " finite");
        assertTrue(((MapGeoCoding) r.geoCoding()).pixelSizeX() < 1e-3);
        Process p = new ProcessBuilder("gdalinfo", tif.toString()).redirectErrorStream(true).start();
        String info = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "gdalinfo (GDAL must be installed): " + info);
        assertTrue(info.contains("ID[\"EPSG\",4326]") && info.contains("Size is " + r.width() + ", " + r.height())
                && info.contains("Type=Float32"), info);
    }

    @Test
    void slcIsRefusedBeforeReadingPixels() throws IOException {
        Path slc;
        try (Stream<Path> s = Files.list(Fixtures.file("sarsen/tests/data"))) {
            slc = s.filter(f -> f.getFileName().toString().startsWith("S1A_IW_SLC__")).findFirst().orElseThrow();
        }
        Path out = emptyFolder("slc");
        assertFails(1, out, Cli.run(args(slc, out)), "SLC", "GRD");
    }

    @Test
    void truncatedZipIsRefused() throws IOException {
        Path zip = ZippedSafe.write(safe, dir.resolve(safe.getFileName().toString().replace(".SAFE", ".zip")), false);
        byte[] all = Files.readAllBytes(zip);
        // a broken download keeps its ESA name
        Path cut = Files.createDirectories(dir.resolve("cut")).resolve(zip.getFileName());
        try (OutputStream o = Files.newOutputStream(cut)) {
            o.write(all, 0, all.length / 2);
        }
        Path out = emptyFolder("zip");
        Cli c = Cli.run(args(cut, out));
        assertTrue(c.exit() == 1 || c.exit() == 2, c.toString());
        assertFails(c.exit(), out, c, cut.getFileName().toString(), "truncated");
    }

    @Test
    void missingDemIsRefused() throws IOException {
        Path out = emptyFolder("dem");
        Path dem = dir.resolve("no-such-dem.tif");
        Cli c = Cli.run(args(safe, out, "--dem", dem.toString()));
        assertTrue(c.exit() == 1 || c.exit() == 2, c.toString());
        assertFails(c.exit(), out, c, "no-such-dem.tif");
    }

    @Test
    void orbitFileOfAnotherDayIsRefused() throws IOException {
        Path out = emptyFolder("orbit");
        Path eof = dir.resolve("S1A_OPER_AUX_POEORB_OPOD_20210603T120000_V20210602T000000_20210602T235959.EOF");
        Files.writeString(eof, """
                <?xml version="1.0" ?>
                <Earth_Explorer_File><Earth_Explorer_Header><Fixed_Header>
                <File_Name>S1A_OPER_AUX_POEORB_OPOD_20210603T120000_V20210602T000000_20210602T235959</File_Name>
                <Mission>Sentinel-1A</Mission><File_Class>OPER</File_Class><File_Type>AUX_POEORB</File_Type>
                <Validity_Period><Validity_Start>UTC=2021-06-02T00:00:00.000000</Validity_Start>
                <Validity_Stop>UTC=2021-06-02T23:59:59.000000</Validity_Stop></Validity_Period>
                </Fixed_Header></Earth_Explorer_Header><Data_Block type="xml"><List_of_OSVs count="2">
                <OSV><TAI>TAI=2021-06-02T12:00:37.000000</TAI><UTC>UTC=2021-06-02T12:00:00.000000</UTC>
                <UT1>UT1=2021-06-02T12:00:00.000000</UT1><Absolute_Orbit>+38138</Absolute_Orbit>
                <X unit="m">7000000.0</X><Y unit="m">0.0</Y><Z unit="m">0.0</Z>
                <VX unit="m/s">0.0</VX><VY unit="m/s">7500.0</VY><VZ unit="m/s">0.0</VZ><Quality>NOMINAL</Quality></OSV>
                <OSV><TAI>TAI=2021-06-02T12:00:47.000000</TAI><UTC>UTC=2021-06-02T12:00:10.000000</UTC>
                <UT1>UT1=2021-06-02T12:00:10.000000</UT1><Absolute_Orbit>+38138</Absolute_Orbit>
                <X unit="m">6999700.0</X><Y unit="m">75000.0</Y><Z unit="m">0.0</Z>
                <VX unit="m/s">-80.0</VX><VY unit="m/s">7499.0</VY><VZ unit="m/s">0.0</VZ><Quality>NOMINAL</Quality></OSV>
                </List_of_OSVs></Data_Block></Earth_Explorer_File>
                """);
        Cli c = Cli.run(args(safe, out, "--orbit", eof.toString()));
        assertTrue(c.exit() == 1 || c.exit() == 2, c.toString());
        assertFails(c.exit(), out, c, eof.getFileName().toString());
    }

    @Test
    void negativeResolutionIsAUsageError() throws IOException {
        Path out = emptyFolder("res");
        List<String> a = new ArrayList<>(List.of(args(safe, out)));
        a.set(a.indexOf("40"), "-5");
        assertFails(ExitCodes.USAGE, out, Cli.run(a.toArray(String[]::new)), "resolution");
    }

    @Test
    void missingPolarisationIsAUsageErrorNamingTheAvailableOnes() throws IOException {
        Path out = emptyFolder("pol");
        assertFails(ExitCodes.USAGE, out, Cli.run(args(safe, out, "--polarization", "HH")), "HH", "[VV, VH]");
    }
}
