package eu.ai4c.vector.osm;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.testing.FuzzInput;
import java.io.IOException;

/**
 * Any bytes given as an OSM PBF file either stream every node, way and relation to a handler or
 * are refused with {@link Ai4cException} ({@link OsmFormatException}) and a message; never
 * another exception, never a hang, never a buffer larger than the file (or, for zlib blobs, than
 * zlib's maximum ratio) justifies. {@code mvn verify} runs the kept inputs of
 * {@code PbfFuzzTestInputs/read/} and findings; {@code JAZZER_FUZZ=1} fuzzes.
 */
class PbfFuzzTest {
    private static final PbfReader READER = new PbfReader(1);

    @FuzzTest(maxDuration = "2m")
    void read(byte[] data) throws IOException {
        try {
            READER.read(FuzzInput.file(data, ".osm.pbf"), new OsmHandler() {
                @Override
                public void node(long id, int version, int lonE7, int latE7, OsmTags tags) {
                    tags.size();
                }

                @Override
                public void way(long id, int version, long[] refs, int refCount, OsmTags tags) {
                    if (refCount > refs.length) throw new AssertionError("way " + id + ": " + refCount + " refs");
                }

                @Override
                public void relation(long id, int version, byte[] memberTypes, long[] memberIds, String[] roles,
                                     int count, OsmTags tags) {
                    if (count > memberIds.length) throw new AssertionError("relation " + id + ": " + count + " members");
                }
            });
        } catch (Ai4cException e) {
            FuzzInput.refused(e);
        }
    }
}
