package eu.ai4c.s1.safe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The calibration annotation of one swath and polarisation
 * ({@code annotation/calibration/calibration-….xml}): vectors at given lines, each giving the
 * calibration constants {@code sigmaNought}, {@code betaNought}, {@code gamma}, {@code dn}
 * (amplitude units, so that {@code σ⁰ = |DN|² / sigmaNought²}) at its own pixels.
 * Checked on parsing: lines strictly increasing, pixels strictly increasing within a vector, and
 * every LUT as long as its pixel list. Immutable (the arrays must not be modified).
 *
 * @param file                        the file name, for messages
 * @param adsHeader                   the header
 * @param absoluteCalibrationConstant {@code calibrationInformation/absoluteCalibrationConstant}
 * @param calibrationVectorList       the vectors, by increasing line
 */
public record CalibrationLuts(String file, AdsHeader adsHeader, double absoluteCalibrationConstant,
                              List<CalibrationVector> calibrationVectorList) {

    public CalibrationLuts {
        calibrationVectorList = List.copyOf(calibrationVectorList);
    }

    /**
     * One {@code calibrationVector}.
     *
     * @param azimuthTime UTC
     * @param line        image line (may be negative or beyond the image for SLC bursts)
     * @param pixel       image samples, strictly increasing
     */
    public record CalibrationVector(Instant azimuthTime, int line, int[] pixel, double[] sigmaNought,
                                    double[] betaNought, double[] gamma, double[] dn) {
    }

    /** Parses calibration XML bytes; {@code fileName} is used in messages. */
    public static CalibrationLuts parse(byte[] xml, String fileName) {
        SafeXml root = SafeXml.parse(xml, fileName);
        if (!root.name().equals("calibration")) throw root.error("is not a calibration annotation (root <" + root.name() + ">)");
        AdsHeader header = AdsHeader.parse(root);
        double constant = root.at("calibrationInformation/absoluteCalibrationConstant").doubleValue();
        SafeXml list = root.child("calibrationVectorList");
        List<CalibrationVector> vectors = new ArrayList<>();
        int previousLine = Integer.MIN_VALUE;
        for (SafeXml v : list.listItems("calibrationVector")) {
            int line = v.intValue("line");
            if (line <= previousLine) {
                throw v.error("has line " + line + " after line " + previousLine + " (lines must increase)");
            }
            previousLine = line;
            int[] pixel = v.ints("pixel");
            LutChecks.checkPixels(v, pixel);
            vectors.add(new CalibrationVector(v.instant("azimuthTime"), line, pixel,
                    LutChecks.sameLength(v, pixel, "pixels", "sigmaNought"), LutChecks.sameLength(v, pixel, "pixels", "betaNought"),
                    LutChecks.sameLength(v, pixel, "pixels", "gamma"), LutChecks.sameLength(v, pixel, "pixels", "dn")));
        }
        if (vectors.isEmpty()) throw list.error("holds no calibrationVector");
        return new CalibrationLuts(fileName, header, constant, vectors);
    }
}
