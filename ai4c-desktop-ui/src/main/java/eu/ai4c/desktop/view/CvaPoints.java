package eu.ai4c.desktop.view;

/**
 * Changed pixels of an S2-CD result sampled for a scatter plot: magnitude (difference-std units),
 * angle to the reference vector (degrees, 0…180) and change class (1…254) per point, with the
 * full count of changed pixels per class. Immutable after construction (arrays shared, do not
 * modify); thread-safe.
 */
public final class CvaPoints {
    private final float[] magnitude;
    private final float[] angleDeg;
    private final byte[] classes;
    private final long[] changedPerClass;

    /**
     * @param magnitude       per point
     * @param angleDeg        per point, degrees
     * @param classes         per point, unsigned class value
     * @param changedPerClass all changed pixels per class value (index = class, 256 entries)
     */
    public CvaPoints(float[] magnitude, float[] angleDeg, byte[] classes, long[] changedPerClass) {
        if (angleDeg.length != magnitude.length || classes.length != magnitude.length) {
            throw new IllegalArgumentException("Arrays of different lengths");
        }
        this.magnitude = magnitude;
        this.angleDeg = angleDeg;
        this.classes = classes;
        this.changedPerClass = changedPerClass;
    }

    public int size() {
        return magnitude.length;
    }

    public float magnitude(int i) {
        return magnitude[i];
    }

    public float angleDeg(int i) {
        return angleDeg[i];
    }

    /** Class value (1…254) of point {@code i}. */
    public int classOf(int i) {
        return classes[i] & 0xFF;
    }

    /** Changed pixels of class {@code c} in the whole image. */
    public long changed(int c) {
        return changedPerClass[c];
    }

    /** Largest class value with changed pixels (0 when none). */
    public int maxClass() {
        for (int c = changedPerClass.length - 1; c > 0; c--) if (changedPerClass[c] > 0) return c;
        return 0;
    }
}
