package eu.ai4c.s1.grd;

import eu.ai4c.s1.safe.Annotation.OrbitStateVector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes an Earth Explorer orbit file ({@code .EOF}, the layout {@code OrbitFile} parses) from state
 * vectors, with a chosen validity period and an optional time shift of the vectors.
 */
public final class EofWriter {
    private EofWriter() {
    }

    /**
     * @param shift added to every vector time and to the validity (e.g. one day, for a file that
     *              does not cover the acquisition)
     */
    public static Path write(Path dir, String mission, List<OrbitStateVector> vectors, Duration shift) throws IOException {
        Instant start = vectors.get(0).time().plus(shift), stop = vectors.get(vectors.size() - 1).time().plus(shift);
        String name = mission + "_OPER_AUX_POEORB_OPOD_20210621T120000_V" + stamp(start) + "_" + stamp(stop) + ".EOF";
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" ?>\n<Earth_Explorer_File>\n  <Earth_Explorer_Header>\n    <Fixed_Header>\n")
                .append("      <File_Name>").append(name, 0, name.length() - 4).append("</File_Name>\n")
                .append("      <Mission>Sentinel-").append(mission.substring(1)).append("</Mission>\n")
                .append("      <File_Class>OPER</File_Class>\n      <File_Type>AUX_POEORB</File_Type>\n")
                .append("      <Validity_Period>\n        <Validity_Start>UTC=").append(utc(start))
                .append("</Validity_Start>\n        <Validity_Stop>UTC=").append(utc(stop))
                .append("</Validity_Stop>\n      </Validity_Period>\n    </Fixed_Header>\n")
                .append("    <Variable_Header><Ref_Frame>EARTH_FIXED</Ref_Frame></Variable_Header>\n")
                .append("  </Earth_Explorer_Header>\n  <Data_Block type=\"xml\">\n    <List_of_OSVs count=\"")
                .append(vectors.size()).append("\">\n");
        for (OrbitStateVector v : vectors) {
            Instant t = v.time().plus(shift);
            b.append("      <OSV>\n        <TAI>TAI=").append(utc(t.plusSeconds(37))).append("</TAI>\n")
                    .append("        <UTC>UTC=").append(utc(t)).append("</UTC>\n")
                    .append("        <UT1>UT1=").append(utc(t)).append("</UT1>\n")
                    .append("        <Absolute_Orbit>+38123</Absolute_Orbit>\n");
            double[] s = {v.x(), v.y(), v.z(), v.vx(), v.vy(), v.vz()};
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

    private static String stamp(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace("-", "").replace(":", "").replace("Z", "");
    }

    private static String utc(Instant t) {
        String s = t.toString().replace("Z", "");
        return s.contains(".") ? s : s + ".000000";
    }
}
