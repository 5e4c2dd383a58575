package eu.ai4c.s1.tops;

/**
 * Enhanced Spectral Diversity (Prats-Iraola et al., IEEE TGRS 50(10), 2012): the residual azimuth
 * misregistration of a co-registered TOPS pair from the bursts' overlaps. An overlap is seen twice,
 * at the end of burst b and at the start of burst b+1, with Doppler centroids k_t·t_cycle apart
 * (t_cycle the time between burst starts). A secondary that lags the reference by δ seconds gives
 * each look's interferogram the phase −2π·f·δ, so the double difference
 * d = (m_b·s_b*)·conj(m_{b+1}·s_{b+1}*) has the phase −2π·Δf·δ, whatever the topography and the
 * scatterers. Per range sample the sum of d over the overlap gives δ; samples are combined
 * weighted by |Σd|.
 */
public final class SpectralDiversity {

    private SpectralDiversity() {
    }

    /**
     * @param mFirst  reference samples of the overlap from burst b (interleaved re, im), {@code 2·width·height}
     * @param sFirst  co-registered secondary samples of the overlap from burst b
     * @param mSecond reference samples of the same overlap from burst b+1
     * @param sSecond co-registered secondary samples from burst b+1
     * @param separation Doppler separation Δf = k_t·t_cycle per range sample, Hz ({@code width})
     * @return δ, seconds by which the secondary lags the reference (NaN if no valid sample)
     */
    public static double azimuthShift(float[] mFirst, float[] sFirst, float[] mSecond, float[] sSecond,
                                      double[] separation, int width, int height) {
        double num = 0, weights = 0;
        for (int x = 0; x < width; x++) {
            double re = 0, im = 0;
            for (int y = 0; y < height; y++) {
                int i = 2 * (y * width + x);
                // forward interferogram f = m_b·s_b*, backward g = m_{b+1}·s_{b+1}*
                double fr = mFirst[i] * (double) sFirst[i] + mFirst[i + 1] * (double) sFirst[i + 1];
                double fi = mFirst[i + 1] * (double) sFirst[i] - mFirst[i] * (double) sFirst[i + 1];
                double gr = mSecond[i] * (double) sSecond[i] + mSecond[i + 1] * (double) sSecond[i + 1];
                double gi = mSecond[i + 1] * (double) sSecond[i] - mSecond[i] * (double) sSecond[i + 1];
                if (Double.isNaN(fr + fi + gr + gi)) continue;
                // f·conj(g)
                re += fr * gr + fi * gi;
                im += fi * gr - fr * gi;
            }
            double w = Math.hypot(re, im);
            if (!(w > 0) || !(separation[x] != 0)) continue;
            num += w * (-Math.atan2(im, re) / (2 * Math.PI * separation[x]));
            weights += w;
        }
        return weights > 0 ? num / weights : Double.NaN;
    }

    /** Δf = k_t·t_cycle per range sample, with t_cycle = (lines per burst − overlap lines)·Δt. */
    public static double[] separation(TopsDeramp deramp, int samples, int linesPerBurst, int overlapLines,
                                      double lineInterval) {
        double cycle = (linesPerBurst - overlapLines) * lineInterval;
        double[] s = new double[samples];
        for (int x = 0; x < samples; x++) s[x] = deramp.dopplerRate(x) * cycle;
        return s;
    }
}
