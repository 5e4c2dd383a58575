package eu.ai4c.kit.io.geotiff.read;

/**
 * TIFF LZW decoder (TIFF 6.0 section 13): codes of 9 to 12 bits, most significant bit first,
 * Clear = 256, EndOfInformation = 257, code width growing one code early (the "early change"
 * every TIFF writer uses). The old variant written by pre-1991 libtiff (least significant bit
 * first, width growing without early change) is recognised as libtiff does: by a stream starting
 * with a zero byte followed by an odd one.
 * Each table entry is kept as a (position, length) reference into the output already written,
 * which holds every string the table can name, so decoding needs no per-code allocation.
 * Pure function; thread-safe.
 */
final class Lzw {
    private static final int CLEAR = 256, EOI = 257, FIRST_FREE = 258, MAX_BITS = 12;

    private Lzw() {
    }

    /**
     * Decodes {@code src} into {@code out}, stopping when {@code out} is full.
     *
     * @return bytes written, or -1 when the stream is corrupt
     */
    static int decode(byte[] src, byte[] out) {
        boolean oldStyle = src.length >= 2 && src[0] == 0 && (src[1] & 1) == 1;
        int[] entryPos = new int[1 << MAX_BITS];
        int[] entryLen = new int[1 << MAX_BITS];
        int n = 0, sp = 0, bits = 0, width = 9, next = FIRST_FREE;
        long buffer = 0;
        int prevPos = -1, prevLen = 0;
        while (n < out.length) {
            while (bits < width) {
                if (sp >= src.length) return n; // stream ends without EndOfInformation: keep what we have
                if (oldStyle) {
                    buffer |= (long) (src[sp++] & 0xFF) << bits;
                } else {
                    buffer = (buffer << 8) | (src[sp++] & 0xFF);
                }
                bits += 8;
            }
            int code;
            if (oldStyle) {
                code = (int) buffer & ((1 << width) - 1);
                buffer >>>= width;
            } else {
                code = (int) (buffer >>> (bits - width)) & ((1 << width) - 1);
            }
            bits -= width;
            if (code == EOI) break;
            if (code == CLEAR) {
                width = 9;
                next = FIRST_FREE;
                prevPos = -1;
                continue;
            }
            int start = n;
            int len;
            if (code < CLEAR) {
                out[n] = (byte) code;
                len = 1;
            } else if (prevPos < 0) {
                return -1; // the first code after Clear must be a literal
            } else if (code < next) {
                len = entryLen[code];
                int copy = Math.min(len, out.length - n);
                System.arraycopy(out, entryPos[code], out, n, copy);
            } else if (code == next) {
                // KwKwK: the previous string followed by its own first byte
                len = prevLen + 1;
                int copy = Math.min(prevLen, out.length - n);
                System.arraycopy(out, prevPos, out, n, copy);
                if (n + prevLen < out.length) out[n + prevLen] = out[prevPos];
            } else {
                return -1;
            }
            if (prevPos >= 0 && next < entryPos.length) {
                // new entry = previous string + first byte of this one, contiguous in the output
                entryPos[next] = prevPos;
                entryLen[next] = prevLen + 1;
                next++;
                if (next >= (1 << width) - (oldStyle ? 0 : 1) && width < MAX_BITS) width++;
            }
            prevPos = start;
            prevLen = len;
            n = Math.min(out.length, n + len);
        }
        return n;
    }
}
