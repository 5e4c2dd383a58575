package eu.ai4c.vector.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A feature class loaded from a dataset other than OpenStreetMap (the energy datasets of
 * specification table 11): its table name, title, geometry type, a description of the source,
 * and the attribute columns with the source's own field names. Its table holds {@code fid},
 * {@code geom}, {@code source_id} (the record's key in the source, unique), {@code name}, then the
 * attributes. Immutable.
 *
 * @param name     table name
 * @param title    human-readable name
 * @param geometry OGC geometry type name of the table ({@code POINT}, or {@code GEOMETRY} for
 *                 points and multipolygons)
 * @param source   where the data come from (shown as the class's rules)
 * @param columns  the attribute columns, in order
 */
public record DatasetClass(String name, String title, String geometry, String source, List<Column> columns) {

    /**
     * An attribute column.
     *
     * @param name    column name (the source's field name)
     * @param sqlType {@code TEXT}, {@code INTEGER} or {@code REAL}
     */
    public record Column(String name, String sqlType) {
        public static Column text(String name) {
            return new Column(name, "TEXT");
        }

        public static Column integer(String name) {
            return new Column(name, "INTEGER");
        }

        public static Column real(String name) {
            return new Column(name, "REAL");
        }
    }

    public DatasetClass {
        columns = List.copyOf(columns);
    }

    /** The columns as the class table records them, {@code name:type} (type text, integer or real). */
    public List<String> describeColumns() {
        List<String> out = new ArrayList<>();
        for (Column c : columns) out.add(c.name() + ":" + c.sqlType().toLowerCase(Locale.ROOT));
        return out;
    }

    /** The index of a column, or -1. */
    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(column)) return i;
        return -1;
    }
}
