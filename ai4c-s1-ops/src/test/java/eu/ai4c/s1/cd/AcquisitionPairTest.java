package eu.ai4c.s1.cd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.s1.safe.Manifest;
import eu.ai4c.s1.safe.Manifest.LatLon;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcquisitionPairTest {
    static final Instant T0 = Instant.parse("2024-05-02T05:39:10Z");
    static final List<LatLon> FOOT = List.of(new LatLon(41, 12), new LatLon(41, 15), new LatLon(43, 15), new LatLon(43, 12));

    static Manifest manifest(String mission, String type, String mode, int relOrbit, String pass, Instant start,
                             List<String> pols, List<LatLon> footprint) {
        return new Manifest(mission, mode, type, pols, List.of("IW1", "IW2", "IW3"), relOrbit, 5000, pass, start,
                start.plusSeconds(25), footprint, "003.71", List.of());
    }

    static Manifest slc(String mission, Instant start) {
        return manifest(mission, "SLC", "IW", 117, "DESCENDING", start, List.of("VV", "VH"), FOOT);
    }

    @Test
    void laterFirstIsReorderedAndCyclesCounted() {
        Manifest a = slc("S1A", T0), b = slc("S1B", T0.plus(Duration.ofDays(18)).plusSeconds(40));
        AcquisitionPair p = AcquisitionPair.of("b.zip", b, "a.zip", a, List.of("VV"), List.of("IW2"));
        assertSame(a, p.reference());
        assertSame(b, p.secondary());
        assertEquals(3, p.cycles());
    }

    @Test
    void eachMismatchIsNamedWithItsValues() {
        Manifest ref = slc("S1A", T0);
        Instant t12 = T0.plus(Duration.ofDays(12));
        String msg = refusal(ref, manifest("S1A", "SLC", "IW", 44, "DESCENDING", t12, List.of("VV"), FOOT));
        assertTrue(msg.contains("relative orbits differ: 117 and 44"), msg);
        msg = refusal(ref, manifest("S1A", "SLC", "IW", 117, "ASCENDING", t12, List.of("VV"), FOOT));
        assertTrue(msg.contains("passes differ"), msg);
        msg = refusal(ref, manifest("S1A", "SLC", "SM", 117, "DESCENDING", t12, List.of("VV"), FOOT));
        assertTrue(msg.contains("modes differ: IW and SM"), msg);
        msg = refusal(ref, manifest("S1A", "SLC", "IW", 117, "DESCENDING", t12, List.of("HH"), FOOT));
        assertTrue(msg.contains("polarisation VV is not in two.zip"), msg);
        msg = refusal(ref, slc("S1A", T0.plus(Duration.ofDays(10))));
        assertTrue(msg.contains("10.000 days apart") && msg.contains("6-day cycle"), msg);
        msg = refusal(ref, slc("S1A", T0.plusSeconds(30)));
        assertTrue(msg.contains("6-day cycle"), "same-day products are no pair: " + msg);
        List<LatLon> far = List.of(new LatLon(50, 12), new LatLon(50, 15), new LatLon(52, 15), new LatLon(52, 12));
        msg = refusal(ref, manifest("S1A", "SLC", "IW", 117, "DESCENDING", t12, List.of("VV"), far));
        assertTrue(msg.contains("footprints do not overlap"), msg);
        msg = refusal(ref, manifest("S2A", "SLC", "IW", 117, "DESCENDING", t12, List.of("VV"), FOOT));
        assertTrue(msg.contains("not of one family"), msg);
        IllegalArgumentException grd = assertThrows(IllegalArgumentException.class, () -> AcquisitionPair.of("one.zip", ref,
                "two.zip", manifest("S1A", "GRD", "IW", 117, "DESCENDING", t12, List.of("VV"), FOOT), List.of("VV"), List.of()));
        assertTrue(grd.getMessage().contains("two.zip is a GRD product"), grd.getMessage());
    }

    @Test
    void footprintsAcrossTheAntimeridianOverlap() {
        List<LatLon> west = List.of(new LatLon(60, 178), new LatLon(60, -179), new LatLon(62, -179), new LatLon(62, 178));
        List<LatLon> east = List.of(new LatLon(61, 179.5), new LatLon(61, -177), new LatLon(63, -177), new LatLon(63, 179.5));
        assertTrue(Footprints.overlap(west, east));
        assertTrue(Footprints.overlap(FOOT, FOOT));
    }

    private static String refusal(Manifest a, Manifest b) {
        return assertThrows(IllegalArgumentException.class,
                () -> AcquisitionPair.of("one.zip", a, "two.zip", b, List.of("VV"), List.of("IW2"))).getMessage();
    }
}
