package eu.ai4c.s1.cd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColourCompositeTest {

    /** The histogram percentiles agree with sorting all values, to the histogram's stated resolution. */
    @Test
    void percentilesOfTheWholeOutputFromTiles() {
        SplittableRandom r = new SplittableRandom(3);
        float[] all = new float[200_000];
        BackscatterPercentiles p = new BackscatterPercentiles();
        for (int tile = 0; tile < 4; tile++) {
            float[] t = new float[50_000];
            for (int i = 0; i < t.length; i++) t[i] = (float) (0.08 * -Math.log(1 - r.nextDouble()));
            t[17] = Float.NaN;
            System.arraycopy(t, 0, all, tile * t.length, t.length);
            p.add(t);
        }
        float[] valid = sortedValid(all);
        for (double q : new double[] {2.5, 50, 97.5}) {
            double exact = valid[(int) Math.ceil(q / 100 * valid.length) - 1];
            assertEquals(exact, p.percentile(q), exact * 1.3e-4, "percentile " + q);
        }
        assertEquals(199_996, p.count());
    }

    /** Byte values are the linear map of the reported percentiles, computed here independently. */
    @Test
    void bytesAreTheLinearStretchOfTheReportedPercentiles() {
        float[] v = {0.01f, 0.02f, 0.05f, 0.1f, 0.2f, Float.NaN, 0.5f};
        double lo = 0.02, hi = 0.2;
        byte[] b = ColourComposite.stretch(v, lo, hi);
        for (int i = 0; i < v.length; i++) {
            int expected = Float.isNaN(v[i]) ? 0 : (int) Math.max(0, Math.min(255, Math.floor((v[i] - lo) / (hi - lo) * 255 + 0.5)));
            assertEquals(expected, b[i] & 0xFF, "value " + v[i]);
        }
        byte[] c = ColourComposite.coherence(new float[] {0, 0.5f, 1, Float.NaN});
        assertEquals(0, c[0] & 0xFF);
        assertEquals(128, c[1] & 0xFF);
        assertEquals(255, c[2] & 0xFF);
        assertEquals(0, c[3] & 0xFF);
    }

    private static float[] sortedValid(float[] all) {
        float[] v = new float[all.length];
        int n = 0;
        for (float f : all) if (!Float.isNaN(f)) v[n++] = f;
        v = Arrays.copyOf(v, n);
        Arrays.sort(v);
        return v;
    }
}
