package eu.ai4c.s1.safe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.s1.testing.S1Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parses the real manifests and annotations of the fixtures; spot values copied from the XML text. */
class SafeMetadataTest {

    private static Path grdAnnotation() {
        return S1Fixtures.file(S1Fixtures.sarsenGrd().resolve("annotation"), "s1b-iw-grd-vv");
    }

    @Test
    void grdManifest() throws Exception {
        Manifest m = Manifest.parse(Files.readAllBytes(S1Fixtures.sarsenGrd().resolve("manifest.safe")), "manifest.safe");
        assertEquals("S1B", m.mission());
        assertEquals("IW", m.mode());
        assertEquals("GRD", m.productType());
        assertEquals(List.of("VV", "VH"), m.polarisations());
        assertEquals(List.of("IW"), m.swaths());
        assertEquals(22, m.relativeOrbit());
        assertEquals(30148, m.absoluteOrbit());
        assertEquals("DESCENDING", m.pass());
        assertEquals(Instant.parse("2021-12-23T05:11:22.594441Z"), m.startTime());
        assertEquals(Instant.parse("2021-12-23T05:11:47.593146Z"), m.stopTime());
        assertEquals(4, m.footprint().size());
        assertEquals(40.876698, m.footprint().get(0).latitude());
        assertEquals(15.321935, m.footprint().get(3).longitude());
        assertEquals("003.40", m.ipfVersion());
        assertEquals(3.40, m.ipfVersionNumber(), 1e-12);
        assertEquals(2, m.dataObjects("s1Level1CalibrationSchema").size());
        assertEquals("measurement/s1b-iw-grd-vv-20211223t051122-20211223t051147-030148-039993-001.tiff",
                m.dataObjects("s1Level1MeasurementSchema").get(1).href());
    }

    @Test
    void slcManifests() throws Exception {
        Manifest m = Manifest.parse(Files.readAllBytes(S1Fixtures.sarsenSlc().resolve("manifest.safe")), "manifest.safe");
        assertEquals("S1A", m.mission());
        assertEquals("SLC", m.productType());
        assertEquals(List.of("IW1", "IW2", "IW3"), m.swaths());
        try (SafeArchive zip = SafeArchive.open(S1Fixtures.s1ReaderZip())) {
            assertTrue(zip.isZipped());
            assertEquals("S1A_IW_SLC__1SDV_20200511T135117_20200511T135144_032518_03C421_7768", zip.productName());
            Manifest z = Manifest.read(zip);
            assertEquals("SLC", z.productType());
            assertEquals(71, z.relativeOrbit());
            assertEquals(32518, z.absoluteOrbit());
            assertEquals("003.20", z.ipfVersion());
            assertEquals(37.133995, z.footprint().get(0).latitude());
            assertEquals(-115.650406, z.footprint().get(0).longitude());
            assertEquals(6, z.dataObjects("s1Level1NoiseSchema").size());
            assertEquals(6, zip.list("annotation").size());
        }
    }

    @Test
    void grdAnnotationValues() throws Exception {
        Annotation a = Annotation.parse(Files.readAllBytes(grdAnnotation()), grdAnnotation().getFileName().toString());
        assertEquals("S1B", a.adsHeader().missionId());
        assertEquals("IW", a.adsHeader().swath());
        assertEquals("VV", a.adsHeader().polarisation());
        assertEquals(30148, a.adsHeader().absoluteOrbitNumber());
        Annotation.ImageInformation ii = a.imageInformation();
        assertEquals(26102, ii.numberOfSamples());
        assertEquals(16705, ii.numberOfLines());
        assertEquals(10.0, ii.rangePixelSpacing());
        assertEquals(10.0, ii.azimuthPixelSpacing());
        assertEquals(5.332632114118834e-03, ii.slantRangeTime());
        assertEquals(1.496569996245720e-03, ii.azimuthTimeInterval());
        assertEquals(Instant.parse("2021-12-23T05:11:22.594441Z"), ii.productFirstLineUtcTime());
        assertEquals("Detected", ii.pixelValue());
        assertEquals(-1.663128724205746e+02, a.productInformation().platformHeading());
        assertEquals(5.405000454334350e+09, a.productInformation().radarFrequency());

        assertEquals(210, a.geolocationGrid().size());
        Annotation.GeolocationGridPoint first = a.geolocationGrid().get(0), last = a.geolocationGrid().get(209);
        assertEquals(0, first.line());
        assertEquals(4.237675280764677e+01, first.latitude());
        assertEquals(1.532209672548896e+01, first.longitude());
        assertEquals(3.030944924571985e+01, first.incidenceAngle());
        assertEquals(Instant.parse("2021-12-23T05:11:22.594174Z"), first.azimuthTime());
        assertEquals(16704, last.line());
        assertEquals(26101, last.pixel());
        assertEquals(4.128078026909404e+01, last.latitude());
        assertEquals(1.186800305333565e+01, last.longitude());
        assertEquals(4.607803055980524e+01, last.incidenceAngle());
        assertEquals(6.418551075906721e-03, last.slantRangeTime());

        assertEquals(16, a.orbitList().size());
        assertEquals(4.657064978530000e+06, a.orbitList().get(0).x());
        assertEquals(Instant.parse("2021-12-23T05:10:21.029300Z"), a.orbitList().get(0).time());
        assertEquals(-5.958746153000000e+03, a.orbitList().get(15).vz());
        assertEquals(28, a.coordinateConversionList().size());
        Annotation.CoordinateConversion cc = a.coordinateConversionList().get(27);
        assertEquals(9, cc.srgrCoefficients().length);
        assertEquals(7.993414445508772e+05, cc.sr0());
        assertEquals(7.993414445508772e+05, cc.grsrCoefficients()[0]);
        assertEquals(5.064139173721504e-01, cc.grsrCoefficients()[1]);
        assertEquals(4.151284601539373e-02, a.coordinateConversionList().get(0).srgrCoefficients()[0]);
    }

    @Test
    void slcAnnotationValues() throws Exception {
        Path f = S1Fixtures.file(S1Fixtures.sarsenSlc().resolve("annotation"), "s1a-iw1-slc-vv");
        Annotation a = Annotation.parse(Files.readAllBytes(f), f.getFileName().toString());
        assertEquals("IW1", a.adsHeader().swath());
        assertEquals(22694, a.width());
        assertEquals(13509, a.height());
        assertEquals(2.055556299999998e-03, a.imageInformation().azimuthTimeInterval());
        assertEquals(-1.367718277152630e+01, a.productInformation().platformHeading());
        assertEquals(3.682005843998540e+01, a.geolocationGrid().get(209).incidenceAngle());
        assertEquals(16, a.orbitList().size());
        assertFalse(a.coordinateConversionList().size() > 0, "SLC annotations have no SRGR records");
    }
}
