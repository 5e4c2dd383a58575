package eu.ai4c.s1.coreg;

/**
 * Where the samples of one reference burst lie in the secondary image, and their reference
 * (flat-earth plus topographic) interferometric phase: values at the nodes of a sparse grid of the
 * burst (every {@link #NODE_LINES} lines and {@link #NODE_SAMPLES} samples, plus the last line and
 * sample), interpolated bilinearly in between. The co-registration offsets vary slowly and
 * smoothly across a burst, so this is exact to well below a thousandth of a pixel. An azimuth
 * correction (from Enhanced Spectral Diversity) can be added to every secondary line. Immutable.
 */
public final class OffsetGrid {
    static final int NODE_LINES = 32, NODE_SAMPLES = 128;

    private final int lines, samples, rows, cols;
    private final double[] secondaryLine, secondarySample, phase;
    private final double lineShift;

    OffsetGrid(int lines, int samples, double[] secondaryLine, double[] secondarySample, double[] phase, double lineShift) {
        this.lines = lines;
        this.samples = samples;
        this.rows = nodes(lines, NODE_LINES);
        this.cols = nodes(samples, NODE_SAMPLES);
        this.secondaryLine = secondaryLine;
        this.secondarySample = secondarySample;
        this.phase = phase;
        this.lineShift = lineShift;
    }

    /** Nodes along an axis of {@code n} pixels at {@code step}: 0, step, 2·step, …, n − 1. */
    static int nodes(int n, int step) {
        return (n - 1 + step - 1) / step + 1;
    }

    /** The burst line or sample of node {@code i}. */
    static int nodePosition(int i, int n, int step) {
        return Math.min(i * step, n - 1);
    }

    /** The same grid with {@code lines} added to every secondary line. */
    public OffsetGrid shiftedBy(double lines) {
        return new OffsetGrid(this.lines, samples, secondaryLine, secondarySample, phase, lineShift + lines);
    }

    /** The azimuth correction added to the geometric secondary lines, lines. */
    public double lineShift() {
        return lineShift;
    }

    /**
     * Secondary line (stacked), sample and reference phase of samples {@code x0 … x0+n−1} of burst
     * line {@code line}; NaN where the geometry found no secondary position.
     */
    public void map(int line, int x0, int n, double[] outLine, double[] outSample, double[] outPhase) {
        int r0 = Math.min(rows - 2, line / NODE_LINES);
        if (rows == 1) r0 = 0;
        int l0 = nodePosition(r0, lines, NODE_LINES), l1 = nodePosition(Math.min(rows - 1, r0 + 1), lines, NODE_LINES);
        double wr = l1 == l0 ? 0 : (line - l0) / (double) (l1 - l0);
        for (int i = 0; i < n; i++) {
            int x = x0 + i;
            int c0 = cols == 1 ? 0 : Math.min(cols - 2, x / NODE_SAMPLES);
            int c1 = Math.min(cols - 1, c0 + 1);
            int s0 = nodePosition(c0, samples, NODE_SAMPLES), s1 = nodePosition(c1, samples, NODE_SAMPLES);
            double wc = s1 == s0 ? 0 : (x - s0) / (double) (s1 - s0);
            int a = r0 * cols + c0, b = r0 * cols + c1;
            int r1 = Math.min(rows - 1, r0 + 1);
            int c = r1 * cols + c0, d = r1 * cols + c1;
            if (outLine != null) outLine[i] = bilinear(secondaryLine, a, b, c, d, wr, wc) + lineShift;
            if (outSample != null) outSample[i] = bilinear(secondarySample, a, b, c, d, wr, wc);
            if (outPhase != null) outPhase[i] = bilinear(phase, a, b, c, d, wr, wc);
        }
    }

    private static double bilinear(double[] v, int a, int b, int c, int d, double wr, double wc) {
        double top = v[a] + wc * (v[b] - v[a]), bottom = v[c] + wc * (v[d] - v[c]);
        return top + wr * (bottom - top);
    }
}
