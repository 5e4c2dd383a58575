package eu.ai4c.s1.tops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.s1.safe.AzimuthFmRate;
import eu.ai4c.s1.safe.DopplerCentroid;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopsDerampTest {
    static final double C = 299_792_458, F0 = 5.405e9, LAMBDA = C / F0;
    static final double TAU0 = 5.36e-3, RSR = 64.345e6, DT = 2.055556e-3;
    static final int LINES = 1500, SAMPLES = 40;
    static final Instant T = Instant.parse("2022-01-04T17:06:00Z");
    // IW1-like: FM rate about −2300 Hz/s, a Doppler centroid of a few tens of Hz varying in range
    static final AzimuthFmRate KA = new AzimuthFmRate(T, TAU0, new double[] {-2300, 4.5e5, -1e8});
    static final DopplerCentroid DC = new DopplerCentroid(T, TAU0, new double[] {0}, new double[] {35, -2.0e5, 0});
    static final double STEERING = Math.toRadians(1.590368784), SPEED = 7598;

    static TopsDeramp deramp() {
        return new TopsDeramp(TAU0, RSR, SAMPLES, 0, LINES, DT, KA, DC, STEERING, SPEED, LAMBDA);
    }

    /**
     * A burst simulated from the physics of TOPS, written here apart from the class: in a range
     * column the local Doppler centroid drifts linearly through the burst,
     * f(t) = f_DC + k_t·(t − t_ref), with the drift rate of the steered antenna seen through the
     * focusing, k_t = k_a·k_rot/(k_a − k_rot), k_rot = 2·v·k_ψ/λ, and t_ref the time where the drift
     * crosses f_DC. Scatterers are a slowly varying complex noise (a few Hz wide). After deramping,
     * the pulse-pair Doppler estimate of every 100-line window is near 0 Hz; before it, it sweeps
     * through the whole PRF band.
     */
    @Test
    void derampingBringsEveryColumnToBaseband() {
        TopsDeramp d = deramp();
        SplittableRandom r = new SplittableRandom(11);
        float[] burst = new float[2 * LINES * SAMPLES];
        double kRot = 2 * SPEED * STEERING / LAMBDA;
        double ka0 = KA.at(TAU0), tRef0 = LINES * DT / 2 + DC.dataAt(TAU0) / ka0;
        for (int x = 0; x < SAMPLES; x++) {
            double tau = TAU0 + x / RSR, ka = KA.at(tau), fdc = DC.dataAt(tau);
            double kt = ka * kRot / (ka - kRot), tRef = tRef0 - fdc / ka;
            double nr = 0, ni = 0;
            for (int y = 0; y < LINES; y++) {
                // baseband scatterers: a random walk, low-pass
                nr = 0.98 * nr + 0.2 * (r.nextDouble() - 0.5);
                ni = 0.98 * ni + 0.2 * (r.nextDouble() - 0.5);
                double t = y * DT;
                // phase whose derivative / 2π is f(t) = f_DC + k_t (t − t_ref)
                double phase = 2 * Math.PI * (fdc * t + kt / 2 * (t - tRef) * (t - tRef));
                int i = 2 * (y * SAMPLES + x);
                burst[i] = (float) (nr * Math.cos(phase) - ni * Math.sin(phase));
                burst[i + 1] = (float) (nr * Math.sin(phase) + ni * Math.cos(phase));
            }
            assertEquals(kt, d.dopplerRate(x), Math.abs(kt) * 1e-12, "k_t at sample " + x);
            assertTrue(kt > 1000 && kt < 3000, "an IW-like Doppler rate: " + kt);
        }
        float[] original = burst.clone();
        double rawSpread = 0;
        for (int y0 = 0; y0 + 100 <= LINES; y0 += 100) {
            rawSpread = Math.max(rawSpread, Math.abs(pulsePair(burst, y0, 100, 7)));
        }
        assertTrue(rawSpread > 100, "the raw burst sweeps the band: " + rawSpread + " Hz");
        d.apply(burst, 0, 0, SAMPLES, LINES, +1);
        for (int x : new int[] {0, 7, SAMPLES - 1}) {
            for (int y0 = 0; y0 + 100 <= LINES; y0 += 100) {
                double f = pulsePair(burst, y0, 100, x);
                assertEquals(0, f, 3, "deramped Doppler at lines " + y0 + "+, sample " + x);
            }
        }
        d.apply(burst, 0, 0, SAMPLES, LINES, -1);
        for (int i = 0; i < burst.length; i++) assertEquals(original[i], burst[i], 1e-5, "reramped sample " + i);
    }

    /** Pulse-pair Doppler estimate arg(Σ s(t+Δt)·s*(t)) / (2π·Δt) of a column over some lines, Hz. */
    static double pulsePair(float[] b, int y0, int n, int x) {
        double re = 0, im = 0;
        for (int y = y0; y < y0 + n - 1; y++) {
            int i = 2 * (y * SAMPLES + x), j = 2 * ((y + 1) * SAMPLES + x);
            re += b[j] * b[i] + b[j + 1] * b[i + 1];
            im += b[j + 1] * b[i] - b[j] * b[i + 1];
        }
        return Math.atan2(im, re) / (2 * Math.PI * DT);
    }

    @Test
    void nearestEstimateByAzimuthTime() {
        AzimuthFmRate a = new AzimuthFmRate(T, 0, new double[] {1}), b = new AzimuthFmRate(T.plusSeconds(3), 0, new double[] {2});
        assertEquals(b, TopsDeramp.nearest(List.of(a, b), AzimuthFmRate::azimuthTime, T.plusMillis(2600)));
        assertEquals(a, TopsDeramp.nearest(List.of(a, b), AzimuthFmRate::azimuthTime, T.minusSeconds(60)));
    }
}
