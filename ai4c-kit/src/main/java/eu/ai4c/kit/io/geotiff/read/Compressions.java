package eu.ai4c.kit.io.geotiff.read;

import static eu.ai4c.kit.io.geotiff.TiffTags.*;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompression of one chunk for the codecs AI4C reads: none (1), LZW (5), Deflate (8 and the
 * old code 32946) and PackBits (32773). Stateless; thread-safe.
 */
final class Compressions {
    private Compressions() {
    }

    /** @throws Ai4cException naming the file and the codec when it is not one AI4C reads */
    static void check(int compression, Path file) {
        switch (compression) {
            case COMPRESSION_NONE, COMPRESSION_LZW, COMPRESSION_DEFLATE, COMPRESSION_OLD_DEFLATE, COMPRESSION_PACKBITS -> {
            }
            default -> throw new Ai4cException(file + " uses " + name(compression) + " compression (" + compression
                    + "), which AI4C does not read; convert it with gdal_translate -co COMPRESS=DEFLATE "
                    + file.getFileName() + " converted.tif");
        }
    }

    /** Codec names for messages (TIFF 6.0 and the registered extension codes). */
    static String name(int compression) {
        return switch (compression) {
            case 1 -> "no";
            case 2 -> "CCITT RLE";
            case 3 -> "CCITT Group 3";
            case 4 -> "CCITT Group 4";
            case 5 -> "LZW";
            case 6 -> "old-style JPEG";
            case 7 -> "JPEG";
            case 8, 32946 -> "Deflate";
            case 32773 -> "PackBits";
            case 34676 -> "SGI LogLuv";
            case 34712 -> "JPEG 2000";
            case 34887 -> "LERC";
            case 34925 -> "LZMA";
            case 50000 -> "ZSTD";
            case 50001 -> "WebP";
            case 50002 -> "JPEG XL";
            default -> "an unknown";
        };
    }

    /**
     * Decodes {@code src} into exactly {@code expected} bytes.
     *
     * @param what chunk description for error messages
     * @throws Ai4cException when the stream is corrupt or decodes to fewer bytes
     */
    static byte[] decode(int compression, byte[] src, int expected, Path file, String what) throws IOException {
        byte[] out;
        int produced;
        switch (compression) {
            case COMPRESSION_NONE -> {
                if (src.length >= expected) return src;
                out = src;
                produced = src.length;
            }
            case COMPRESSION_DEFLATE, COMPRESSION_OLD_DEFLATE -> {
                out = new byte[expected];
                produced = inflate(src, out, file, what);
            }
            case COMPRESSION_LZW -> {
                out = new byte[expected];
                produced = Lzw.decode(src, out);
            }
            case COMPRESSION_PACKBITS -> {
                out = new byte[expected];
                produced = PackBits.decode(src, out);
            }
            default -> throw new IllegalStateException("unchecked compression " + compression);
        }
        if (produced < 0) {
            throw new Ai4cException("Cannot read " + file + ": " + what + " holds a corrupt " + name(compression)
                    + " stream; the file is damaged. Download or copy it again.");
        }
        if (produced < expected) {
            throw new Ai4cException("Cannot read " + file + ": " + what + " decodes to " + produced + " bytes instead of "
                    + expected + "; the file is truncated or damaged. Download or copy it again.");
        }
        return out;
    }

    /** One inflater per thread, reset for each chunk: saves allocating zlib state for every tile. */
    private static final byte[] EMPTY = new byte[0];
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(Inflater::new);

    private static int inflate(byte[] src, byte[] out, Path file, String what) {
        Inflater inflater = INFLATERS.get();
        inflater.reset();
        try {
            inflater.setInput(src);
            int n = 0;
            while (n < out.length) {
                int r = inflater.inflate(out, n, out.length - n);
                n += r;
                if (r == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) break;
            }
            return n;
        } catch (DataFormatException e) {
            return -1;
        } finally {
            inflater.setInput(EMPTY); // do not keep the chunk reachable from the thread
        }
    }
}
