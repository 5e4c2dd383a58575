package eu.ai4c.aq.data;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.netcdf.CfGrid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The high-resolution static inputs on a target grid: {@code urban_frac} (0–1) and {@code
 * orog_scal}, the orography min–max scaled to 0–1 over the target grid (read as {@code orog_scal}
 * when the file has it, else computed from {@code orog}, or from the geopotential {@code z} / g).
 * A source finer than the target is averaged conservatively, a coarser one interpolated
 * bilinearly. Stateless.
 */
public final class StaticFields {
    private static final double G = 9.80665;

    private StaticFields() {
    }

    /** The static fields in the order of {@code names}, on {@code target}. */
    public static float[][] read(CamsFiles files, List<String> names, CfGrid target) throws IOException {
        float[][] out = new float[names.size()][];
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k);
            if (files.has(name)) {
                out[k] = onto(files, name, target, 1);
            } else if (name.equals("orog_scal") && (files.has("orog") || files.has("z"))) {
                float[] h = files.has("orog") ? onto(files, "orog", target, 1) : onto(files, "z", target, 1 / G);
                out[k] = minMaxScaled(h);
            } else {
                List<String> need = new ArrayList<>(List.of(name));
                if (name.equals("orog_scal")) need = List.of("orog_scal (or orog, or z)");
                throw new Ai4cException("data.static_path (" + files.location() + ") lacks " + need.get(0)
                        + ", a high-resolution static input of the config (hr_static_inputs). Give a file with it.");
            }
        }
        return out;
    }

    private static float[] onto(CamsFiles files, String name, CfGrid target, double factor) throws IOException {
        CfGrid g = files.grid(name);
        float[] v = files.read(name, 0);
        float[] r = g.latStep() <= target.latStep() * 1.0001 && g.lonStep() <= target.lonStep() * 1.0001
                ? Regrid.conservative(g, v, target) : Regrid.bilinear(g, v, target);
        if (factor != 1) for (int i = 0; i < r.length; i++) r[i] *= (float) factor;
        return r;
    }

    /** {@code (x − min) / (max − min)} over the finite values; 0 where the range is empty. */
    public static float[] minMaxScaled(float[] h) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float x : h) {
            if (Float.isNaN(x)) continue;
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        float[] out = new float[h.length];
        float range = hi - lo;
        for (int i = 0; i < h.length; i++) out[i] = range > 0 ? (h[i] - lo) / range : 0f;
        return out;
    }
}
