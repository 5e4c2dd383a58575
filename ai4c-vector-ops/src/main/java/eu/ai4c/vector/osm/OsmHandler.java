package eu.ai4c.vector.osm;

/**
 * Receives the objects of an OSM file in file order (normally all nodes, then ways, then
 * relations, each sorted by id). Coordinates are WGS84 in units of 10⁻⁷ degree (the OSM
 * database's own precision). Arrays and {@link OsmTags} passed in are reused by the reader:
 * copy what you keep.
 */
public interface OsmHandler {

    /** Whether nodes are wanted; a reader skips decoding them when not. */
    default boolean wantsNodes() {
        return true;
    }

    /** Whether ways are wanted. */
    default boolean wantsWays() {
        return true;
    }

    /**
     * @param lonE7 longitude in 10⁻⁷ degree
     * @param latE7 latitude in 10⁻⁷ degree
     */
    void node(long id, int version, int lonE7, int latE7, OsmTags tags);

    /** @param refs node ids, the first {@code refCount} valid */
    void way(long id, int version, long[] refs, int refCount, OsmTags tags);

    /**
     * @param memberTypes {@link #NODE}, {@link #WAY} or {@link #RELATION}, the first {@code count} valid
     * @param memberIds   member ids
     * @param roles       member roles
     */
    void relation(long id, int version, byte[] memberTypes, long[] memberIds, String[] roles, int count, OsmTags tags);

    byte NODE = 0;
    byte WAY = 1;
    byte RELATION = 2;
}
