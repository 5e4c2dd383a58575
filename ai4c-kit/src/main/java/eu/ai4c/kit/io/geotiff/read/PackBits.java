package eu.ai4c.kit.io.geotiff.read;

/**
 * PackBits run-length decoder (TIFF 6.0 section 9): a header byte n in [0, 127] copies the next
 * n+1 bytes, n in [-127, -1] repeats the next byte 1-n times, -128 is a no-op.
 * Pure function; thread-safe.
 */
final class PackBits {
    private PackBits() {
    }

    /** Decodes {@code src} into {@code out}, stopping when {@code out} is full; returns bytes written. */
    static int decode(byte[] src, byte[] out) {
        int sp = 0, n = 0;
        while (sp < src.length && n < out.length) {
            int header = src[sp++];
            if (header >= 0) {
                int count = Math.min(header + 1, Math.min(out.length - n, src.length - sp));
                System.arraycopy(src, sp, out, n, count);
                sp += header + 1;
                n += count;
            } else if (header != -128) {
                if (sp >= src.length) break;
                byte value = src[sp++];
                int end = Math.min(out.length, n + 1 - header);
                while (n < end) out[n++] = value;
            }
        }
        return n;
    }
}
