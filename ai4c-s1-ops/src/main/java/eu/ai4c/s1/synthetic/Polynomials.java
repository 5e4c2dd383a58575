package eu.ai4c.s1.synthetic;

/** Least-squares polynomial fitting for the synthetic SRGR/GRSR coefficients. Stateless. */
final class Polynomials {
    private Polynomials() {
    }

    /**
     * Coefficients {@code c} of {@code y ≈ Σ c[i]·x^i}, degree {@code degree}, fitted on {@code x}
     * scaled to [0, 1] (for conditioning) and unscaled afterwards.
     */
    static double[] fit(double[] x, double[] y, int degree) {
        int m = degree + 1, n = x.length;
        double scale = 0;
        for (double v : x) scale = Math.max(scale, Math.abs(v));
        if (scale == 0) scale = 1;
        double[][] ata = new double[m][m + 1];
        for (int k = 0; k < n; k++) {
            double u = x[k] / scale;
            double[] pw = new double[m];
            pw[0] = 1;
            for (int i = 1; i < m; i++) pw[i] = pw[i - 1] * u;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) ata[i][j] += pw[i] * pw[j];
                ata[i][m] += pw[i] * y[k];
            }
        }
        double[] c = solve(ata, m);
        double s = 1;
        for (int i = 0; i < m; i++) {
            c[i] /= s;
            s *= scale;
        }
        return c;
    }

    /** Gaussian elimination with partial pivoting on an augmented matrix. */
    private static double[] solve(double[][] a, int m) {
        for (int col = 0; col < m; col++) {
            int piv = col;
            for (int r = col + 1; r < m; r++) if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) piv = r;
            double[] t = a[col];
            a[col] = a[piv];
            a[piv] = t;
            for (int r = col + 1; r < m; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c <= m; c++) a[r][c] -= f * a[col][c];
            }
        }
        double[] x = new double[m];
        for (int r = m - 1; r >= 0; r--) {
            double s = a[r][m];
            for (int c = r + 1; c < m; c++) s -= a[r][c] * x[c];
            x[r] = s / a[r][r];
        }
        return x;
    }
}
