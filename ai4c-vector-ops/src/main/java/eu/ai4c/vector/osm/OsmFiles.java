package eu.ai4c.vector.osm;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens an OSM file by its extension: {@code .osm.pbf}/{@code .pbf} through {@link PbfReader},
 * {@code .osm}, {@code .osm.gz}, {@code .osm.bz2} through {@link OsmXmlReader}. Stateless.
 */
public final class OsmFiles {
    public static final String ACCEPTED = ".osm.pbf, .osm, .osm.gz or .osm.bz2";

    private OsmFiles() {
    }

    /** Whether the name has one of the accepted extensions. */
    public static boolean isOsmFile(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".pbf") || n.endsWith(".osm") || n.endsWith(".osm.gz") || n.endsWith(".osm.bz2");
    }

    /**
     * Streams {@code file} to {@code handler}.
     *
     * @param threads threads inflating PBF blocks
     * @throws Ai4cException (usage) when the file is missing or of an unknown kind
     */
    public static void read(Path file, OsmHandler handler, int threads) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw Ai4cException.usage("The OSM input " + file + " does not exist or is not a file; give an "
                    + ACCEPTED + " file.");
        }
        if (!isOsmFile(file)) {
            throw Ai4cException.usage("The OSM input " + file + " has an unknown extension; give an " + ACCEPTED + " file.");
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pbf")) {
            new PbfReader(threads).read(file, handler);
        } else {
            OsmXmlReader.read(file, handler);
        }
    }
}
