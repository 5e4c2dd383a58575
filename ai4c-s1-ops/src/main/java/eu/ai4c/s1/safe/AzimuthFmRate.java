package eu.ai4c.s1.safe;

import java.time.Instant;

/**
 * One azimuth FM rate estimate of the annotation ({@code generalAnnotation/azimuthFmRateList}):
 * the Doppler rate in Hz/s as a polynomial of slant-range time,
 * {@code ka(τ) = c0 + c1·(τ − t0) + c2·(τ − t0)²}, valid around {@code azimuthTime}. TOPS
 * deramping needs it. Immutable.
 *
 * @param azimuthTime  zero-Doppler time the estimate refers to
 * @param t0           reference two-way slant-range time, seconds
 * @param coefficients c0, c1, c2 (Hz/s, Hz/s², Hz/s³)
 */
public record AzimuthFmRate(Instant azimuthTime, double t0, double[] coefficients) {

    /** The FM rate at two-way slant-range time {@code tau}, Hz/s. */
    public double at(double tau) {
        return Polynomials.evaluate(coefficients, tau - t0);
    }
}
