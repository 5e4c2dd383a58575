package eu.ai4c.vector.io;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a vector file: its position in the file (1-based record number), its geometry
 * (null for a null shape) and its attributes by field name as written in the file (text; numbers
 * as their text; null when empty).
 */
public record VectorRecord(int number, Geometry geometry, Map<String, String> attributes) {
}
