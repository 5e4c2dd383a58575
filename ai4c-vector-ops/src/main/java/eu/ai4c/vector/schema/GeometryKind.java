package eu.ai4c.vector.schema;

import java.util.Locale;

/**
 * The geometries a feature class takes from OSM, as {@code osmium export} builds them: a point
 * from a tagged node, a line from a way (open or closed), a polygon from a closed way of four or
 * more nodes not tagged {@code area=no}, or from a {@code type=multipolygon}/{@code type=boundary}
 * relation.
 */
public enum GeometryKind {
    POINT, LINE, POLYGON;

    /** The YAML spelling: {@code point}, {@code line}, {@code polygon}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
