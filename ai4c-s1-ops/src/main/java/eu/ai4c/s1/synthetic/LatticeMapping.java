package eu.ai4c.s1.synthetic;

/**
 * Where the samples of one product of a synthetic pair fall on the scene's lattice (reference
 * lines from the sub-swath's first burst and reference samples), and the interferometric phase
 * their slant range adds relative to the reference's. For the reference itself the lattice is its
 * own grid; for the secondary, {@link #secondary} solves the imaging geometry of both orbits on a
 * sparse grid of each burst and interpolates bilinearly. Immutable and thread-safe.
 */
abstract class LatticeMapping {
    /** Node spacing of the secondary's grid, lines and samples. */
    static final int NODE_LINES = 16, NODE_SAMPLES = 64;

    /**
     * Lattice coordinates and extra phase of samples {@code x0 … x0+n−1} of stacked line {@code y}.
     *
     * @param phase radians to add to the sample (−4π·(R₂ − R₁)/λ), or untouched for the reference
     */
    abstract void map(int swath, int y, int x0, int n, double[] u, double[] xr, double[] phase);

    /** The reference: lattice row = line from the first burst start, column = sample. */
    static LatticeMapping reference(SlcModel model) {
        return new LatticeMapping() {
            @Override
            void map(int swath, int y, int x0, int n, double[] u, double[] xr, double[] phase) {
                double row = (model.lineTime(swath, y) - model.burstStart(swath, 0)) / SlcModel.AZIMUTH_TIME_INTERVAL;
                row = Math.rint(row * 1e6) / 1e6; // whole lines: burst starts are whole line intervals apart
                for (int i = 0; i < n; i++) {
                    u[i] = row;
                    xr[i] = x0 + i;
                    phase[i] = 0;
                }
            }
        };
    }

    /**
     * The secondary {@code second} against reference {@code first}: a secondary sample at stacked line
     * y, sample x images, at ellipsoid height 0, the point its own orbit sees at zero-Doppler time
     * {@code lineTime(y) + timingError} and slant range {@code slantRange(x)} (the timing error is what
     * the annotation does not tell); that point's reference zero-Doppler time and slant range give the
     * lattice position, and the difference of the two slant ranges the phase.
     */
    static LatticeMapping secondary(SlcModel first, SlcModel second, int swaths, int samples, int linesPerBurst,
                                    int bursts, double timingError, double wavelength) {
        int rows = (linesPerBurst - 1 + NODE_LINES - 1) / NODE_LINES + 1;
        int cols = (samples - 1 + NODE_SAMPLES - 1) / NODE_SAMPLES + 1;
        double[][][] gu = new double[swaths * bursts][][], gx = new double[swaths * bursts][][], gp = new double[swaths * bursts][][];
        GrdGeometry g1 = first.geometry(), g2 = second.geometry();
        for (int s = 0; s < swaths; s++) {
            for (int k = 0; k < bursts; k++) {
                double[][] u = new double[rows][cols], x = new double[rows][cols], p = new double[rows][cols];
                for (int r = 0; r < rows; r++) {
                    int line = Math.min(r * NODE_LINES, linesPerBurst - 1);
                    double tau2 = second.lineTime(s, k * linesPerBurst + line) + timingError;
                    double guess = tau2;
                    for (int c = 0; c < cols; c++) {
                        int sample = Math.min(c * NODE_SAMPLES, samples - 1);
                        double r2 = second.slantRange(s, sample);
                        double[] ground = g2.pointAtSlantRange(tau2, r2);
                        double tau1 = zeroDoppler(g1, ground, guess);
                        guess = tau1;
                        double r1 = distance(g1.position(tau1), ground);
                        u[r][c] = (tau1 - first.burstStart(s, 0)) / SlcModel.AZIMUTH_TIME_INTERVAL;
                        x[r][c] = (r1 - first.slantRange(s, 0)) / first.rangeSpacing();
                        p[r][c] = -4 * Math.PI * (r2 - r1) / wavelength;
                    }
                }
                gu[s * bursts + k] = u;
                gx[s * bursts + k] = x;
                gp[s * bursts + k] = p;
            }
        }
        return new LatticeMapping() {
            @Override
            void map(int swath, int y, int x0, int n, double[] u, double[] xr, double[] phase) {
                int k = Math.min(bursts - 1, y / linesPerBurst), line = y - k * linesPerBurst;
                int g = swath * bursts + k;
                double fr = Math.min(line / (double) NODE_LINES, rows - 1.000001);
                int r0 = (int) fr;
                double wr = Math.min(1, (line - r0 * NODE_LINES) / (double) (Math.min((r0 + 1) * NODE_LINES, linesPerBurst - 1) - r0 * NODE_LINES));
                for (int i = 0; i < n; i++) {
                    int sample = x0 + i;
                    int c0 = Math.min(cols - 2, sample / NODE_SAMPLES);
                    int s0 = c0 * NODE_SAMPLES, s1 = Math.min((c0 + 1) * NODE_SAMPLES, samples - 1);
                    double wc = (sample - s0) / (double) (s1 - s0);
                    u[i] = bilinear(gu[g], r0, c0, wr, wc);
                    xr[i] = bilinear(gx[g], r0, c0, wr, wc);
                    phase[i] = bilinear(gp[g], r0, c0, wr, wc);
                }
            }
        };
    }

    private static double bilinear(double[][] v, int r, int c, double wr, double wc) {
        double a = v[r][c] + wc * (v[r][c + 1] - v[r][c]);
        double b = v[r + 1][c] + wc * (v[r + 1][c + 1] - v[r + 1][c]);
        return a + wr * (b - a);
    }

    /** Zero-Doppler time of an ECEF point for a synthetic orbit: Newton on (P − S(τ))·V(τ) = 0. */
    static double zeroDoppler(GrdGeometry g, double[] p, double guess) {
        double tau = guess;
        for (int i = 0; i < 30; i++) {
            double f = doppler(g, p, tau);
            double h = 1e-3;
            double df = (doppler(g, p, tau + h) - doppler(g, p, tau - h)) / (2 * h);
            double step = f / df;
            tau -= step;
            if (Math.abs(step) < 1e-12) break;
        }
        return tau;
    }

    private static double doppler(GrdGeometry g, double[] p, double tau) {
        double[] s = g.position(tau), v = g.velocity(tau);
        return (p[0] - s[0]) * v[0] + (p[1] - s[1]) * v[1] + (p[2] - s[2]) * v[2];
    }

    private static double distance(double[] a, double[] b) {
        double dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
