package eu.ai4c.s1.calibration;

import eu.ai4c.s1.safe.CalibrationLuts;
import eu.ai4c.s1.safe.CalibrationLuts.CalibrationVector;
import java.util.List;
import java.util.function.Function;

/**
 * Which backscatter convention a calibration produces, i.e. which LUT of the calibration vectors
 * is the A of {@code value = |DN|² / A²} (ESA, "Sentinel-1 Level 1 Radiometric Calibration").
 */
public enum CalibrationType {
    /** σ⁰, radar cross-section per unit ground area: LUT {@code sigmaNought}. */
    SIGMA_NOUGHT("sigmaNought", CalibrationVector::sigmaNought),
    /** β⁰, per unit slant-range area: LUT {@code betaNought}. */
    BETA_NOUGHT("betaNought", CalibrationVector::betaNought),
    /** γ⁰, per unit area perpendicular to the look direction: LUT {@code gamma}. */
    GAMMA("gamma", CalibrationVector::gamma),
    /** Back to the original DN: LUT {@code dn}. */
    DN("dn", CalibrationVector::dn);

    private final String lutName;
    private final Function<CalibrationVector, double[]> lut;

    CalibrationType(String lutName, Function<CalibrationVector, double[]> lut) {
        this.lutName = lutName;
        this.lut = lut;
    }

    /** The XML element name of the LUT. */
    public String lutName() {
        return lutName;
    }

    /** The interpolable LUT of this type from a calibration annotation. */
    public LineVectorLut lut(CalibrationLuts luts) {
        List<CalibrationVector> v = luts.calibrationVectorList();
        int n = v.size();
        int[] lines = new int[n];
        int[][] pixels = new int[n][];
        double[][] values = new double[n][];
        for (int i = 0; i < n; i++) {
            lines[i] = v.get(i).line();
            pixels[i] = v.get(i).pixel();
            values[i] = lut.apply(v.get(i));
        }
        return new LineVectorLut(lines, pixels, values);
    }
}
