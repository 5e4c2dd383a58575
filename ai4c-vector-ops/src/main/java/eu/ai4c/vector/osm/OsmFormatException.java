package eu.ai4c.vector.osm;

import eu.ai4c.kit.Ai4cException;

/** An OSM file that cannot be read: truncated, corrupt or of an unsupported variant. The message names the file and the fix. */
public final class OsmFormatException extends Ai4cException {
    public OsmFormatException(String message) {
        super(message);
    }

    public OsmFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
