package eu.ai4c.s1.safe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.s1.testing.S1Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Calibration and noise XML of the fixtures, both noise layouts, and loud failures on bad structure. */
class LutParsingTest {

    static Path grdCalibrationFile() {
        return S1Fixtures.file(S1Fixtures.sarsenGrd().resolve("annotation/calibration"), "calibration-");
    }

    static Path grdNoiseFile() {
        return S1Fixtures.file(S1Fixtures.sarsenGrd().resolve("annotation/calibration"), "noise-");
    }

    static CalibrationLuts grdCalibration() throws Exception {
        return CalibrationLuts.parse(Files.readAllBytes(grdCalibrationFile()), grdCalibrationFile().getFileName().toString());
    }

    static NoiseLuts grdNoise() throws Exception {
        return NoiseLuts.parse(Files.readAllBytes(grdNoiseFile()), grdNoiseFile().getFileName().toString());
    }

    @Test
    void grdCalibrationVectors() throws Exception {
        CalibrationLuts c = grdCalibration();
        assertEquals(1.393, c.absoluteCalibrationConstant());
        assertEquals(27, c.calibrationVectorList().size());
        CalibrationLuts.CalibrationVector first = c.calibrationVectorList().get(0), last = c.calibrationVectorList().get(26);
        assertEquals(0, first.line());
        assertEquals(17373, last.line());
        assertEquals(Instant.parse("2021-12-23T05:11:48.594441Z"), last.azimuthTime());
        assertEquals(654, last.pixel().length);
        assertEquals(26101, last.pixel()[653]);
        assertEquals(5.583672e+02, last.sigmaNought()[653]);
        assertEquals(6.157493e+02, first.gamma()[0]);
        assertEquals(654, first.dn().length);
        assertEquals(473.9733, c.calibrationVectorList().get(5).betaNought()[0]);
    }

    @Test
    void grdNoiseVectorsRangeAndAzimuth() throws Exception {
        NoiseLuts n = grdNoise();
        assertFalse(n.legacyLayout());
        assertEquals(27, n.noiseRangeVectorList().size());
        assertEquals(16704, n.noiseRangeVectorList().get(26).line());
        assertEquals(2.375788e+03, n.noiseRangeVectorList().get(0).noiseRangeLut()[0]);
        assertEquals(0.0, n.noiseRangeVectorList().get(26).noiseRangeLut()[n.noiseRangeVectorList().get(26).pixel().length - 1]);
        assertEquals(3, n.noiseAzimuthVectorList().size());
        NoiseLuts.NoiseAzimuthVector iw2 = n.noiseAzimuthVectorList().get(1);
        assertEquals("IW2", iw2.swath());
        assertEquals(8890, iw2.firstRangeSample());
        assertEquals(17700, iw2.lastRangeSample());
        assertEquals(0, iw2.firstAzimuthLine());
        assertEquals(16704, iw2.lastAzimuthLine());
        assertEquals(1688, iw2.line().length);
        assertEquals(1.001713e+00, iw2.noiseAzimuthLut()[0]);
        assertEquals(1.006360e+00, iw2.noiseAzimuthLut()[1687]);
    }

    @Test
    void legacyNoiseLayoutBeforeIpf29() throws Exception {
        // The pre-2.9 layout carries the same range vectors as noiseVectorList/noiseVector/noiseLut and no azimuth list.
        String xml = Files.readString(grdNoiseFile());
        String legacy = xml.substring(0, xml.indexOf("<noiseAzimuthVectorList")) + "</noise>\n";
        legacy = legacy.replace("noiseRangeVectorList", "noiseVectorList").replace("noiseRangeVector>", "noiseVector>")
                .replace("noiseRangeLut", "noiseLut");
        NoiseLuts n = NoiseLuts.parse(legacy.getBytes(StandardCharsets.UTF_8), "noise-legacy.xml");
        NoiseLuts modern = grdNoise();
        assertTrue(n.legacyLayout());
        assertTrue(n.noiseAzimuthVectorList().isEmpty());
        assertEquals(27, n.noiseRangeVectorList().size());
        assertArrayEquals(modern.noiseRangeVectorList().get(7).noiseRangeLut(), n.noiseRangeVectorList().get(7).noiseRangeLut());
        assertArrayEquals(modern.noiseRangeVectorList().get(7).pixel(), n.noiseRangeVectorList().get(7).pixel());
    }

    @Test
    void zippedSlcHasSixCalibrationAndNoiseFiles() throws Exception {
        try (S1Product p = S1Product.open(S1Fixtures.s1ReaderZip())) {
            assertEquals(6, p.images().size());
            assertEquals(java.util.List.of("IW1", "IW2", "IW3"), p.swaths());
            assertEquals(java.util.List.of("VV", "VH"), p.polarisations());
            S1Image iw1vv = p.image("IW1", "VV");
            assertEquals(29, iw1vv.calibration().calibrationVectorList().size());
            assertEquals(-1038, iw1vv.calibration().calibrationVectorList().get(0).line());
            assertEquals(3.062221e+02, iw1vv.calibration().calibrationVectorList().get(28).sigmaNought()[537]);
            assertEquals(10, iw1vv.noise().noiseRangeVectorList().size());
            assertEquals(5.344797e+02, iw1vv.noise().noiseRangeVectorList().get(9).noiseRangeLut()[537]);
            assertEquals(1, iw1vv.noise().noiseAzimuthVectorList().size());
            assertEquals(1.162481e+00, iw1vv.noise().noiseAzimuthVectorList().get(0).noiseAzimuthLut()[1358]);
            assertEquals(21444, iw1vv.annotation().width());
            assertEquals("003.20", p.ipfVersion());
            assertEquals("SLC", p.productType());
        }
    }

    @Test
    void countMismatchNamesFileVectorAndLut() throws Exception {
        String xml = Files.readString(grdCalibrationFile());
        // drop the last sigmaNought value of vector 3 (keeping its count attribute) and fix the count
        int v3 = nthIndex(xml, "<calibrationVector>", 3);
        int s = xml.indexOf("<sigmaNought count=\"654\">", v3);
        int end = xml.indexOf("</sigmaNought>", s);
        String values = xml.substring(s + "<sigmaNought count=\"654\">".length(), end);
        String shorter = values.substring(0, values.lastIndexOf(' '));
        String bad = xml.substring(0, s) + "<sigmaNought count=\"653\">" + shorter + xml.substring(end);
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> CalibrationLuts.parse(bad.getBytes(StandardCharsets.UTF_8), "calibration-test.xml"));
        assertTrue(e.getMessage().startsWith("calibration-test.xml: "), e.getMessage());
        assertTrue(e.getMessage().contains("calibrationVector[3] has 654 pixels but 653 sigmaNought values"), e.getMessage());

        String badCount = xml.replaceFirst("<calibrationVectorList count=\"27\">", "<calibrationVectorList count=\"28\">");
        Ai4cException e2 = assertThrows(Ai4cException.class,
                () -> CalibrationLuts.parse(badCount.getBytes(StandardCharsets.UTF_8), "c.xml"));
        assertTrue(e2.getMessage().contains("count=\"28\" but has 27"), e2.getMessage());
    }

    @Test
    void structuralErrorsFailLoudly() throws Exception {
        String xml = Files.readString(grdNoiseFile());
        String decreasing = xml.replaceFirst("<pixel count=\"657\">0 40 80", "<pixel count=\"657\">0 80 40");
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> NoiseLuts.parse(decreasing.getBytes(StandardCharsets.UTF_8), "noise-test.xml"));
        assertTrue(e.getMessage().contains("noiseRangeVector[0] has pixel 40 after 80"), e.getMessage());

        String noList = xml.replace("noiseRangeVectorList", "somethingElse");
        Ai4cException e2 = assertThrows(Ai4cException.class,
                () -> NoiseLuts.parse(noList.getBytes(StandardCharsets.UTF_8), "noise-test.xml"));
        assertTrue(e2.getMessage().contains("neither noiseRangeVectorList"), e2.getMessage());

        String overlap = xml.replace("<firstRangeSample>8890</firstRangeSample>", "<firstRangeSample>8800</firstRangeSample>");
        Ai4cException eo = assertThrows(Ai4cException.class,
                () -> NoiseLuts.parse(overlap.getBytes(StandardCharsets.UTF_8), "noise-test.xml"));
        assertTrue(eo.getMessage().contains("overlapping blocks 0 and 1"), eo.getMessage());

        Ai4cException e3 = assertThrows(Ai4cException.class,
                () -> CalibrationLuts.parse("<calibration><adsHeader>".getBytes(StandardCharsets.UTF_8), "cut.xml"));
        assertTrue(e3.getMessage().startsWith("cut.xml is not well-formed XML"), e3.getMessage());

        String noTime = Files.readString(grdCalibrationFile()).replaceFirst("<azimuthTime>2021", "<azimuthTime>x2021");
        Ai4cException e4 = assertThrows(Ai4cException.class,
                () -> CalibrationLuts.parse(noTime.getBytes(StandardCharsets.UTF_8), "c.xml"));
        assertTrue(e4.getMessage().contains("calibrationVector[0]/azimuthTime holds \"x2021"), e4.getMessage());
    }

    private static int nthIndex(String s, String what, int n) {
        int at = -1;
        for (int i = 0; i <= n; i++) at = s.indexOf(what, at + 1);
        return at;
    }
}
