package eu.ai4c.s1.safe;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds where the data of a STORED zip entry starts in the zip file, so that it can be read by
 * position. {@link ZipEntry} does not expose the local header offset, so the central directory is
 * read here (PKWARE APPNOTE 6.3: end of central directory record, ZIP64 locator and extra field,
 * local file header). Stateless and thread-safe.
 */
final class ZipEntryOffsets {
    private static final int EOCD_SIG = 0x06054b50, ZIP64_LOCATOR_SIG = 0x07064b50, ZIP64_EOCD_SIG = 0x06064b50,
            CEN_SIG = 0x02014b50, LOC_SIG = 0x04034b50;

    private ZipEntryOffsets() {
    }

    /** Offset of the first data byte of {@code entry} inside {@code zipPath}. */
    static long dataOffset(Path zipPath, ZipFile zip, ZipEntry entry) throws IOException {
        try (FileChannel ch = FileChannel.open(zipPath, StandardOpenOption.READ)) {
            long size = ch.size();
            int tail = (int) Math.min(size, 65_557);
            if (size < 22) throw damaged(zipPath, "shorter than an end of central directory record");
            ByteBuffer end = read(ch, zipPath, size - tail, tail);
            int eocd = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (end.getInt(i) == EOCD_SIG) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) throw damaged(zipPath, "no end of central directory record");
            long cdSize = end.getInt(eocd + 12) & 0xFFFFFFFFL;
            long cdOffset = end.getInt(eocd + 16) & 0xFFFFFFFFL;
            if (cdOffset == 0xFFFFFFFFL || cdSize == 0xFFFFFFFFL) {
                int loc = eocd - 20;
                if (loc < 0 || end.getInt(loc) != ZIP64_LOCATOR_SIG) throw damaged(zipPath, "ZIP64 locator missing");
                long z64 = end.getLong(loc + 8);
                if (z64 < 0 || z64 > size - 56) throw damaged(zipPath, "ZIP64 end record outside the file");
                ByteBuffer r = read(ch, zipPath, z64, 56);
                if (r.getInt(0) != ZIP64_EOCD_SIG) throw damaged(zipPath, "ZIP64 end record missing");
                cdSize = r.getLong(40);
                cdOffset = r.getLong(48);
            }
            // sizes from the file are checked against its length before anything is allocated or read
            if (cdOffset < 0 || cdSize < 0 || cdSize > size || cdOffset > size - cdSize) {
                throw damaged(zipPath, "central directory of " + cdSize + " bytes at " + cdOffset + " outside the "
                        + size + "-byte file");
            }
            long localOffset = findLocalHeader(ch, zipPath, cdOffset, cdSize, entry.getName());
            if (localOffset < 0 || localOffset > size - 30) {
                throw damaged(zipPath, "local header of " + entry.getName() + " outside the file");
            }
            ByteBuffer lh = read(ch, zipPath, localOffset, 30);
            if (lh.getInt(0) != LOC_SIG) throw damaged(zipPath, "bad local header for " + entry.getName());
            int nameLen = lh.getShort(26) & 0xFFFF, extraLen = lh.getShort(28) & 0xFFFF;
            long data = localOffset + 30 + nameLen + extraLen;
            if (entry.getSize() < 0 || data + entry.getSize() > size) {
                throw damaged(zipPath, entry.getName() + " extends past the end of the file (truncated download?)");
            }
            return data;
        }
    }

    private static long findLocalHeader(FileChannel ch, Path zipPath, long cdOffset, long cdSize, String name)
            throws IOException {
        if (cdSize > Integer.MAX_VALUE) throw damaged(zipPath, "central directory too large");
        ByteBuffer cd = read(ch, zipPath, cdOffset, (int) cdSize);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        int p = 0;
        while (p + 46 <= cdSize) {
            if (cd.getInt(p) != CEN_SIG) throw damaged(zipPath, "bad central directory entry");
            int nameLen = cd.getShort(p + 28) & 0xFFFF, extraLen = cd.getShort(p + 30) & 0xFFFF,
                    commentLen = cd.getShort(p + 32) & 0xFFFF;
            if (p + 46L + nameLen + extraLen > cdSize) {
                throw damaged(zipPath, "central directory entry runs past its end");
            }
            if (nameLen == wanted.length && sameBytes(cd, p + 46, wanted)) {
                long off = cd.getInt(p + 42) & 0xFFFFFFFFL;
                if (off == 0xFFFFFFFFL) off = zip64LocalOffset(cd, p, nameLen, extraLen);
                return off;
            }
            p += 46 + nameLen + extraLen + commentLen;
        }
        throw damaged(zipPath, name + " not in central directory");
    }

    /** The local header offset from the ZIP64 extra field (after the 64-bit sizes that are also escaped). */
    private static long zip64LocalOffset(ByteBuffer cd, int p, int nameLen, int extraLen) {
        boolean bigUncompressed = (cd.getInt(p + 24) & 0xFFFFFFFFL) == 0xFFFFFFFFL;
        boolean bigCompressed = (cd.getInt(p + 20) & 0xFFFFFFFFL) == 0xFFFFFFFFL;
        int e = p + 46 + nameLen, end = e + extraLen;
        while (e + 4 <= end) {
            int id = cd.getShort(e) & 0xFFFF, len = cd.getShort(e + 2) & 0xFFFF;
            if (id == 0x0001) {
                int q = e + 4;
                if (bigUncompressed) q += 8;
                if (bigCompressed) q += 8;
                return q + 8 <= Math.min(end, e + 4 + len) ? cd.getLong(q) : 0xFFFFFFFFL;
            }
            e += 4 + len;
        }
        return 0xFFFFFFFFL;
    }

    private static boolean sameBytes(ByteBuffer b, int at, byte[] s) {
        for (int i = 0; i < s.length; i++) {
            if (b.get(at + i) != s[i]) return false;
        }
        return true;
    }

    private static ByteBuffer read(FileChannel ch, Path zipPath, long pos, int len) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) break;
        }
        b.flip();
        if (b.limit() < len) throw damaged(zipPath, "it ends early (truncated download?)");
        return b;
    }

    private static Ai4cException damaged(Path zip, String what) {
        return new Ai4cException("Sentinel-1 zip " + zip + " is damaged (" + what + "): download the product again.");
    }
}
