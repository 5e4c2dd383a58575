package eu.ai4c.s1.speckle;

/**
 * IDAN, the intensity-driven adaptive-neighbourhood filter (G. Vasile, E. Trouvé, J.-S. Lee,
 * V. Buzuloiu 2006, "Intensity-Driven Adaptive-Neighborhood Technique for Polarimetric and
 * Interferometric SAR Parameters Estimation", IEEE TGRS 44(6):1609–1621), for one band of L-look
 * intensity. For each pixel z:
 * <ol>
 *   <li><b>Seed</b>: the median of the 3×3 window around z, robust to a bright or dark centre.</li>
 *   <li><b>Region growing</b>: from z, 4-connected neighbours join the adaptive neighbourhood
 *       while {@code |I − seed| ≤ 2·σv·seed}, with σv = 1/√L the coefficient of variation of
 *       L-look speckle, in breadth-first order (nearest first), until it holds {@code anSize}
 *       pixels or no neighbour qualifies. Rejected neighbours are kept as background.</li>
 *   <li><b>Refinement</b>: the seed becomes the neighbourhood's mean, and background pixels that
 *       now pass the test join it (still at most {@code anSize} pixels).</li>
 *   <li><b>Estimate</b>: the local linear MMSE over the neighbourhood, {@code x = m + b (z − m)},
 *       see {@link LeeFilter#mmse}; a neighbourhood of one pixel keeps z.</li>
 * </ol>
 * Growth is confined to the square of half-side {@link #halo()} = ⌈anSize / 2⌉ around the pixel so
 * that a tile needs a bounded source window; a neighbourhood that reaches that far is a thin
 * line of pixels, which the square still lets grow to half its length each way. NaN pixels never
 * join and stay NaN. Immutable, thread-safe (scratch arrays per call).
 */
final class IdanFilter implements SpeckleFilter {
    private final int anSize;
    private final double looks;
    private final int reach;

    /**
     * @param anSize largest adaptive neighbourhood, in pixels (SNAP's {@code anSize}, 1 … 200)
     * @param looks  number of looks L of the intensity
     */
    IdanFilter(int anSize, double looks) {
        this.anSize = anSize;
        this.looks = looks;
        this.reach = Math.max(1, (anSize + 1) / 2);
    }

    @Override
    public int halo() {
        return reach;
    }

    @Override
    public void filter(float[] src, int srcW, int srcH, int offX, int offY, float[] dst, int dstW, int dstH) {
        SpeckleFilter.checkWindow(src, srcW, srcH, offX, offY, dst, dstW, dstH);
        double sigmaV = 1 / Math.sqrt(looks);
        double tolerance = 2 * sigmaV;
        double noiseVariance = sigmaV * sigmaV;
        int side = 2 * reach + 1;
        int[] mark = new int[side * side]; // pass stamp: member (stamp) or background (-stamp)
        int[] queue = new int[side * side];
        int[] background = new int[side * side];
        float[] seedWindow = new float[9];
        int stamp = 0;
        for (int j = 0; j < dstH; j++) {
            int cy = offY + j;
            for (int i = 0; i < dstW; i++) {
                int cx = offX + i;
                float z = src[cy * srcW + cx];
                if (z != z) {
                    dst[j * dstW + i] = Float.NaN;
                    continue;
                }
                stamp++;
                double seed = median3x3(src, srcW, srcH, cx, cy, seedWindow);
                // pass 1: breadth-first growth from the centre
                int head = 0, tail = 0, members = 0, backgroundCount = 0;
                double sum = 0, sumSq = 0;
                int centre = reach * side + reach;
                mark[centre] = stamp;
                queue[tail++] = centre;
                while (head < tail && members < anSize) {
                    int q = queue[head++];
                    int qx = cx + q % side - reach, qy = cy + q / side - reach;
                    double v = src[qy * srcW + qx];
                    members++;
                    sum += v;
                    sumSq += v * v;
                    for (int n = 0; n < 4; n++) {
                        int nx = q % side + (n == 0 ? -1 : n == 1 ? 1 : 0);
                        int ny = q / side + (n == 2 ? -1 : n == 3 ? 1 : 0);
                        if (nx < 0 || ny < 0 || nx >= side || ny >= side) continue;
                        int sx = cx + nx - reach, sy = cy + ny - reach;
                        if (sx < 0 || sy < 0 || sx >= srcW || sy >= srcH) continue;
                        int k = ny * side + nx;
                        if (mark[k] == stamp || mark[k] == -stamp) continue;
                        float w = src[sy * srcW + sx];
                        if (w == w && Math.abs(w - seed) <= tolerance * seed) {
                            mark[k] = stamp;
                            queue[tail++] = k;
                        } else {
                            mark[k] = -stamp;
                            if (w == w) background[backgroundCount++] = k;
                        }
                    }
                }
                // pass 2: the neighbourhood's mean as seed; background pixels that now pass join
                double refined = sum / members;
                for (int b = 0; b < backgroundCount && members < anSize; b++) {
                    int k = background[b];
                    float w = src[(cy + k / side - reach) * srcW + cx + k % side - reach];
                    if (Math.abs(w - refined) <= tolerance * refined) {
                        members++;
                        sum += w;
                        sumSq += (double) w * w;
                    }
                }
                if (members < 2) {
                    dst[j * dstW + i] = z;
                    continue;
                }
                double mean = sum / members;
                double variance = Math.max(0, sumSq / members - mean * mean);
                dst[j * dstW + i] = (float) LeeFilter.mmse(z, mean, variance, noiseVariance);
            }
        }
    }

    /** Median of the valid samples of the 3×3 window around (cx, cy), clipped at the source edges. */
    private static double median3x3(float[] src, int srcW, int srcH, int cx, int cy, float[] scratch) {
        int n = 0;
        for (int y = Math.max(0, cy - 1); y <= Math.min(srcH - 1, cy + 1); y++) {
            for (int x = Math.max(0, cx - 1); x <= Math.min(srcW - 1, cx + 1); x++) {
                float v = src[y * srcW + x];
                if (v == v) scratch[n++] = v;
            }
        }
        // insertion sort of at most 9 values
        for (int a = 1; a < n; a++) {
            float v = scratch[a];
            int b = a - 1;
            while (b >= 0 && scratch[b] > v) {
                scratch[b + 1] = scratch[b];
                b--;
            }
            scratch[b + 1] = v;
        }
        return (n % 2 == 1) ? scratch[n / 2] : 0.5 * (scratch[n / 2 - 1] + scratch[n / 2]);
    }
}
