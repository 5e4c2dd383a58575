package eu.ai4c.vector.energy;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.CsvTable;
import eu.ai4c.vector.store.DatasetClass;
import eu.ai4c.vector.store.DatasetClass.Column;
import eu.ai4c.vector.store.DatasetFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JRC Open Power Plants Database (JRC-PPDB-OPEN, specification table 11): the generation
 * units file {@code JRC_OPEN_UNITS.csv} of a release, one record per generation unit, read into
 * the feature class {@code jrc_power_plant} (points) with the file's own column names:
 * {@code eic_p, eic_g} (EIC codes of plant and unit), {@code name_p, name_g}, {@code capacity_p,
 * capacity_g} (MW), {@code type_g} (fuel/technology, ENTSO-E production types such as "Fossil
 * Gas"), {@code lat, lon} (WGS84 degrees), {@code country, NUTS2, status_g},
 * {@code year_commissioned, year_decommissioned}, {@code water_type, cooling_type,
 * water_withdrawal, water_consumption}.
 *
 * <p>Required columns: {@code eic_p, eic_g, lat, lon, capacity_g, type_g, year_commissioned};
 * the others are stored when present (null otherwise); unknown columns are ignored (logged).
 * Comma or semicolon delimited. Numbers may be written as pandas does ({@code 2000.0} for a
 * year); empty cells and {@code NaN} are null. Key: {@code eic_p/eic_g}.</p>
 *
 * <p>Stateless.</p>
 */
public final class JrcPowerPlants {
    private static final Logger LOG = LoggerFactory.getLogger(JrcPowerPlants.class);
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    /** The columns of {@code JRC_OPEN_UNITS.csv}, in the release's order. */
    public static final DatasetClass CLASS = new DatasetClass("jrc_power_plant",
            "Power plant units (JRC-PPDB-OPEN)", "POINT",
            "JRC Open Power Plants Database, JRC_OPEN_UNITS.csv (one record per generation unit)",
            List.of(Column.text("eic_p"), Column.text("eic_g"), Column.text("name_p"), Column.text("name_g"),
                    Column.real("capacity_p"), Column.real("capacity_g"), Column.text("type_g"),
                    Column.real("lat"), Column.real("lon"), Column.text("country"), Column.text("NUTS2"),
                    Column.text("status_g"), Column.integer("year_commissioned"), Column.integer("year_decommissioned"),
                    Column.text("water_type"), Column.text("cooling_type"), Column.real("water_withdrawal"),
                    Column.real("water_consumption")));

    /** Columns a file must have. */
    public static final List<String> REQUIRED = List.of("eic_p", "eic_g", "lat", "lon", "capacity_g", "type_g",
            "year_commissioned");

    private JrcPowerPlants() {
    }

    /**
     * Reads the units of {@code csv}.
     *
     * @throws Ai4cException (usage) naming the file, line and column for missing columns, numbers
     *                       that do not parse, coordinates out of range or a unit given twice
     */
    public static List<DatasetFeature> read(Path csv) {
        CsvTable t = CsvTable.read(csv);
        List<String> missing = t.missing(REQUIRED);
        if (!missing.isEmpty()) {
            throw Ai4cException.usage("The file " + csv + " lacks the column(s) " + String.join(", ", missing)
                    + " of JRC_OPEN_UNITS.csv (it has: " + String.join(", ", t.header()) + "). Give the units file "
                    + "of a JRC-PPDB-OPEN release.");
        }
        List<Column> cols = CLASS.columns();
        int[] at = new int[cols.size()];
        Set<String> known = new HashSet<>();
        for (int i = 0; i < cols.size(); i++) {
            at[i] = t.column(cols.get(i).name());
            known.add(cols.get(i).name().toLowerCase(Locale.ROOT));
        }
        for (String h : t.header()) {
            if (!known.contains(h.toLowerCase(Locale.ROOT))) LOG.info("{}: column {} is not a JRC-PPDB-OPEN unit column; ignored", csv, h);
        }
        int lat = CLASS.indexOf("lat");
        int lon = CLASS.indexOf("lon");
        List<DatasetFeature> out = new ArrayList<>(t.rows().size());
        Set<String> keys = new HashSet<>();
        for (int r = 0; r < t.rows().size(); r++) {
            String[] row = t.rows().get(r);
            int line = t.lines()[r];
            Object[] values = new Object[cols.size()];
            for (int i = 0; i < cols.size(); i++) {
                if (at[i] < 0) continue;
                values[i] = Cells.value(row[at[i]], cols.get(i), csv, line);
            }
            Double y = (Double) values[lat];
            Double x = (Double) values[lon];
            Cells.checkCoordinates(x, y, csv, "line " + line);
            String key = values[0] + "/" + values[1];
            if (values[0] == null || values[1] == null) {
                throw Ai4cException.usage("The file " + csv + ", line " + line + ", has no eic_p or eic_g code; every "
                        + "JRC-PPDB-OPEN unit has both. Fill them in or remove the line.");
            }
            if (!keys.add(key)) {
                throw Ai4cException.usage("The file " + csv + ", line " + line + ", repeats the unit " + key
                        + " (eic_p/eic_g). Remove the duplicate line.");
            }
            Object nameG = values[CLASS.indexOf("name_g")];
            Object nameP = values[CLASS.indexOf("name_p")];
            String name = nameG != null ? nameG.toString() : nameP == null ? null : nameP.toString();
            out.add(new DatasetFeature(key, name, GEOMETRY.createPoint(new Coordinate(x, y)), values));
        }
        return out;
    }
}
