package eu.ai4c.s1.geometry;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An ESA Earth Explorer orbit file ({@code .EOF}: Sentinel-1 {@code AUX_POEORB} precise or
 * {@code AUX_RESORB} restituted orbits): the {@code Fixed_Header} (mission, file type, validity
 * period) and the {@code Data_Block/List_of_OSVs} state vectors ({@code UTC=…}, {@code X Y Z} in
 * m, {@code VX VY VZ} in m/s, Earth-fixed). Only the format; selection by validity is
 * {@link OrbitFiles}. Immutable.
 */
public final class OrbitFile {

    /**
     * The header fields used to choose a file.
     *
     * @param file          the file
     * @param mission       mission id: {@code S1A}, {@code S1B}, {@code S1C} (from {@code Mission}, e.g. "Sentinel-1A")
     * @param fileType      {@code File_Type}, e.g. {@code AUX_POEORB}
     * @param validityStart {@code Validity_Start} (UTC)
     * @param validityStop  {@code Validity_Stop} (UTC)
     */
    public record Header(Path file, String mission, String fileType, Instant validityStart, Instant validityStop) {

        /** True when the validity period contains [start, stop]. */
        public boolean covers(Instant start, Instant stop) {
            return !validityStart.isAfter(start) && !validityStop.isBefore(stop);
        }

        /** True for precise orbits ({@code POEORB}). */
        public boolean isPrecise() {
            return fileType.toUpperCase(Locale.ROOT).contains("POEORB");
        }
    }

    private final Header header;
    private final Instant[] times;
    private final double[] states; // 6 per vector

    private OrbitFile(Header header, Instant[] times, double[] states) {
        this.header = header;
        this.times = times;
        this.states = states;
    }

    public Header header() {
        return header;
    }

    /** Number of state vectors. */
    public int size() {
        return times.length;
    }

    /** Reads only the {@code Fixed_Header} (fast: stops before the state vectors). */
    public static Header readHeader(Path file) {
        return parse(file, false).header;
    }

    /** Reads header and state vectors. */
    public static OrbitFile read(Path file) {
        OrbitFile f = parse(file, true);
        if (f.times.length < 2) {
            throw new Ai4cException("Orbit file " + file + " holds " + f.times.length + " state vectors (OSV), "
                    + "at least 2 are needed: the file is incomplete; download it again.");
        }
        return f;
    }

    /**
     * The orbit over an acquisition: the vectors from {@code start − pad} to {@code stop + pad}
     * (at least {@link Orbit#POINTS} around the acquisition), times relative to {@code epoch}.
     *
     * @param epoch UTC instant of time 0 (usually the first line time)
     * @param start acquisition start
     * @param stop  acquisition stop
     */
    public Orbit orbit(Instant epoch, Instant start, Instant stop) {
        double pad = 120;
        double s = Orbit.secondsBetween(epoch, start) - pad, e = Orbit.secondsBetween(epoch, stop) + pad;
        List<OrbitStateVector> list = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            double t = Orbit.secondsBetween(epoch, times[i]);
            if (t >= s && t <= e) {
                int o = 6 * i;
                list.add(new OrbitStateVector(t, states[o], states[o + 1], states[o + 2], states[o + 3],
                        states[o + 4], states[o + 5]));
            }
        }
        if (list.size() < Orbit.POINTS) {
            throw new Ai4cException("Orbit file " + header.file() + " has only " + list.size() + " state vectors "
                    + "between " + start + " and " + stop + " (plus " + (int) pad + " s): it does not cover the "
                    + "acquisition; use the orbit file for that date.");
        }
        return new Orbit(epoch, list);
    }

    /** Mission id from the header text: "Sentinel-1A" → "S1A"; other forms upper-cased. */
    static String missionId(String mission) {
        String m = mission.trim().toUpperCase(Locale.ROOT);
        if (m.startsWith("SENTINEL-1") && m.length() == 11) return "S1" + m.charAt(10);
        return m;
    }

    private static OrbitFile parse(Path file, boolean vectors) {
        if (!Files.isRegularFile(file)) {
            throw Ai4cException.usage("Orbit file " + file + " does not exist: give an .EOF orbit file or a folder of them.");
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        String mission = null, type = null;
        Instant vStart = null, vStop = null;
        List<Instant> t = new ArrayList<>();
        double[] st = new double[6 * 64];
        double[] cur = new double[6];
        Instant curTime = null;
        int seen = 0;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            boolean inHeader = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    switch (name) {
                        case "Fixed_Header" -> inHeader = true;
                        case "Mission" -> { if (inHeader) mission = r.getElementText(); }
                        case "File_Type" -> { if (inHeader) type = r.getElementText(); }
                        case "Validity_Start" -> { if (inHeader) vStart = utc(file, r.getElementText()); }
                        case "Validity_Stop" -> { if (inHeader) vStop = utc(file, r.getElementText()); }
                        case "Data_Block" -> {
                            if (!vectors) {
                                r.close();
                                return new OrbitFile(header(file, mission, type, vStart, vStop), new Instant[0],
                                        new double[0]);
                            }
                        }
                        case "OSV" -> { curTime = null; seen = 0; }
                        case "UTC" -> curTime = utc(file, r.getElementText());
                        case "X" -> { cur[0] = number(file, r.getElementText()); seen |= 1; }
                        case "Y" -> { cur[1] = number(file, r.getElementText()); seen |= 2; }
                        case "Z" -> { cur[2] = number(file, r.getElementText()); seen |= 4; }
                        case "VX" -> { cur[3] = number(file, r.getElementText()); seen |= 8; }
                        case "VY" -> { cur[4] = number(file, r.getElementText()); seen |= 16; }
                        case "VZ" -> { cur[5] = number(file, r.getElementText()); seen |= 32; }
                        default -> { }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String name = r.getLocalName();
                    if (name.equals("Fixed_Header")) {
                        inHeader = false;
                    } else if (name.equals("OSV")) {
                        if (curTime == null || seen != 63) {
                            throw new Ai4cException("Orbit file " + file + ": state vector " + (t.size() + 1)
                                    + " lacks UTC, X, Y, Z, VX, VY or VZ; the file is damaged, download it again.");
                        }
                        if (6 * (t.size() + 1) > st.length) st = java.util.Arrays.copyOf(st, st.length * 2);
                        System.arraycopy(cur, 0, st, 6 * t.size(), 6);
                        t.add(curTime);
                    }
                }
            }
            r.close();
        } catch (XMLStreamException e) {
            throw new Ai4cException("Orbit file " + file + " is not a readable Earth Explorer XML file ("
                    + e.getMessage() + "): download it again.", e);
        } catch (IOException e) {
            throw new Ai4cException("Cannot read orbit file " + file + ": " + e.getMessage(), e);
        }
        return new OrbitFile(header(file, mission, type, vStart, vStop), t.toArray(new Instant[0]),
                java.util.Arrays.copyOf(st, 6 * t.size()));
    }

    private static Header header(Path file, String mission, String type, Instant start, Instant stop) {
        if (mission == null || start == null || stop == null) {
            throw new Ai4cException("Orbit file " + file + " has no Fixed_Header with Mission, Validity_Start and "
                    + "Validity_Stop: it is not an ESA .EOF orbit file.");
        }
        return new Header(file, missionId(mission), type == null ? "" : type.trim(), start, stop);
    }

    private static Instant utc(Path file, String text) {
        String s = text.trim();
        int eq = s.indexOf('=');
        if (eq >= 0) s = s.substring(eq + 1);
        try {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new Ai4cException("Orbit file " + file + ": cannot read the time \"" + text.trim()
                    + "\" (expected UTC=yyyy-MM-ddTHH:mm:ss.ffffff).");
        }
    }

    private static double number(Path file, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new Ai4cException("Orbit file " + file + ": \"" + text.trim() + "\" is not a number; the file is damaged.");
        }
    }
}
