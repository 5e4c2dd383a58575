package eu.ai4c.aq.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The shapes of the SRGAN generator and WGAN critic (specification 5.2.1.2; Ledig et al. 2017,
 * with the Wasserstein critic of Gulrajani et al. 2017). All convolutions are 3 × 3 with zero
 * padding ("same"), activations LeakyReLU(0.2), no batch normalisation (WGAN-GP forbids it in
 * the critic; the generator is kept alike).
 *
 * <h2>Generator</h2>
 * LR inputs (C channels) + noise ({@code noise} channels) → conv → F; {@code blocks} residual
 * blocks (conv, LeakyReLU, conv, + input); conv + long skip; three sub-pixel stages ×2 (conv to
 * 4·F', pixel shuffle) with F' = F/2, F/4, F/4 → ×8; concatenated with the HR static inputs (S
 * channels) and one HR noise channel → conv → F/4 → conv → 1; added to the LR target field
 * interpolated bicubically onto the HR grid. So the network learns the HR detail interpolation
 * lacks, and the noise makes one LR input yield an ensemble.
 *
 * <h2>Critic</h2>
 * HR field + HR static inputs + the bicubic LR target field (conditioning) → conv → D; conv stride 2
 * → D; conv stride 2 → 2D; conv stride 2 → 2D; mean over space; dense → 1 (no sigmoid: a
 * Wasserstein critic).
 *
 * @param lrChannels     LR input variables (8 in table 15)
 * @param staticChannels HR static inputs (2 in table 15)
 * @param filters        F, generator filters (table 15: 64)
 * @param criticFilters  D, critic base filters (table 15: 32)
 * @param blocks         residual blocks
 * @param noise          noise channels at LR
 * @param targetChannel  index of the target variable among the LR inputs
 */
public record SrganArchitecture(int lrChannels, int staticChannels, int filters, int criticFilters, int blocks,
                                int noise, int targetChannel) {
    public static final int FACTOR = 8;

    public SrganArchitecture {
        if (filters < 4 || filters % 4 != 0) {
            throw new IllegalArgumentException("generator_filters must be a multiple of 4 (≥ 4), not " + filters);
        }
    }

    /** A parameter's name and shape. */
    public record Param(String name, long[] shape, boolean generator) {
        public int size() {
            long n = 1;
            for (long s : shape) n *= s;
            return (int) n;
        }

        /** Inputs per output unit (for He initialisation). */
        public int fanIn() {
            if (shape.length == 4) return (int) (shape[1] * shape[2] * shape[3]);
            if (shape.length == 2) return (int) shape[1];
            return 1;
        }
    }

    /** Every parameter, generator first, in the order of the weights file. */
    public List<Param> parameters() {
        List<Param> p = new ArrayList<>();
        int f = filters;
        int f2 = f / 2;
        int f4 = f / 4;
        conv(p, "g.head", lrChannels + noise, f, true);
        for (int b = 0; b < blocks; b++) {
            conv(p, "g.block" + b + ".c1", f, f, true);
            conv(p, "g.block" + b + ".c2", f, f, true);
        }
        conv(p, "g.mid", f, f, true);
        conv(p, "g.up1", f, 4 * f2, true);
        conv(p, "g.up2", f2, 4 * f4, true);
        conv(p, "g.up3", f4, 4 * f4, true);
        conv(p, "g.hr1", f4 + staticChannels + 1, f4, true);
        conv(p, "g.out", f4, 1, true);
        int d = criticFilters;
        conv(p, "d.c0", 1 + staticChannels + 1, d, false);
        conv(p, "d.c1", d, d, false);
        conv(p, "d.c2", d, 2 * d, false);
        conv(p, "d.c3", 2 * d, 2 * d, false);
        p.add(new Param("d.dense.w", new long[] {1, 2L * d}, false));
        p.add(new Param("d.dense.b", new long[] {1}, false));
        return p;
    }

    private static void conv(List<Param> p, String name, int in, int out, boolean generator) {
        p.add(new Param(name + ".w", new long[] {out, in, 3, 3}, generator));
        p.add(new Param(name + ".b", new long[] {out}, generator));
    }
}
