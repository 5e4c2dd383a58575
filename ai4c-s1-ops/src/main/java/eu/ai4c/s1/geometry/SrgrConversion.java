package eu.ai4c.s1.geometry;

/**
 * One entry of the Sentinel-1 annotation's {@code coordinateConversionList}: the polynomials
 * converting between ground range and slant range at one azimuth time (GRD products).
 * <pre>
 *   slant range  = Σ srgrCoefficients[i] · (groundRange − gr0)^i
 *   ground range = Σ grsrCoefficients[i] · (slantRange − sr0)^i
 * </pre>
 * Ground range is measured across the image from sample 0 (sample j lies at j · pixel spacing);
 * ranges in metres. Immutable (arrays are copied).
 *
 * @param azimuthTime       the entry's {@code azimuthTime}, seconds since the orbit epoch
 * @param sr0               slant range origin, metres
 * @param srgrCoefficients  ground → slant range polynomial
 * @param gr0               ground range origin, metres
 * @param grsrCoefficients  slant → ground range polynomial
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

    /** Slant range (m) of a ground range (m). */
    public double slantRange(double groundRange) {
        return PolynomialFit.evaluate(srgrCoefficients, groundRange - gr0);
    }

    /** Ground range (m) of a slant range (m). */
    public double groundRange(double slantRange) {
        return PolynomialFit.evaluate(grsrCoefficients, slantRange - sr0);
    }
}
