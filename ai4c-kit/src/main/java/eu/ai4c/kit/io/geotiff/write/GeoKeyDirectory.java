package eu.ai4c.kit.io.geotiff.write;

import eu.ai4c.kit.io.geotiff.TiffTags;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Collects GeoKeys and turns them into the three GeoTIFF tags (GeoTIFF 1.1 section 7.1):
 * GeoKeyDirectoryTag (header {1, 1, 1, count} then {key, location, count, value} sorted by key),
 * GeoDoubleParamsTag and GeoAsciiParamsTag ('|'-terminated strings). Not thread-safe.
 */
public final class GeoKeyDirectory {
    /** GeoKey ids beyond those in {@link TiffTags} (GeoTIFF 1.1 Annex). */
    public static final int GEOG_PRIME_MERIDIAN = 2051, GEOG_SEMI_MINOR_AXIS = 2058,
            PROJ_STD_PARALLEL_1 = 3078, PROJ_STD_PARALLEL_2 = 3079, PROJ_NAT_ORIGIN_LONG = 3080,
            PROJ_NAT_ORIGIN_LAT = 3081, PROJ_FALSE_EASTING = 3082, PROJ_FALSE_NORTHING = 3083,
            PROJ_FALSE_ORIGIN_LONG = 3084, PROJ_FALSE_ORIGIN_LAT = 3085, PROJ_CENTER_LONG = 3088,
            PROJ_CENTER_LAT = 3089, PROJ_SCALE_AT_NAT_ORIGIN = 3092, PROJ_STRAIGHT_VERT_POLE_LONG = 3095;
    /** Unit codes (EPSG): metre, degree. */
    public static final int LINEAR_METER = 9001, ANGULAR_DEGREE = 9102;

    private sealed interface Value permits Short, Real, Text {
    }

    private record Short(int value) implements Value {
    }

    private record Real(double value) implements Value {
    }

    private record Text(String value) implements Value {
    }

    private final TreeMap<Integer, Value> keys = new TreeMap<>();

    public GeoKeyDirectory putShort(int key, int value) {
        keys.put(key, new Short(value));
        return this;
    }

    public GeoKeyDirectory putDouble(int key, double value) {
        keys.put(key, new Real(value));
        return this;
    }

    /** An ASCII key; '|' is the GeoTIFF separator, so it is replaced in the text. */
    public GeoKeyDirectory putAscii(int key, String value) {
        keys.put(key, new Text(value.replace('|', '/').replaceAll("[^\\x20-\\x7E\\n]", "?")));
        return this;
    }

    public boolean contains(int key) {
        return keys.containsKey(key);
    }

    /** The SHORT value of a key, or -1. */
    public int shortValue(int key) {
        return keys.get(key) instanceof Short s ? s.value() : -1;
    }

    /** The GeoKeyDirectory, GeoDoubleParams and GeoAsciiParams fields (the last two only when used). */
    public List<TiffField> toFields() {
        List<Integer> dir = new ArrayList<>();
        List<Double> doubles = new ArrayList<>();
        StringBuilder ascii = new StringBuilder();
        dir.add(1);
        dir.add(1);
        dir.add(1);
        dir.add(keys.size());
        keys.forEach((key, v) -> {
            dir.add(key);
            if (v instanceof Short s) {
                dir.add(0);
                dir.add(1);
                dir.add(s.value());
            } else if (v instanceof Real r) {
                dir.add(TiffTags.GEO_DOUBLE_PARAMS);
                dir.add(1);
                dir.add(doubles.size());
                doubles.add(r.value());
            } else if (v instanceof Text t) {
                dir.add(TiffTags.GEO_ASCII_PARAMS);
                dir.add(t.value().length() + 1);
                dir.add(ascii.length());
                ascii.append(t.value()).append('|');
            }
        });
        List<TiffField> fields = new ArrayList<>();
        fields.add(TiffField.shorts(TiffTags.GEO_KEY_DIRECTORY, dir.stream().mapToInt(Integer::intValue).toArray()));
        if (!doubles.isEmpty()) {
            fields.add(TiffField.doubles(TiffTags.GEO_DOUBLE_PARAMS,
                    doubles.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        if (ascii.length() > 0) fields.add(TiffField.ascii(TiffTags.GEO_ASCII_PARAMS, ascii.toString()));
        return fields;
    }
}
