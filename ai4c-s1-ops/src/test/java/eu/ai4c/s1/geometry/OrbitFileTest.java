package eu.ai4c.s1.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrbitFileTest {
    private static final Instant ORIGIN = Instant.parse("2021-06-01T05:00:00Z");
    private final Kepler kepler = Kepler.sentinel1Like(41.9, 12.5);

    /** An .EOF file with vectors every 10 s from {@code from} to {@code to} seconds after ORIGIN. */
    private Path writeEof(Path dir, String mission, String type, int from, int to) throws IOException {
        Instant start = ORIGIN.plusSeconds(from), stop = ORIGIN.plusSeconds(to);
        String stamp = start.toString().replace("-", "").replace(":", "").replace("Z", "");
        String name = mission + "_OPER_AUX_" + type + "_OPOD_20210620T120000_V" + stamp + "_"
                + stop.toString().replace("-", "").replace(":", "").replace("Z", "") + ".EOF";
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" ?>\n<Earth_Explorer_File>\n  <Earth_Explorer_Header>\n    <Fixed_Header>\n")
                .append("      <File_Name>").append(name, 0, name.length() - 4).append("</File_Name>\n")
                .append("      <Mission>Sentinel-").append(mission.substring(1)).append("</Mission>\n")
                .append("      <File_Class>OPER</File_Class>\n      <File_Type>AUX_").append(type).append("</File_Type>\n")
                .append("      <Validity_Period>\n        <Validity_Start>UTC=").append(utc(start))
                .append("</Validity_Start>\n        <Validity_Stop>UTC=").append(utc(stop))
                .append("</Validity_Stop>\n      </Validity_Period>\n    </Fixed_Header>\n")
                .append("    <Variable_Header><Ref_Frame>EARTH_FIXED</Ref_Frame></Variable_Header>\n")
                .append("  </Earth_Explorer_Header>\n  <Data_Block type=\"xml\">\n    <List_of_OSVs count=\"")
                .append((to - from) / 10 + 1).append("\">\n");
        for (int t = from; t <= to; t += 10) {
            double[] s = kepler.state(t);
            Instant ti = ORIGIN.plusSeconds(t);
            b.append("      <OSV>\n        <TAI>TAI=").append(utc(ti.plusSeconds(37))).append("</TAI>\n")
                    .append("        <UTC>UTC=").append(utc(ti)).append("</UTC>\n")
                    .append("        <UT1>UT1=").append(utc(ti)).append("</UT1>\n")
                    .append("        <Absolute_Orbit>+38190</Absolute_Orbit>\n");
            String[] tags = {"X", "Y", "Z", "VX", "VY", "VZ"};
            for (int k = 0; k < 6; k++) {
                b.append(String.format(Locale.ROOT, "        <%s unit=\"%s\">%.6f</%s>%n", tags[k], k < 3 ? "m" : "m/s",
                        s[k], tags[k]));
            }
            b.append("        <Quality>NOMINAL</Quality>\n      </OSV>\n");
        }
        b.append("    </List_of_OSVs>\n  </Data_Block>\n</Earth_Explorer_File>\n");
        Path f = dir.resolve(name);
        Files.writeString(f, b);
        return f;
    }

    private static String utc(Instant t) {
        String s = t.toString().replace("Z", "");
        return s.contains(".") ? s : s + ".000000";
    }

    @Test
    void parsesHeaderAndStateVectors(@TempDir Path dir) throws IOException {
        Path f = writeEof(dir, "S1A", "POEORB", -600, 600);
        OrbitFile.Header h = OrbitFile.readHeader(f);
        assertEquals("S1A", h.mission());
        assertEquals("AUX_POEORB", h.fileType());
        assertEquals(ORIGIN.minusSeconds(600), h.validityStart());
        assertTrue(h.isPrecise());
        OrbitFile file = OrbitFile.read(f);
        assertEquals(121, file.size());
        Orbit orbit = file.orbit(ORIGIN, ORIGIN, ORIGIN.plusSeconds(25));
        double[] s = orbit.stateAt(12.345);
        double[] e = kepler.state(12.345);
        for (int k = 0; k < 3; k++) assertEquals(e[k], s[k], 2e-3);
    }

    @Test
    void selectsByValidityPreferringPreciseOrbits(@TempDir Path dir) throws IOException {
        writeEof(dir, "S1A", "RESORB", -300, 300);
        Path poe = writeEof(dir, "S1A", "POEORB", -600, 600);
        writeEof(dir, "S1B", "POEORB", -600, 600);
        Path late = writeEof(dir, "S1A", "POEORB", 100, 700);
        OrbitFile chosen = OrbitFiles.select(dir, "S1A", ORIGIN, ORIGIN.plusSeconds(25));
        assertEquals(poe, chosen.header().file());
        // only the RESORB and the late POEORB cover [150, 250]: the POEORB wins
        assertEquals(late, OrbitFiles.select(dir, "S1A", ORIGIN.plusSeconds(150), ORIGIN.plusSeconds(250))
                .header().file());
        // S1B: its own file
        assertEquals("S1B", OrbitFiles.select(dir, "S1B", ORIGIN, ORIGIN.plusSeconds(25)).header().mission());
    }

    @Test
    void nothingCoveringNamesTimesAndValidity(@TempDir Path dir) throws IOException {
        writeEof(dir, "S1A", "RESORB", -300, 300);
        Instant start = ORIGIN.plusSeconds(280), stop = ORIGIN.plusSeconds(305);
        Ai4cException e = assertThrows(Ai4cException.class, () -> OrbitFiles.select(dir, "S1A", start, stop));
        String m = e.getMessage();
        assertTrue(m.contains(start.toString()) && m.contains(stop.toString()), m);
        assertTrue(m.contains(ORIGIN.minusSeconds(300).toString()) && m.contains("AUX_RESORB"), m);
        Ai4cException missing = assertThrows(Ai4cException.class,
                () -> OrbitFiles.select(dir.resolve("none"), "S1A", start, stop));
        assertTrue(missing.getMessage().contains("does not exist"));
    }

    @Test
    void damagedFileIsAClearError(@TempDir Path dir) throws IOException {
        Path f = writeEof(dir, "S1A", "POEORB", -600, 600);
        String text = Files.readString(f).replaceFirst("<VZ unit=\"m/s\">[^<]*</VZ>", "");
        Files.writeString(f, text);
        Ai4cException e = assertThrows(Ai4cException.class, () -> OrbitFile.read(f));
        assertTrue(e.getMessage().contains("lacks"), e.getMessage());
    }
}
