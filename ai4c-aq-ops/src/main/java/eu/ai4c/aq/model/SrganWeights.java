package eu.ai4c.aq.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The parameter values of an {@link SrganArchitecture}, as plain float arrays (the form they are
 * saved and loaded in, independent of any engine). Initialised with He-normal weights from a
 * seeded Java generator (the same numbers on every machine), zero biases; the second convolution
 * of each residual block and the output convolution are scaled by 0.1 so the untrained generator
 * starts close to the LR field. Mutable; not thread-safe.
 */
public final class SrganWeights {
    private final SrganArchitecture arch;
    private final Map<String, float[]> values = new LinkedHashMap<>();

    private SrganWeights(SrganArchitecture arch) {
        this.arch = arch;
    }

    /** Fresh random weights for {@code seed}. */
    public static SrganWeights initial(SrganArchitecture arch, long seed) {
        SrganWeights w = new SrganWeights(arch);
        SplittableRandom rng = new SplittableRandom(seed);
        for (SrganArchitecture.Param p : arch.parameters()) {
            float[] v = new float[p.size()];
            if (p.shape().length > 1) {
                double sd = Math.sqrt(2.0 / p.fanIn());
                if (p.name().endsWith(".c2.w")) sd *= 0.1;
                // the output convolution starts at zero: the untrained generator is the bicubic baseline
                if (p.name().equals("g.out.w")) sd = 0;
                for (int i = 0; i < v.length; i++) v[i] = (float) (gaussian(rng) * sd);
            }
            w.values.put(p.name(), v);
        }
        return w;
    }

    /** Weights from saved arrays, checked against the architecture. */
    public static SrganWeights of(SrganArchitecture arch, Map<String, float[]> saved) {
        SrganWeights w = new SrganWeights(arch);
        for (SrganArchitecture.Param p : arch.parameters()) {
            float[] v = saved.get(p.name());
            if (v == null || v.length != p.size()) {
                throw new IllegalArgumentException("weights lack " + p.name() + " of " + p.size() + " values");
            }
            w.values.put(p.name(), v);
        }
        return w;
    }

    /** Box–Muller standard normal from the generator (no engine-dependent randomness). */
    static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    public SrganArchitecture architecture() {
        return arch;
    }

    /** The values of one parameter (live array). */
    public float[] get(String name) {
        return values.get(name);
    }

    public void set(String name, float[] v) {
        if (!values.containsKey(name) || values.get(name).length != v.length) throw new IllegalArgumentException(name);
        values.put(name, v);
    }

    public List<SrganArchitecture.Param> parameters() {
        return arch.parameters();
    }

    /** A deep copy. */
    public SrganWeights copy() {
        SrganWeights w = new SrganWeights(arch);
        values.forEach((k, v) -> w.values.put(k, v.clone()));
        return w;
    }
}
