package eu.ai4c.s1.coreg;

import eu.ai4c.kit.math.Phase;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s1.tops.TopsDeramp;
import java.io.IOException;
import java.util.Arrays;

/**
 * Resamples the secondary image onto a window of a reference burst, phase-preserving: the secondary
 * samples the window needs are read, divided by their calibration LUT value (so the result is
 * calibrated amplitude), deramped to baseband (TOPS), interpolated with the {@link SincKernel} —
 * first in range along each secondary line, at the positions of the reference line that uses it,
 * then in azimuth — and reramped with the deramping phase at the interpolated position. Positions
 * come from the {@link OffsetGrid}. A sample whose position falls outside the secondary burst's
 * valid rectangle is NaN. Stateless.
 */
public final class SecondaryResampling {
    private static final int H = SincKernel.HALF;

    private SecondaryResampling() {
    }

    /**
     * @param secondary the secondary image
     * @param burst     the secondary burst matching the reference burst
     * @param grid      the reference burst's offsets into the secondary
     * @param firstLine first reference burst line of the window
     * @param lines     window lines
     * @param x0        first reference sample
     * @param width     window samples
     * @return calibrated complex amplitudes (re, im interleaved), {@code 2·width·lines}
     */
    public static float[] resample(SwathImage secondary, int burst, OffsetGrid grid, int firstLine, int lines, int x0,
                                   int width) throws IOException {
        float[] out = new float[2 * width * lines];
        Arrays.fill(out, Float.NaN);
        double[][] yS = new double[lines][width], xS = new double[lines][width];
        double yMin = Double.MAX_VALUE, yMax = -Double.MAX_VALUE, xMin = Double.MAX_VALUE, xMax = -Double.MAX_VALUE;
        for (int r = 0; r < lines; r++) {
            grid.map(firstLine + r, x0, width, yS[r], xS[r], null); // positions only: the reference phase is not needed here
            for (int x = 0; x < width; x++) {
                double y = yS[r][x], s = xS[r][x];
                if (Double.isNaN(y + s)) continue;
                yMin = Math.min(yMin, y);
                yMax = Math.max(yMax, y);
                xMin = Math.min(xMin, s);
                xMax = Math.max(xMax, s);
            }
        }
        if (yMin > yMax) return out;
        int base = burst * secondary.linesPerBurst();
        int[] vl = secondary.validLines(burst), vs = secondary.validSamples(burst);
        if (vl[0] < 0 || vs[0] < 0) return out;
        // secondary block: the kernel's support around every position, inside the valid rectangle
        int by0 = Math.max(base + vl[0], (int) Math.floor(yMin) - H + 1);
        int by1 = Math.min(base + vl[1], (int) Math.floor(yMax) + H);
        int bx0 = Math.max(vs[0], (int) Math.floor(xMin) - H + 1);
        int bx1 = Math.min(vs[1], (int) Math.floor(xMax) + H);
        if (by0 > by1 || bx0 > bx1) return out;
        int bh = by1 - by0 + 1, bw = bx1 - bx0 + 1;
        Block raw = secondary.raster().read(secondary.band(), new Region(bx0, by0, bw, bh));
        float[] s = raw.floats();
        float[] a2 = new float[bw * bh];
        secondary.calibration().interpolate(bx0, by0, bw, bh, a2, 0, true);
        TopsDeramp deramp = secondary.deramp(burst);
        for (int i = 0; i < bw * bh; i++) {
            float g = (float) (1 / Math.sqrt(a2[i]));
            s[2 * i] *= g;
            s[2 * i + 1] *= g;
        }
        if (deramp != null) deramp.apply(s, by0 - base, bx0, bw, bh, +1);

        // range interpolation of every block line at the positions of the reference line that uses it most
        float[] ranged = new float[2 * width * bh];
        float[] w = new float[2 * H];
        double midShift = yS[lines / 2][width / 2] - (firstLine + lines / 2);
        for (int i = 0; i < bh; i++) {
            int r = (int) Math.round(by0 + i - midShift) - firstLine;
            r = Math.max(0, Math.min(lines - 1, r));
            double[] pos = xS[r];
            int o = 2 * i * bw, q = 2 * i * width;
            for (int x = 0; x < width; x++) {
                double p = pos[x];
                if (Double.isNaN(p)) continue;
                int a0 = (int) Math.floor(p);
                SincKernel.weights(p - a0, w);
                double re = 0, im = 0;
                int first = a0 - H + 1;
                if (first >= bx0 && first + 2 * H - 1 <= bx1) {
                    // the whole support inside the block (all but the block's edges): no test per tap
                    for (int t = 0, k = o + 2 * (first - bx0); t < 2 * H; t++, k += 2) {
                        re += w[t] * s[k];
                        im += w[t] * s[k + 1];
                    }
                } else {
                    for (int t = 0; t < 2 * H; t++) {
                        int c = first + t;
                        if (c < bx0 || c > bx1) continue;
                        re += w[t] * s[o + 2 * (c - bx0)];
                        im += w[t] * s[o + 2 * (c - bx0) + 1];
                    }
                }
                ranged[q + 2 * x] = (float) re;
                ranged[q + 2 * x + 1] = (float) im;
            }
        }
        // azimuth interpolation and reramp
        double loY = base + vl[0] - 0.5, hiY = base + vl[1] + 0.5, loX = vs[0] - 0.5, hiX = vs[1] + 0.5;
        for (int r = 0; r < lines; r++) {
            double[] ys = yS[r], xs = xS[r];
            int q = 2 * r * width;
            for (int x = 0; x < width; x++) {
                double y = ys[x], p = xs[x];
                if (!(y >= loY && y <= hiY && p >= loX && p <= hiX)) continue;
                int a0 = (int) Math.floor(y);
                SincKernel.weights(y - a0, w);
                double re = 0, im = 0;
                int first = a0 - H + 1;
                if (first >= by0 && first + 2 * H - 1 <= by1) {
                    for (int t = 0, idx = 2 * ((first - by0) * width + x); t < 2 * H; t++, idx += 2 * width) {
                        re += w[t] * ranged[idx];
                        im += w[t] * ranged[idx + 1];
                    }
                } else {
                    for (int t = 0; t < 2 * H; t++) {
                        int line = first + t;
                        if (line < by0 || line > by1) continue;
                        int idx = 2 * ((line - by0) * width + x);
                        re += w[t] * ranged[idx];
                        im += w[t] * ranged[idx + 1];
                    }
                }
                if (deramp != null) {
                    double ph = -deramp.phase(y - base, p);
                    double c = Phase.cos(ph), sn = Phase.sin(ph);
                    double t = re * c - im * sn;
                    im = re * sn + im * c;
                    re = t;
                }
                out[q + 2 * x] = (float) re;
                out[q + 2 * x + 1] = (float) im;
            }
        }
        return out;
    }
}
