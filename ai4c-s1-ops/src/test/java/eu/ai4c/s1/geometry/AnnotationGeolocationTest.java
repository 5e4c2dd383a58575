package eu.ai4c.s1.geometry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The geometry against a real product: each point of the geolocation grid of the sarsen fixture's
 * S1B IW GRDH annotation (latitude, longitude, height) solved with {@link ZeroDoppler} on the
 * annotation's orbit must give the grid's own zero-Doppler azimuth time and slant range time, and
 * land near its line and pixel labels through the SRGR polynomials. The few
 * annotation fields are read here with DOM, independently of the SAFE reader.
 */
class AnnotationGeolocationTest {
    private static final String ANNOTATION = "sarsen/tests/data/"
            + "S1B_IW_GRDH_1SDV_20211223T051122_20211223T051147_030148_039993_5371.SAFE/annotation/"
            + "s1b-iw-grd-vv-20211223t051122-20211223t051147-030148-039993-001.xml";

    @Test
    void geolocationGridPointsComeBackAtTheirLineAndPixel() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(eu.ai4c.kit.testing.Fixtures.root().resolve(ANNOTATION).toFile());
        Element info = first(doc.getDocumentElement(), "imageInformation");
        Instant epoch = utc(text(info, "productFirstLineUtcTime"));
        List<OrbitStateVector> vectors = new ArrayList<>();
        NodeList orbits = doc.getElementsByTagName("orbit");
        for (int i = 0; i < orbits.getLength(); i++) {
            Element o = (Element) orbits.item(i);
            Element p = first(o, "position"), v = first(o, "velocity");
            vectors.add(new OrbitStateVector(Orbit.secondsBetween(epoch, utc(text(o, "time"))),
                    num(p, "x"), num(p, "y"), num(p, "z"), num(v, "x"), num(v, "y"), num(v, "z")));
        }
        Orbit orbit = new Orbit(epoch, vectors);
        List<SrgrConversion> conversions = new ArrayList<>();
        NodeList conv = first(doc.getDocumentElement(), "coordinateConversionList").getElementsByTagName("coordinateConversion");
        for (int i = 0; i < conv.getLength(); i++) {
            Element c = (Element) conv.item(i);
            conversions.add(new SrgrConversion(Orbit.secondsBetween(epoch, utc(text(c, "azimuthTime"))), num(c, "sr0"),
                    nums(text(c, "srgrCoefficients")), num(c, "gr0"), nums(text(c, "grsrCoefficients"))));
        }
        SarGeometry geometry = SarGeometry.groundRange(0, num(info, "azimuthTimeInterval"),
                (int) num(info, "numberOfLines"), (int) num(info, "numberOfSamples"), num(info, "slantRangeTime"),
                num(info, "rangePixelSpacing"), conversions);
        ZeroDoppler zd = new ZeroDoppler(orbit, geometry);
        NodeList points = doc.getElementsByTagName("geolocationGridPoint");
        double worstLine = 0, worstPixel = 0, worstTime = 0, worstRange = 0;
        double[] out = new double[4], scratch = new double[10];
        for (int i = 0; i < points.getLength(); i++) {
            Element g = (Element) points.item(i);
            double[] p = Ellipsoid.toEcef(num(g, "longitude"), num(g, "latitude"), num(g, "height"));
            zd.lineSample(p[0], p[1], p[2], Double.NaN, out, scratch);
            double tg = Orbit.secondsBetween(epoch, utc(text(g, "azimuthTime")));
            double rg = num(g, "slantRangeTime") * SarGeometry.SPEED_OF_LIGHT / 2;
            worstTime = Math.max(worstTime, Math.abs(out[0] - tg));
            worstRange = Math.max(worstRange, Math.abs(out[3] - rg));
            worstLine = Math.max(worstLine, Math.abs(out[1] - num(g, "line")));
            worstPixel = Math.max(worstPixel, Math.abs(out[2] - num(g, "pixel")));
        }
        System.out.printf("annotation geolocation grid, %d points: worst azimuth time %.2e s, slant range %.2e m, "
                + "line label %.3f px, pixel label %.3f px%n", points.getLength(), worstTime, worstRange, worstLine,
                worstPixel);
        assertTrue(points.getLength() > 100);
        // the grid's own zero-Doppler time (given to the microsecond) and slant range time
        assertTrue(worstTime < 2e-6, "azimuth time off by " + worstTime + " s");
        assertTrue(worstRange < 0.01, "slant range off by " + worstRange + " m");
        // the grid's integer line/pixel labels are nominal: ESA's own azimuthTime and SRGR put the points up to
        // 0.19 lines and 0.53 pixels away from them (same values when converting the grid's time and range)
        assertTrue(worstLine < 0.25 && worstPixel < 0.6, "line " + worstLine + " px, pixel " + worstPixel + " px");
    }

    private static Element first(Element parent, String tag) {
        return (Element) parent.getElementsByTagName(tag).item(0);
    }

    private static String text(Element parent, String tag) {
        return first(parent, tag).getTextContent().trim();
    }

    private static double num(Element parent, String tag) {
        return Double.parseDouble(text(parent, tag));
    }

    private static double[] nums(String text) {
        String[] f = text.trim().split("\\s+");
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = Double.parseDouble(f[i]);
        return d;
    }

    private static Instant utc(String s) {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    }
}
