package eu.ai4c.s1.geometry;

/**
 * One entry of the Sentinel-1 annotation's {@code coordinateConversionList}: the polynomials
 * converting between slant range and ground range at one azimuth time (GRD products). As in the
 * product specification, "srgr" converts slant range to ground range and "grsr" the reverse:
 * <pre>
 *   ground range = Σ srgrCoefficients[i] · (slantRange − sr0)^i
 *   slant range  = Σ grsrCoefficients[i] · (groundRange − gr0)^i
 * </pre>
 * Ground range is measured across the image from sample 0 (sample j lies at j · pixel spacing);
 * ranges in metres. Immutable (arrays are copied).
 *
 * @param azimuthTime       the entry's {@code azimuthTime}, seconds since the orbit epoch
 * @param sr0               slant range origin, metres
 * @param srgrCoefficients  slant → ground range polynomial
 * @param gr0               ground range origin, metres
 * @param grsrCoefficients  ground → slant range polynomial
 */
public record SrgrConversion(double azimuthTime, double sr0, double[] srgrCoefficients, double gr0,
                             double[] grsrCoefficients) {

    public SrgrConversion {
        if (srgrCoefficients.length == 0 || grsrCoefficients.length == 0) {
            throw new IllegalArgumentException("SRGR/GRSR polynomials need at least one coefficient");
        }
        srgrCoefficients = srgrCoefficients.clone();
        grsrCoefficients = grsrCoefficients.clone();
    }

    @Override
    public double[] srgrCoefficients() {
        return srgrCoefficients.clone();
    }

    @Override
    public double[] grsrCoefficients() {
        return grsrCoefficients.clone();
    }

    /** Ground range (m) of a slant range (m), by the SRGR polynomial. */
    public double groundRange(double slantRange) {
        return PolynomialFit.evaluate(srgrCoefficients, slantRange - sr0);
    }

    /** Slant range (m) of a ground range (m), by the GRSR polynomial. */
    public double slantRange(double groundRange) {
        return PolynomialFit.evaluate(grsrCoefficients, groundRange - gr0);
    }
}
