package eu.ai4c.s1.safe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.s1.testing.S1Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The TOPS burst layout, FM rates and Doppler centroids of the real SLC annotations (sarsen IW1
 * VV, IPF 003.40; the s1-reader zip, six annotations of IPF 003.20), each checked against the XML
 * read a second, independent way (regular expressions over the text).
 */
class TopsTimingTest {

    @Test
    void sarsenIw1BurstsMatchTheXml() throws Exception {
        Path file = S1Fixtures.file(S1Fixtures.sarsenSlc().resolve("annotation"), "s1a-iw1-slc-vv");
        String xml = Files.readString(file);
        TopsTiming t = TopsTiming.parse(xml.getBytes(StandardCharsets.UTF_8), file.getFileName().toString());
        SwathTiming s = t.swathTiming().orElseThrow();
        assertEquals(1501, s.linesPerBurst());
        assertEquals(22694, s.samplesPerBurst());
        assertEquals(9, s.bursts().size());
        assertEquals(13509, s.lines());
        Burst b0 = s.bursts().get(0), b1 = s.bursts().get(1);
        assertEquals(Instant.parse("2022-01-04T17:05:58.268589Z"), b0.azimuthTime());
        assertEquals(108387, b0.byteOffset());
        // bursts follow each other in the TIFF: 1501 lines of 22694 complex int16 samples
        assertEquals(1501L * 22694 * 4, b1.byteOffset() - b0.byteOffset());
        // the IW burst cycle is about 2.76 s
        double cycle = Duration.between(b0.azimuthTime(), b1.azimuthTime()).toNanos() / 1e9;
        assertEquals(2.758, cycle, 0.01);
        checkAgainstText(xml, s);
        assertEquals(536, b0.firstValidSampleOfRectangle());
        assertEquals(10, t.fmRates().size());
        assertEquals(10, t.dcEstimates().size());
        AzimuthFmRate r = t.fmRates().get(0);
        assertEquals(Instant.parse("2022-01-04T17:05:57.048809Z"), r.azimuthTime());
        assertEquals(-2.325806087284300e+03, r.at(r.t0()), 1e-9);
        // one microsecond of slant-range time further: c0 + c1·1e-6 + c2·1e-12
        assertEquals(-2.325806087284300e+03 + 4.505288748089427e+05 * 1e-6 - 7.879821298097527e+07 * 1e-12,
                r.at(r.t0() + 1e-6), 1e-9);
        DopplerCentroid dc = t.dcEstimates().get(0);
        assertEquals(-5.827950e+00, dc.dataAt(dc.t0()), 1e-12);
        assertEquals(-1.620414e+00, dc.geometryAt(dc.t0()), 1e-12);
    }

    @Test
    void everyAnnotationOfTheZippedProduct() throws Exception {
        Path zipPath = S1Fixtures.s1ReaderZip();
        int annotations = 0;
        try (ZipFile zip = new ZipFile(zipPath.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                if (!name.matches(".*/annotation/s1[ab]-iw[123]-slc-v[vh]-.*\\.xml")) continue;
                annotations++;
                String xml = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                TopsTiming t = TopsTiming.parse(xml.getBytes(StandardCharsets.UTF_8), name);
                SwathTiming s = t.swathTiming().orElseThrow(() -> new AssertionError(name + " has no bursts"));
                checkAgainstText(xml, s);
                assertFalse(t.fmRates().isEmpty(), name);
                assertFalse(t.dcEstimates().isEmpty(), name);
                for (int i = 1; i < s.bursts().size(); i++) {
                    assertTrue(s.bursts().get(i).azimuthTime().isAfter(s.bursts().get(i - 1).azimuthTime()), name);
                }
            }
        }
        assertEquals(6, annotations, "IW1-3 x VV/VH");
    }

    @Test
    void grdAnnotationHasNoBursts() throws Exception {
        Path file = S1Fixtures.file(S1Fixtures.sarsenGrd().resolve("annotation"), "s1b-iw-grd-vv");
        TopsTiming t = TopsTiming.parse(Files.readAllBytes(file), file.getFileName().toString());
        assertTrue(t.swathTiming().isEmpty());
    }

    @Test
    void inconsistentLayoutsAreRefusedNamingTheElement() throws Exception {
        Path file = S1Fixtures.file(S1Fixtures.sarsenSlc().resolve("annotation"), "s1a-iw1-slc-vv");
        String xml = Files.readString(file);
        // one line fewer in the image than the bursts cover
        String shorter = xml.replace("<numberOfLines>13509</numberOfLines>", "<numberOfLines>13508</numberOfLines>");
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> TopsTiming.parse(shorter.getBytes(StandardCharsets.UTF_8), "short.xml"));
        assertTrue(e.getMessage().contains("short.xml") && e.getMessage().contains("13508"), e.getMessage());
        // a burst list whose count disagrees with its bursts
        String miscounted = xml.replace("<burstList count=\"9\">", "<burstList count=\"8\">");
        Ai4cException c = assertThrows(Ai4cException.class,
                () -> TopsTiming.parse(miscounted.getBytes(StandardCharsets.UTF_8), "count.xml"));
        assertTrue(c.getMessage().contains("count.xml"), c.getMessage());
    }

    /** Burst count, azimuth times, byte offsets and valid lines/samples read from the text with regular expressions. */
    private static void checkAgainstText(String xml, SwathTiming s) {
        Matcher burst = Pattern.compile("<burst>(.*?)</burst>", Pattern.DOTALL).matcher(xml);
        List<String> bursts = new ArrayList<>();
        while (burst.find()) bursts.add(burst.group(1));
        assertEquals(bursts.size(), s.bursts().size());
        for (int i = 0; i < bursts.size(); i++) {
            String b = bursts.get(i);
            Burst parsed = s.bursts().get(i);
            assertEquals(Instant.parse(tag(b, "azimuthTime") + "Z"), parsed.azimuthTime());
            assertEquals(Long.parseLong(tag(b, "byteOffset")), parsed.byteOffset());
            String[] first = tag(b, "firstValidSample").trim().split("\\s+");
            String[] last = tag(b, "lastValidSample").trim().split("\\s+");
            int firstValid = -1, lastValid = -1;
            for (int l = 0; l < first.length; l++) {
                if (!first[l].equals("-1")) {
                    if (firstValid < 0) firstValid = l;
                    lastValid = l;
                }
                assertEquals(Integer.parseInt(first[l]), parsed.firstValidSample()[l]);
                assertEquals(Integer.parseInt(last[l]), parsed.lastValidSample()[l]);
            }
            assertEquals(firstValid, parsed.firstValidLine());
            assertEquals(lastValid, parsed.lastValidLine());
        }
    }

    private static String tag(String text, String name) {
        Matcher m = Pattern.compile("<" + name + "[^>]*>([^<]*)</" + name + ">").matcher(text);
        if (!m.find()) throw new AssertionError("no <" + name + ">");
        return m.group(1);
    }
}
