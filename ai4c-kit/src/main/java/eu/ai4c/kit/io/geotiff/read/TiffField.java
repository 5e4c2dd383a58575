package eu.ai4c.kit.io.geotiff.read;

/**
 * One decoded TIFF directory entry: integer types as {@code long[]}, rationals and floats as
 * {@code double[]}, ASCII as a string (NUL separators kept as '\0', the final NUL dropped).
 * Immutable once read (the arrays are not handed out for modification).
 *
 * @param tag   tag number
 * @param type  TIFF field type (see {@link eu.ai4c.kit.io.geotiff.TiffTags})
 * @param ints  values of integer types (BYTE, SHORT, LONG, LONG8, IFD8, signed and UNDEFINED); else null
 * @param reals values of RATIONAL, SRATIONAL, FLOAT, DOUBLE; else null
 * @param text  value of an ASCII field; else null
 */
record TiffField(int tag, int type, long[] ints, double[] reals, String text) {

    /** Number of values (characters for ASCII). */
    int count() {
        if (ints != null) return ints.length;
        if (reals != null) return reals.length;
        return text == null ? 0 : text.length();
    }

    /** Value {@code i} as a long (reals truncated). */
    long longAt(int i) {
        if (i >= count()) throw tooFew(i);
        if (ints != null) return ints[i];
        if (reals != null) return (long) reals[i];
        throw notNumeric();
    }

    /** Value {@code i} as a double. */
    double doubleAt(int i) {
        if (i >= count()) throw tooFew(i);
        if (reals != null) return reals[i];
        if (ints != null) return ints[i];
        throw notNumeric();
    }

    private eu.ai4c.kit.Ai4cException tooFew(int i) {
        return new eu.ai4c.kit.Ai4cException("TIFF tag " + tag + " has " + count() + " values where value " + (i + 1)
                + " is needed; the file is damaged.");
    }

    /** A damaged or foreign file may give a tag that must hold numbers the ASCII type. */
    private eu.ai4c.kit.Ai4cException notNumeric() {
        return new eu.ai4c.kit.Ai4cException("TIFF tag " + tag + " holds text where the TIFF and GeoTIFF specifications"
                + " put numbers; the file is damaged or not a GeoTIFF.");
    }

    /** All values as doubles (a copy). */
    double[] doubles() {
        double[] d = new double[count()];
        for (int i = 0; i < d.length; i++) d[i] = doubleAt(i);
        return d;
    }

    /** All values as longs (a copy). */
    long[] longs() {
        long[] l = new long[count()];
        for (int i = 0; i < l.length; i++) l[i] = longAt(i);
        return l;
    }

    /** A short printable form for the metadata tree (long arrays abbreviated). */
    String display() {
        if (text != null) return text.replace('\0', '|');
        int n = count();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, 16); i++) {
            if (i > 0) sb.append(' ');
            if (reals != null) sb.append(reals[i]); else sb.append(ints[i]);
        }
        if (n > 16) sb.append(" … (").append(n).append(" values)");
        return sb.toString();
    }
}
