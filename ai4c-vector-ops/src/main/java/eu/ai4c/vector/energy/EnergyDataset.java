package eu.ai4c.vector.energy;

import eu.ai4c.vector.store.DatasetClass;
import eu.ai4c.vector.store.DatasetFeature;
import eu.ai4c.vector.store.DatasetLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The energy datasets of specification table 11 that load into the human-features store
 * ({@code energy-load}): each reads its source file whole (they are small: thousands of records),
 * so bad input fails before anything is written.
 */
public enum EnergyDataset {
    /** JRC Open Power Plants Database, {@code JRC_OPEN_UNITS.csv}. */
    JRC_PPDB("jrc-ppdb", JrcPowerPlants.CLASS),
    /** EMODnet Human Activities offshore wind farms, points or polygons (Shapefile or GeoJSON). */
    EMODNET_WINDFARMS("emodnet-windfarms", EmodnetWindFarms.CLASS);

    private final String label;
    private final DatasetClass featureClass;

    EnergyDataset(String label, DatasetClass featureClass) {
        this.label = label;
        this.featureClass = featureClass;
    }

    /** The name used on the command line. */
    public String label() {
        return label;
    }

    /** The feature class the dataset loads into. */
    public DatasetClass featureClass() {
        return featureClass;
    }

    /** Reads {@code input} (all records, validated) without writing anything. */
    public List<DatasetFeature> read(Path input) {
        return this == JRC_PPDB ? JrcPowerPlants.read(input) : EmodnetWindFarms.read(input);
    }

    /** Reads {@code input} and loads it into {@code store} (created when missing). */
    public DatasetLoader.Result load(Path input, Path store) throws IOException {
        return DatasetLoader.load(store, featureClass, read(input));
    }

    /** The dataset of a command-line label, or null. */
    public static EnergyDataset of(String label) {
        for (EnergyDataset d : values()) if (d.label.equals(label.strip().toLowerCase(Locale.ROOT))) return d;
        return null;
    }
}
