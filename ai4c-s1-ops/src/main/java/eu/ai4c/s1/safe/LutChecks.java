package eu.ai4c.s1.safe;

/** Structural checks shared by the calibration and noise LUT parsers. Stateless. */
final class LutChecks {
    private LutChecks() {
    }

    /** Pixels must be non-empty and strictly increasing. */
    static void checkPixels(SafeXml vector, int[] pixel) {
        if (pixel.length == 0) throw vector.error("has an empty pixel list");
        for (int i = 1; i < pixel.length; i++) {
            if (pixel[i] <= pixel[i - 1]) {
                throw vector.error("has pixel " + pixel[i] + " after " + pixel[i - 1] + " at index " + i
                        + " (pixels must increase)");
            }
        }
    }

    /** The LUT {@code name} of a vector, which must have one value per position. */
    static double[] sameLength(SafeXml vector, int[] positions, String positionName, String name) {
        double[] values = vector.doubles(name);
        if (values.length != positions.length) {
            throw vector.error("has " + positions.length + " " + positionName + " but " + values.length + " " + name + " values");
        }
        return values;
    }
}
