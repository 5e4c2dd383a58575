package eu.ai4c.kit.io.geotiff.write;

import java.util.Arrays;

/**
 * LZW compression as specified by TIFF 6.0 section 13: codes of 9 to 12 bits packed most
 * significant bit first, ClearCode 256, EndOfInformation 257, first string code 258. The code
 * width grows one code early (when the next free code reaches 511, 1023, 2047: the convention of
 * all TIFF readers since TIFF 6.0), and the table is reset with a ClearCode when it reaches 4094
 * entries.
 *
 * <h2>Thread-safety</h2>
 * Not thread-safe: one instance per thread, reused for every tile (its tables are reset per call).
 */
public final class LzwEncoder {
    private static final int CLEAR = 256, EOI = 257, FIRST = 258, MAX_CODE = 4095;
    private static final int HASH_SIZE = 1 << 13; // > 4096 entries at load factor < 0.5
    private static final int HASH_MASK = HASH_SIZE - 1;

    /**
     * String table as an open-addressing hash: each slot packs the key (prefix code << 8 | next
     * byte, 20 bits) above the 12-bit code; -1 marks a free slot.
     */
    private final int[] table = new int[HASH_SIZE];
    private byte[] out = new byte[1 << 16];
    private int outLength;
    private long bitBuffer;
    private int bitCount;

    /**
     * Compresses {@code length} bytes of {@code in}.
     *
     * @return the encoder's output buffer; the first {@link #length()} bytes are the code stream
     */
    public byte[] encode(byte[] in, int length) {
        ensureCapacity(length + length / 2 + 16);
        outLength = 0;
        bitBuffer = 0;
        bitCount = 0;
        int nbits = 9;
        int maxCode = (1 << nbits) - 1;
        int next = FIRST;
        Arrays.fill(table, -1);
        put(CLEAR, nbits);
        if (length == 0) {
            put(EOI, nbits);
            flush();
            return out;
        }
        int prefix = in[0] & 0xFF;
        for (int i = 1; i < length; i++) {
            int b = in[i] & 0xFF;
            int key = (prefix << 8) | b;
            int slot = hash(key);
            int entry;
            while ((entry = table[slot]) != -1 && (entry >>> 12) != key) {
                slot = (slot + 1) & HASH_MASK;
            }
            if (entry != -1) {
                prefix = entry & 0xFFF;
                continue;
            }
            put(prefix, nbits);
            table[slot] = (key << 12) | next;
            next++;
            if (next == MAX_CODE - 1) {
                put(CLEAR, nbits);
                Arrays.fill(table, -1);
                next = FIRST;
                nbits = 9;
                maxCode = (1 << nbits) - 1;
            } else if (next > maxCode) {
                nbits++;
                maxCode = (1 << nbits) - 1;
            }
            prefix = b;
        }
        put(prefix, nbits);
        // The decoder adds a table entry after this last code, which may widen the EOI code.
        next++;
        if (next == MAX_CODE - 1) {
            put(CLEAR, nbits);
            nbits = 9;
        } else if (next > maxCode) {
            nbits++;
        }
        put(EOI, nbits);
        flush();
        return out;
    }

    /** Number of valid bytes in the buffer returned by the last {@link #encode}. */
    public int length() {
        return outLength;
    }

    private static int hash(int key) {
        return (key * 0x9E3779B1) >>> (32 - 13);
    }

    private void put(int code, int nbits) {
        bitBuffer = (bitBuffer << nbits) | code;
        bitCount += nbits;
        while (bitCount >= 8) {
            bitCount -= 8;
            if (outLength == out.length) out = Arrays.copyOf(out, out.length * 2);
            out[outLength++] = (byte) (bitBuffer >>> bitCount);
        }
    }

    private void flush() {
        if (bitCount > 0) {
            if (outLength == out.length) out = Arrays.copyOf(out, out.length + 16);
            out[outLength++] = (byte) (bitBuffer << (8 - bitCount));
            bitCount = 0;
        }
    }

    private void ensureCapacity(int n) {
        if (out.length < n) out = new byte[n];
    }
}
