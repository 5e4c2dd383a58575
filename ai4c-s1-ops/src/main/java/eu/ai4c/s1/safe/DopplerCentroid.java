package eu.ai4c.s1.safe;

import java.time.Instant;

/**
 * One Doppler centroid estimate of the annotation ({@code dopplerCentroid/dcEstimateList}): the
 * centroid frequency in Hz as polynomials of slant-range time around {@code t0}, from the orbit
 * geometry and from the data. TOPS deramping takes the data estimate. Immutable.
 *
 * @param azimuthTime zero-Doppler time the estimate refers to
 * @param t0          reference two-way slant-range time, seconds
 * @param geometry    coefficients of the geometric estimate
 * @param data        coefficients of the data estimate
 */
public record DopplerCentroid(Instant azimuthTime, double t0, double[] geometry, double[] data) {

    /** The data Doppler centroid at two-way slant-range time {@code tau}, Hz. */
    public double dataAt(double tau) {
        return Polynomials.evaluate(data, tau - t0);
    }

    /** The geometric Doppler centroid at two-way slant-range time {@code tau}, Hz. */
    public double geometryAt(double tau) {
        return Polynomials.evaluate(geometry, tau - t0);
    }
}
