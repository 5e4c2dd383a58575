package eu.ai4c.s2.safe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Product and tile metadata of every real SAFE variant in the shared fixtures. */
class SafeMetadataFixturesTest {
    private static final String STAC = "stactools-sentinel2/tests/data-files/";

    private static S2SafeReader.Metadata read(String safe) throws IOException {
        return S2SafeReader.readMetadata(Fixtures.file(safe));
    }

    /** Level, baseline, quantification, offset of B2 as applied, EPSG, ULX at 10 m. */
    private static void check(String safe, S2Level level, String baseline, double offsetApplied, int epsg, double ulx)
            throws IOException {
        S2SafeReader.Metadata md = read(safe);
        ProductMetadata pm = md.product();
        assertEquals(level, pm.level(), safe);
        assertEquals(baseline, pm.baseline().toString(), safe);
        assertEquals(10000, pm.quantification(), safe);
        for (S2Band b : S2Band.values()) assertEquals(offsetApplied, pm.offset(b), safe + " " + b);
        assertEquals(0, pm.noDataValue());
        assertEquals(65535, pm.saturatedValue());
        assertEquals(13, pm.resolutions().size(), safe);
        assertEquals(10, pm.resolutions().get(S2Band.B2));
        assertEquals(20, pm.resolutions().get(S2Band.B8A));
        assertEquals(60, pm.resolutions().get(S2Band.B1));
        TileMetadata tm = md.tile().orElseThrow();
        assertEquals(epsg, tm.epsg(), safe);
        TileGrid g10 = tm.grid(10).orElseThrow(), g20 = tm.grid(20).orElseThrow(), g60 = tm.grid(60).orElseThrow();
        assertEquals(ulx, g10.ulx(), safe);
        assertEquals(10980, g10.cols());
        assertEquals(5490, g20.rows());
        assertEquals(1830, g60.cols());
        assertEquals(-60, g60.ydim());
        assertEquals(g10.uly(), g60.uly());
        assertTrue(tm.tileName().matches("T\\d{2}[A-Z]{3}"), tm.tileName());
        assertTrue(safe.contains(tm.tileName()), tm.tileName());
    }

    @Test
    void l2aBaseline0212HasNoOffset() throws IOException {
        check(STAC + "S2A_MSIL2A_20190212T192651_N0212_R013_T07HFE_20201007T160857.SAFE", S2Level.L2A, "02.12", 0, 32707, 600000);
        check(STAC + "S2B_MSIL2A_20191228T210519_N0212_R071_T01CCV_20201003T104658.SAFE", S2Level.L2A, "02.12", 0, 32701, 300000);
    }

    @Test
    void l2aBaseline0214HasNoOffset() throws IOException {
        check(STAC + "esa_S2B_MSIL2A_20210122T133229_N0214_R081_T22HBD_20210122T155500.SAFE", S2Level.L2A, "02.14", 0, 32722, 199980);
    }

    @Test
    void l2aBaseline0400And0509ApplyBoaAddOffset() throws IOException {
        check(STAC + "S2B_MSIL2A_20220413T150759_N0400_R025_T33XWJ_20220414T082126.SAFE", S2Level.L2A, "04.00", -1000, 32633, 499980);
        for (String s : List.of("S2A_MSIL2A_20230625T234621_N0509_R073_T01WCP_20230626T022157.SAFE",
                "S2A_MSIL2A_20230625T234621_N0509_R073_T01WCP_20230626T022158.SAFE",
                "S2A_MSIL2A_20230625T234621_N0509_R073_T01WCS_20230626T022157.SAFE")) {
            check(STAC + s, S2Level.L2A, "05.09", -1000, 32601, 300000);
        }
        check(STAC + "S2A_MSIL2A_20230821T221941_N0509_R029_T01KAB_20230822T021825.SAFE", S2Level.L2A, "05.09", -1000, 32701, 99960);
    }

    /**
     * The product footprint ({@code Global_Footprint}, latitude first in the file) lies inside the
     * tile: every point within the lon/lat box of the tile grid's corners (MTD_TL's position and UTM
     * zone, transformed by the kit), where the tile does not cross the antimeridian. T46RER has data on
     * a sliver of its tile only (the swath edge), so its footprint covers a fraction of the box.
     */
    @Test
    void productFootprintsLieInsideTheirTiles() throws IOException {
        for (String safe : List.of("S2A_MSIL1C_20210908T042701_N0301_R133_T46RER_20210908T070248.SAFE",
                "S2A_MSIL2A_20190212T192651_N0212_R013_T07HFE_20201007T160857.SAFE",
                "esa_S2B_MSIL2A_20210122T133229_N0214_R081_T22HBD_20210122T155500.SAFE",
                "S2B_MSIL2A_20220413T150759_N0400_R025_T33XWJ_20220414T082126.SAFE")) {
            S2SafeReader.Metadata md = read(STAC + safe);
            List<double[]> rings = md.product().footprint();
            assertEquals(1, rings.size(), safe);
            double[] ring = rings.get(0);
            TileMetadata tm = md.tile().orElseThrow();
            TileGrid g = tm.grid(10).orElseThrow();
            double[] box = eu.ai4c.kit.stac.Footprint.of(eu.ai4c.kit.geo.MapGeoCoding.northUp(
                    eu.ai4c.kit.geo.Projections.parse("EPSG:" + tm.epsg(), ring[0], ring[1]), g.ulx(), g.uly(), 10, 10),
                    g.cols(), g.rows()).bbox();
            for (int i = 0; i < ring.length; i += 2) {
                assertTrue(ring[i] >= box[0] - 1e-3 && ring[i] <= box[2] + 1e-3, safe + " lon " + ring[i] + " in " + box[0]
                        + ".." + box[2]);
                assertTrue(ring[i + 1] >= box[1] - 1e-3 && ring[i + 1] <= box[3] + 1e-3, safe + " lat " + ring[i + 1]);
            }
            assertEquals(ring[0], ring[ring.length - 2], "closed as written");
        }
        double[] sliver = read(STAC + "S2A_MSIL1C_20210908T042701_N0301_R133_T46RER_20210908T070248.SAFE").product()
                .footprint().get(0);
        assertEquals(93.43341763893636, sliver[0], 0, "longitude first");
        assertEquals(28.023673957735582, sliver[1], 0);
        double west = Double.MAX_VALUE, east = -Double.MAX_VALUE;
        for (int i = 0; i < sliver.length; i += 2) {
            west = Math.min(west, sliver[i]);
            east = Math.max(east, sliver[i]);
        }
        assertTrue(east - west < 0.5, "a sliver of the 1.1-degree-wide tile: " + west + ".." + east);
        // T01WCP straddles the antimeridian: its ring jumps between 180 and -179
        double[] wrapped = read(STAC + "S2A_MSIL2A_20230625T234621_N0509_R073_T01WCP_20230626T022158.SAFE").product()
                .footprint().get(0);
        boolean east180 = false, west180 = false;
        for (int i = 0; i < wrapped.length; i += 2) {
            east180 |= wrapped[i] > 178;
            west180 |= wrapped[i] < -178;
        }
        assertTrue(east180 && west180, "both sides of the antimeridian");
    }

    @Test
    void l1cProductsBefore0400() throws IOException {
        // the 2020 one carries no N number in its name: the baseline comes from the metadata only
        check(STAC + "S2A_MSIL1C_20200717T221941_R029_T01LAC_20200717T234135.SAFE", S2Level.L1C, "02.09", 0, 32701, 99960);
        check(STAC + "S2A_MSIL1C_20210908T042701_N0301_R133_T46RER_20210908T070248.SAFE", S2Level.L1C, "03.01", 0, 32646, 499980);
        check("s2reader/tests/data/compact_safe/S2A_MSIL1C_20170226T102021_N0204_R065_T32TNM_20170226T102458.SAFE",
                S2Level.L1C, "02.04", 0, 32632, 499980);
    }

    @Test
    void productMetadataWithLowerCaseNameAndNoGranule() throws IOException {
        S2SafeReader.Metadata md = read(STAC + "S2A_MSIL2A_20180721T053721_N0212_R062_T43MDV_20201011T181419.SAFE");
        assertEquals(S2Level.L2A, md.product().level());
        assertEquals("02.12", md.product().baseline().toString());
        assertTrue(md.tile().isEmpty());
        Ai4cException e = assertThrows(Ai4cException.class, () -> S2SafeReader.read(
                Fixtures.file(STAC + "S2A_MSIL2A_20180721T053721_N0212_R062_T43MDV_20201011T181419.SAFE")));
        assertTrue(e.getMessage().contains("MTD_TL.xml"), e.getMessage());
    }

    @Test
    void bandImagePathsFollowTheLevelLayout() throws IOException {
        ProductMetadata l2a = read(STAC + "S2A_MSIL2A_20230625T234621_N0509_R073_T01WCP_20230626T022157.SAFE").product();
        Map<S2Band, SafeLayout.ImageFile> m = SafeLayout.bandImages(l2a.imageFiles());
        assertEquals(12, m.size(), m.toString()); // no B10 in L2A
        assertEquals("GRANULE/L2A_T01WCP_A041826_20230625T234624/IMG_DATA/R10m/T01WCP_20230625T234621_B02_10m",
                m.get(S2Band.B2).path());
        assertEquals(20, m.get(S2Band.B5).resolution());
        assertEquals(60, m.get(S2Band.B1).resolution());
        assertEquals(20, m.get(S2Band.B8A).resolution());
        assertEquals(20, SafeLayout.sceneClassification(l2a.imageFiles()).orElseThrow().resolution());
        assertEquals("JPEG2000", l2a.imageFormat());
        ProductMetadata l1c = read(STAC + "S2A_MSIL1C_20210908T042701_N0301_R133_T46RER_20210908T070248.SAFE").product();
        Map<S2Band, SafeLayout.ImageFile> c = SafeLayout.bandImages(l1c.imageFiles());
        assertEquals(13, c.size());
        assertEquals("GRANULE/L1C_T46RER_A032448_20210908T043714/IMG_DATA/T46RER_20210908T042701_B8A", c.get(S2Band.B8A).path());
        assertTrue(SafeLayout.sceneClassification(l1c.imageFiles()).isEmpty());
        assertEquals("GeoTIFF", read(STAC + "S2B_MSIL2A_20220413T150759_N0400_R025_T33XWJ_20220414T082126.SAFE")
                .product().imageFormat());
    }

    @Test
    void maskFilesPerBaseline() throws IOException {
        TileMetadata n0509 = read(STAC + "S2A_MSIL2A_20230625T234621_N0509_R073_T01WCP_20230626T022157.SAFE").tile().orElseThrow();
        assertEquals(List.of("GRANULE/L2A_T01WCP_A041826_20230625T234624/QI_DATA/MSK_CLASSI_B00.jp2"), n0509.masks("MSK_CLASSI"));
        assertTrue(n0509.masks("MSK_CLOUDS").isEmpty());
        assertEquals(2, n0509.masks("MSK_CLDPRB").size()); // 20 m and 60 m
        TileMetadata n0212 = read(STAC + "S2A_MSIL2A_20190212T192651_N0212_R013_T07HFE_20201007T160857.SAFE").tile().orElseThrow();
        assertEquals(1, n0212.masks("MSK_CLOUDS").size());
        assertEquals(2, n0212.masks("MSK_CLDPRB").size());
        assertTrue(n0212.masks("MSK_CLASSI").isEmpty());
        assertEquals(51.580326, n0212.cloudyPixelPercentage(), 1e-9);
    }

    /** The baseline in the metadata decides, not the dates: the same XML with another baseline. */
    @Test
    void baselineNotDateDecidesTheOffset() throws IOException {
        Path mtd = Fixtures.file(STAC + "S2A_MSIL2A_20230625T234621_N0509_R073_T01WCP_20230626T022157.SAFE/MTD_MSIL2A.xml");
        String xml = Files.readString(mtd);
        ProductMetadata as0301 = ProductMetadataParser.parse(stream(xml.replace(
                "<PROCESSING_BASELINE>05.09</PROCESSING_BASELINE>", "<PROCESSING_BASELINE>03.01</PROCESSING_BASELINE>")), "x");
        assertEquals(0, as0301.offset(S2Band.B2));
        assertEquals(-1000, as0301.addOffsets()[S2Band.B2.bandId()]);
        Path old = Fixtures.file(STAC + "S2A_MSIL2A_20190212T192651_N0212_R013_T07HFE_20201007T160857.SAFE/MTD_MSIL2A.xml");
        String oldXml = Files.readString(old).replace("<PROCESSING_BASELINE>02.12</PROCESSING_BASELINE>",
                "<PROCESSING_BASELINE>04.00</PROCESSING_BASELINE>");
        Ai4cException e = assertThrows(Ai4cException.class, () -> ProductMetadataParser.parse(stream(oldXml), "MTD_MSIL2A.xml"));
        assertTrue(e.getMessage().contains("BOA_ADD_OFFSET") && e.getMessage().contains("04.00"), e.getMessage());
    }

    @Test
    void zippedSafeGivesTheSameMetadata(@TempDir Path tmp) throws IOException {
        Path safe = Fixtures.file(STAC + "S2A_MSIL2A_20230821T221941_N0509_R029_T01KAB_20230822T021825.SAFE");
        Path zip = tmp.resolve("S2A_MSIL2A_20230821T221941_N0509_R029_T01KAB_20230822T021825.zip");
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os);
             Stream<Path> files = Files.walk(safe)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                z.putNextEntry(new ZipEntry(safe.getFileName() + "/" + safe.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
        S2SafeReader.Metadata a = S2SafeReader.readMetadata(safe), b = S2SafeReader.readMetadata(zip);
        assertEquals(a.product().baseline(), b.product().baseline());
        assertEquals(a.product().imageFiles(), b.product().imageFiles());
        assertEquals(a.tile().orElseThrow().grids(), b.tile().orElseThrow().grids());
        assertEquals(a.tileMetadataPath(), b.tileMetadataPath());
        assertEquals(eu.ai4c.kit.io.ProductReader.Fit.SPECIFIC, new S2ProductReader().probe(zip));
        assertEquals(eu.ai4c.kit.io.ProductReader.Fit.SPECIFIC, new S2ProductReader().probe(safe));
    }

    @Test
    void notSentinel2(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("readme.txt"), "x");
        Ai4cException e = assertThrows(Ai4cException.class, () -> S2SafeReader.readMetadata(tmp));
        assertTrue(e.getMessage().contains("MTD_MSIL1C.xml"), e.getMessage());
        assertFalse(new S2ProductReader().probe(tmp) == eu.ai4c.kit.io.ProductReader.Fit.SPECIFIC);
    }

    /** The s2reader tree has 0-byte band images: the product opens, reading a band says what is wrong. */
    @Test
    void placeholderBandImagesGiveAClearMessage() throws IOException {
        Path safe = Fixtures.file("s2reader/tests/data/compact_safe/"
                + "S2A_MSIL1C_20170226T102021_N0204_R065_T32TNM_20170226T102458.SAFE");
        S2Product p = S2SafeReader.read(safe);
        assertEquals(13, p.bands().size());
        assertEquals(S2Level.L1C, p.level());
        assertTrue(p.gmlClouds().isPresent());
        assertEquals(32632, eu.ai4c.kit.geo.Projections.epsgCode(p.crs()).orElseThrow());
        assertEquals(499980, p.band(S2Band.B11).grid().x(0, 0));
        assertEquals(20, p.band(S2Band.B11).grid().pixelSizeX());
        Ai4cException e = assertThrows(Ai4cException.class, () -> p.band(S2Band.B2).raster());
        assertTrue(e.getMessage().contains("T32TNM_20170226T102021_B02.jp2") && e.getMessage().contains("empty"),
                e.getMessage());
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
