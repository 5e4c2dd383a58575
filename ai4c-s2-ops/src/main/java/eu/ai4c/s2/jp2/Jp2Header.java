package eu.ai4c.s2.jp2;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The image size, component count and bit depth of a JPEG 2000 file, read from the codestream's
 * SIZ marker segment (ISO/IEC 15444-1 A.5.1) without decoding: works for JP2 files (the
 * codestream follows the boxes) and raw J2K codestreams. Immutable.
 *
 * @param width      image width (Xsiz − XOsiz)
 * @param height     image height (Ysiz − YOsiz)
 * @param components number of components (Csiz)
 * @param bitDepth   bits per sample of the first component (Ssiz + 1)
 * @param signed     whether the first component is signed
 * @param tileWidth  tile width (XTsiz)
 * @param tileHeight tile height (YTsiz)
 */
public record Jp2Header(int width, int height, int components, int bitDepth, boolean signed, int tileWidth,
                        int tileHeight) {

    private static final int SOC = 0xFF4F;
    private static final int SIZ = 0xFF51;

    /** Reads the header of a JP2/J2K file. */
    public static Jp2Header read(Path file) throws IOException {
        byte[] head = new byte[64 * 1024];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        ByteBuffer b = ByteBuffer.wrap(head, 0, n);
        for (int i = 0; i + 43 <= n; i++) { // SOC, SIZ and its fields up to the first Ssiz (byte i + 42)
            if ((b.getShort(i) & 0xFFFF) == SOC && (b.getShort(i + 2) & 0xFFFF) == SIZ) {
                int p = i + 4 + 2 + 2; // marker, Lsiz, Rsiz
                long xsiz = b.getInt(p) & 0xFFFFFFFFL, ysiz = b.getInt(p + 4) & 0xFFFFFFFFL;
                long xo = b.getInt(p + 8) & 0xFFFFFFFFL, yo = b.getInt(p + 12) & 0xFFFFFFFFL;
                long xt = b.getInt(p + 16) & 0xFFFFFFFFL, yt = b.getInt(p + 20) & 0xFFFFFFFFL;
                int csiz = b.getShort(p + 32) & 0xFFFF;
                int ssiz = b.get(p + 34) & 0xFF;
                long w = xsiz - xo, h = ysiz - yo;
                // the ranges of ISO/IEC 15444-1 Table A.9: a damaged header is refused, not passed on as sizes
                if (w <= 0 || h <= 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE || xt == 0 || yt == 0
                        || csiz < 1 || csiz > 16384 || (ssiz & 0x7F) > 37) {
                    throw new Ai4cException(file + " has a damaged JPEG 2000 header (image " + xsiz + " x " + ysiz
                            + " from offset " + xo + ", " + yo + "; tiles " + xt + " x " + yt + "; " + csiz
                            + " component(s) of " + ((ssiz & 0x7F) + 1) + " bits); the product is damaged:"
                            + " download it again.");
                }
                return new Jp2Header((int) w, (int) h, csiz, (ssiz & 0x7F) + 1,
                        (ssiz & 0x80) != 0, (int) Math.min(xt, Integer.MAX_VALUE), (int) Math.min(yt, Integer.MAX_VALUE));
            }
        }
        throw new Ai4cException(file + " is not a JPEG 2000 file (no codestream header in its first "
                + n + " bytes); the product is damaged or incomplete: download it again.");
    }

    /** Bytes per decoded sample: 1 up to 8 bits, else 2. */
    public int bytesPerSample() {
        return bitDepth <= 8 ? 1 : 2;
    }
}
