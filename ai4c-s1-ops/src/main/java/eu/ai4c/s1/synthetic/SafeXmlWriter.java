package eu.ai4c.s1.synthetic;

import eu.ai4c.s1.safe.AdsHeader;
import eu.ai4c.s1.safe.Annotation;
import eu.ai4c.s1.safe.CalibrationLuts;
import eu.ai4c.s1.safe.NoiseLuts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes annotation, calibration and noise XML (IPF ≥ 2.9 layout) in the element structure of
 * the Sentinel-1 product specification, from the reader's own model records — so that what the
 * generator writes is exactly what the reader must give back. Stateless.
 */
final class SafeXmlWriter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private SafeXmlWriter() {
    }

    static String time(Instant t) {
        return TIME.format(t);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.15e", v);
    }

    private static String lut(double v) {
        return String.format(Locale.ROOT, "%.6e", v);
    }

    private static void header(StringBuilder x, AdsHeader h) {
        x.append("  <adsHeader>\n");
        el(x, 4, "missionId", h.missionId());
        el(x, 4, "productType", h.productType());
        el(x, 4, "polarisation", h.polarisation());
        el(x, 4, "mode", h.mode());
        el(x, 4, "swath", h.swath());
        el(x, 4, "startTime", time(h.startTime()));
        el(x, 4, "stopTime", time(h.stopTime()));
        el(x, 4, "absoluteOrbitNumber", String.valueOf(h.absoluteOrbitNumber()));
        el(x, 4, "missionDataTakeId", "123456");
        el(x, 4, "imageNumber", h.imageNumber());
        x.append("  </adsHeader>\n");
    }

    private static void el(StringBuilder x, int indent, String name, String value) {
        x.append(" ".repeat(indent)).append('<').append(name).append('>').append(value).append("</").append(name).append(">\n");
    }

    private static void list(StringBuilder x, int indent, String name, int[] values) {
        x.append(" ".repeat(indent)).append('<').append(name).append(" count=\"").append(values.length).append("\">");
        for (int i = 0; i < values.length; i++) x.append(i == 0 ? "" : " ").append(values[i]);
        x.append("</").append(name).append(">\n");
    }

    private static void list(StringBuilder x, int indent, String name, double[] values, boolean lutFormat) {
        x.append(" ".repeat(indent)).append('<').append(name).append(" count=\"").append(values.length).append("\">");
        for (int i = 0; i < values.length; i++) x.append(i == 0 ? "" : " ").append(lutFormat ? lut(values[i]) : num(values[i]));
        x.append("</").append(name).append(">\n");
    }

    static String annotation(Annotation a) {
        return annotation(a, null);
    }

    /** The annotation, with the TOPS burst layout, FM rates and Doppler centroids of {@code tops} when not null. */
    static String annotation(Annotation a, eu.ai4c.s1.safe.TopsTiming tops) {
        StringBuilder x = new StringBuilder(1 << 16);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<product>\n");
        header(x, a.adsHeader());
        Annotation.ProductInformation pi = a.productInformation();
        x.append("  <generalAnnotation>\n    <productInformation>\n");
        el(x, 6, "pass", pi.pass());
        el(x, 6, "timelinessCategory", "Fast-24h");
        el(x, 6, "platformHeading", num(pi.platformHeading()));
        el(x, 6, "projection", pi.projection());
        el(x, 6, "rangeSamplingRate", num(pi.rangeSamplingRate()));
        el(x, 6, "radarFrequency", num(pi.radarFrequency()));
        if (!Double.isNaN(pi.azimuthSteeringRate())) el(x, 6, "azimuthSteeringRate", num(pi.azimuthSteeringRate()));
        x.append("    </productInformation>\n");
        x.append("    <orbitList count=\"").append(a.orbitList().size()).append("\">\n");
        for (Annotation.OrbitStateVector o : a.orbitList()) {
            x.append("      <orbit>\n");
            el(x, 8, "time", time(o.time()));
            el(x, 8, "frame", o.frame());
            x.append("        <position>\n");
            el(x, 10, "x", num(o.x()));
            el(x, 10, "y", num(o.y()));
            el(x, 10, "z", num(o.z()));
            x.append("        </position>\n        <velocity>\n");
            el(x, 10, "x", num(o.vx()));
            el(x, 10, "y", num(o.vy()));
            el(x, 10, "z", num(o.vz()));
            x.append("        </velocity>\n      </orbit>\n");
        }
        x.append("    </orbitList>\n");
        if (tops != null) {
            x.append("    <azimuthFmRateList count=\"").append(tops.fmRates().size()).append("\">\n");
            for (eu.ai4c.s1.safe.AzimuthFmRate r : tops.fmRates()) {
                x.append("      <azimuthFmRate>\n");
                el(x, 8, "azimuthTime", time(r.azimuthTime()));
                el(x, 8, "t0", num(r.t0()));
                list(x, 8, "azimuthFmRatePolynomial", r.coefficients(), false);
                x.append("      </azimuthFmRate>\n");
            }
            x.append("    </azimuthFmRateList>\n");
        }
        x.append("  </generalAnnotation>\n");
        Annotation.ImageInformation ii = a.imageInformation();
        x.append("  <imageAnnotation>\n    <imageInformation>\n");
        el(x, 6, "productFirstLineUtcTime", time(ii.productFirstLineUtcTime()));
        el(x, 6, "productLastLineUtcTime", time(ii.productLastLineUtcTime()));
        el(x, 6, "slantRangeTime", num(ii.slantRangeTime()));
        el(x, 6, "pixelValue", ii.pixelValue());
        el(x, 6, "outputPixels", ii.outputPixels());
        el(x, 6, "rangePixelSpacing", num(ii.rangePixelSpacing()));
        el(x, 6, "azimuthPixelSpacing", num(ii.azimuthPixelSpacing()));
        el(x, 6, "azimuthTimeInterval", num(ii.azimuthTimeInterval()));
        el(x, 6, "numberOfSamples", String.valueOf(ii.numberOfSamples()));
        el(x, 6, "numberOfLines", String.valueOf(ii.numberOfLines()));
        el(x, 6, "incidenceAngleMidSwath", num(ii.incidenceAngleMidSwath()));
        x.append("    </imageInformation>\n    <processingInformation>\n");
        el(x, 6, "thermalNoiseCorrectionPerformed", "false");
        el(x, 6, "ellipsoidName", "WGS84");
        el(x, 6, "ellipsoidSemiMajorAxis", num(GrdGeometry.A));
        el(x, 6, "ellipsoidSemiMinorAxis", num(GrdGeometry.B));
        x.append("    </processingInformation>\n  </imageAnnotation>\n");
        if (tops != null) {
            x.append("  <dopplerCentroid>\n    <dcEstimateList count=\"").append(tops.dcEstimates().size()).append("\">\n");
            for (eu.ai4c.s1.safe.DopplerCentroid d : tops.dcEstimates()) {
                x.append("      <dcEstimate>\n");
                el(x, 8, "azimuthTime", time(d.azimuthTime()));
                el(x, 8, "t0", num(d.t0()));
                list(x, 8, "geometryDcPolynomial", d.geometry(), false);
                list(x, 8, "dataDcPolynomial", d.data(), false);
                x.append("      </dcEstimate>\n");
            }
            x.append("    </dcEstimateList>\n  </dopplerCentroid>\n");
        }
        if (tops != null && tops.swathTiming().isPresent()) {
            eu.ai4c.s1.safe.SwathTiming st = tops.swathTiming().get();
            x.append("  <swathTiming>\n");
            el(x, 4, "linesPerBurst", String.valueOf(st.linesPerBurst()));
            el(x, 4, "samplesPerBurst", String.valueOf(st.samplesPerBurst()));
            x.append("    <burstList count=\"").append(st.bursts().size()).append("\">\n");
            for (eu.ai4c.s1.safe.Burst b : st.bursts()) {
                x.append("      <burst>\n");
                el(x, 8, "azimuthTime", time(b.azimuthTime()));
                el(x, 8, "azimuthAnxTime", num(b.azimuthAnxTime()));
                el(x, 8, "sensingTime", time(b.sensingTime()));
                el(x, 8, "byteOffset", String.valueOf(b.byteOffset()));
                list(x, 8, "firstValidSample", b.firstValidSample());
                list(x, 8, "lastValidSample", b.lastValidSample());
                x.append("      </burst>\n");
            }
            x.append("    </burstList>\n  </swathTiming>\n");
        }
        x.append("  <geolocationGrid>\n    <geolocationGridPointList count=\"").append(a.geolocationGrid().size()).append("\">\n");
        for (Annotation.GeolocationGridPoint g : a.geolocationGrid()) {
            x.append("      <geolocationGridPoint>\n");
            el(x, 8, "azimuthTime", time(g.azimuthTime()));
            el(x, 8, "slantRangeTime", num(g.slantRangeTime()));
            el(x, 8, "line", String.valueOf(g.line()));
            el(x, 8, "pixel", String.valueOf(g.pixel()));
            el(x, 8, "latitude", num(g.latitude()));
            el(x, 8, "longitude", num(g.longitude()));
            el(x, 8, "height", num(g.height()));
            el(x, 8, "incidenceAngle", num(g.incidenceAngle()));
            el(x, 8, "elevationAngle", num(g.elevationAngle()));
            x.append("      </geolocationGridPoint>\n");
        }
        x.append("    </geolocationGridPointList>\n  </geolocationGrid>\n");
        x.append("  <coordinateConversion>\n    <coordinateConversionList count=\"")
                .append(a.coordinateConversionList().size()).append("\">\n");
        for (Annotation.CoordinateConversion c : a.coordinateConversionList()) {
            x.append("      <coordinateConversion>\n");
            el(x, 8, "azimuthTime", time(c.azimuthTime()));
            el(x, 8, "slantRangeTime", num(c.slantRangeTime()));
            el(x, 8, "sr0", num(c.sr0()));
            list(x, 8, "srgrCoefficients", c.srgrCoefficients(), false);
            el(x, 8, "gr0", num(c.gr0()));
            list(x, 8, "grsrCoefficients", c.grsrCoefficients(), false);
            x.append("      </coordinateConversion>\n");
        }
        x.append("    </coordinateConversionList>\n  </coordinateConversion>\n</product>\n");
        return x.toString();
    }

    static String calibration(CalibrationLuts c) {
        StringBuilder x = new StringBuilder(1 << 16);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<calibration>\n");
        header(x, c.adsHeader());
        x.append("  <calibrationInformation>\n");
        el(x, 4, "absoluteCalibrationConstant", lut(c.absoluteCalibrationConstant()));
        x.append("  </calibrationInformation>\n");
        x.append("  <calibrationVectorList count=\"").append(c.calibrationVectorList().size()).append("\">\n");
        for (CalibrationLuts.CalibrationVector v : c.calibrationVectorList()) {
            x.append("    <calibrationVector>\n");
            el(x, 6, "azimuthTime", time(v.azimuthTime()));
            el(x, 6, "line", String.valueOf(v.line()));
            list(x, 6, "pixel", v.pixel());
            list(x, 6, "sigmaNought", v.sigmaNought(), true);
            list(x, 6, "betaNought", v.betaNought(), true);
            list(x, 6, "gamma", v.gamma(), true);
            list(x, 6, "dn", v.dn(), true);
            x.append("    </calibrationVector>\n");
        }
        x.append("  </calibrationVectorList>\n</calibration>\n");
        return x.toString();
    }

    static String noise(NoiseLuts n) {
        StringBuilder x = new StringBuilder(1 << 16);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<noise>\n");
        header(x, n.adsHeader());
        x.append("  <noiseRangeVectorList count=\"").append(n.noiseRangeVectorList().size()).append("\">\n");
        for (NoiseLuts.NoiseRangeVector v : n.noiseRangeVectorList()) {
            x.append("    <noiseRangeVector>\n");
            el(x, 6, "azimuthTime", time(v.azimuthTime()));
            el(x, 6, "line", String.valueOf(v.line()));
            list(x, 6, "pixel", v.pixel());
            list(x, 6, "noiseRangeLut", v.noiseRangeLut(), true);
            x.append("    </noiseRangeVector>\n");
        }
        x.append("  </noiseRangeVectorList>\n");
        x.append("  <noiseAzimuthVectorList count=\"").append(n.noiseAzimuthVectorList().size()).append("\">\n");
        for (NoiseLuts.NoiseAzimuthVector v : n.noiseAzimuthVectorList()) {
            x.append("    <noiseAzimuthVector>\n");
            el(x, 6, "swath", v.swath());
            el(x, 6, "firstAzimuthLine", String.valueOf(v.firstAzimuthLine()));
            el(x, 6, "firstRangeSample", String.valueOf(v.firstRangeSample()));
            el(x, 6, "lastAzimuthLine", String.valueOf(v.lastAzimuthLine()));
            el(x, 6, "lastRangeSample", String.valueOf(v.lastRangeSample()));
            list(x, 6, "line", v.line());
            list(x, 6, "noiseAzimuthLut", v.noiseAzimuthLut(), true);
            x.append("    </noiseAzimuthVector>\n");
        }
        x.append("  </noiseAzimuthVectorList>\n</noise>\n");
        return x.toString();
    }
}
