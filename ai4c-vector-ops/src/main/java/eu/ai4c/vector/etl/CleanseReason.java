package eu.ai4c.vector.etl;

/** Why a geometry was repaired or dropped while cleansing; counted per class and reason. */
public enum CleanseReason {
    /** A way refers to nodes that are not in the file (cut at the extract's edge): dropped. */
    MISSING_NODES("dropped: nodes missing from the file"),
    /** A line with fewer than two distinct points: dropped. */
    DEGENERATE_LINE("dropped: line with fewer than 2 distinct points"),
    /** A polygon way or relation whose rings do not close, or have fewer than 4 points: dropped. */
    UNCLOSED_RING("dropped: ring not closed"),
    /** A relation whose member ways are not all in the file: dropped. */
    INCOMPLETE_RELATION("dropped: relation members missing from the file"),
    /** A self-intersecting or otherwise invalid polygon made valid (JTS GeometryFixer): kept. */
    REPAIRED_INVALID("repaired: invalid polygon (self-intersection, bad nesting)"),
    /** An invalid polygon whose repair left nothing: dropped. */
    INVALID_EMPTY("dropped: invalid polygon with no area"),
    /** A typed attribute whose tag value does not parse (e.g. capacity "big"): set to null. */
    UNPARSED_ATTRIBUTE("attribute value not a number: set to null");

    private final String description;

    CleanseReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Whether the feature is dropped. */
    public boolean drops() {
        return this != REPAIRED_INVALID && this != UNPARSED_ATTRIBUTE;
    }
}
