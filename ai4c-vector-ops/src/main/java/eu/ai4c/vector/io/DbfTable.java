package eu.ai4c.vector.io;

import eu.ai4c.kit.Ai4cException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attribute table of a shapefile, a dBASE III file ({@code .dbf}): a 32-byte header (record
 * count at byte 4, header and record lengths at bytes 8 and 10, little-endian), 32-byte field
 * descriptors (name in 11 bytes, type letter, length at byte 16, decimals at 17) ended by
 * {@code 0x0D}, then fixed-length records starting with a deletion flag ({@code '*'} deleted).
 * Values are read as trimmed text in the given charset (the {@code .cpg} file's, else ISO-8859-1);
 * empty values and numbers written as asterisks (dBASE's null) are null.
 * Stateless.
 */
public final class DbfTable {
    private DbfTable() {
    }

    /**
     * The records of {@code bytes}, deleted ones as null (so indexes match the shapes).
     *
     * @param name names the file in errors
     */
    public static List<Map<String, String>> read(byte[] bytes, Charset charset, String name) {
        if (bytes.length < 33) throw bad(name, "shorter than a dBASE header");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int count = b.getInt(4);
        int headerLength = b.getShort(8) & 0xFFFF;
        int recordLength = b.getShort(10) & 0xFFFF;
        if (count < 0 || headerLength < 33 || headerLength > bytes.length || recordLength < 1) {
            throw bad(name, "its header is damaged");
        }
        List<String> names = new ArrayList<>();
        List<int[]> fields = new ArrayList<>(); // offset in record, length, type letter
        int offset = 1;
        for (int at = 32; at + 32 <= headerLength && bytes[at] != 0x0D; at += 32) {
            int end = at;
            while (end < at + 11 && bytes[end] != 0) end++;
            names.add(new String(bytes, at, end - at, java.nio.charset.StandardCharsets.ISO_8859_1).strip());
            int length = bytes[at + 16] & 0xFF;
            fields.add(new int[] {offset, length, bytes[at + 11]});
            offset += length;
        }
        if ((long) headerLength + (long) count * recordLength > bytes.length) {
            throw bad(name, "it is truncated: " + count + " records of " + recordLength + " bytes do not fit in "
                    + bytes.length + " bytes");
        }
        List<Map<String, String>> out = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            int start = headerLength + r * recordLength;
            if (bytes[start] == '*') {
                out.add(null);
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int f = 0; f < fields.size(); f++) {
                int[] fd = fields.get(f);
                if (fd[0] + fd[1] > recordLength) throw bad(name, "field " + names.get(f) + " lies beyond its record");
                String v = new String(bytes, start + fd[0], fd[1], charset).strip();
                // numeric nulls are written as asterisks (dBASE; GDAL does so)
                boolean nullNumber = (fd[2] == 'N' || fd[2] == 'F') && !v.isEmpty() && v.chars().allMatch(ch -> ch == '*');
                row.put(names.get(f), v.isEmpty() || nullNumber ? null : v);
            }
            out.add(row);
        }
        return out;
    }

    private static Ai4cException bad(String name, String what) {
        return Ai4cException.usage("The attribute file " + name + " is not a valid dBASE table (" + what
                + "). Export the shapefile again.");
    }
}
