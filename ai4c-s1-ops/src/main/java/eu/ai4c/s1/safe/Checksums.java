package eu.ai4c.s1.safe;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.FileDigests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * The integrity checks of a SAFE product: the MD5 that {@code manifest.safe} gives for each file,
 * and for a zipped product the CRC-32 the zip records for each entry read whole.
 * A file whose bytes do not give its MD5 was damaged after ESA made the product (a broken download
 * or copy, a bad disk) and is refused rather than processed as if whole. Large files are hashed
 * in parallel, streaming ({@link FileDigests}).
 */
public final class Checksums {
    /** What a run that checks the files it reads tells the user to do about a damaged one. */
    static final String RUN_REMEDY = "download the product again, or pass --verify false to process it anyway.";
    /** What a check of the whole product (after a download) tells the user: nothing is being processed. */
    static final String DOWNLOAD_REMEDY = "download the product again.";

    private Checksums() {
    }

    /** MD5 of bytes, lower-case hex. */
    public static String md5(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** MD5 of a stream read to its end, lower-case hex. */
    public static String md5(InputStream in) throws IOException {
        return FileDigests.hex("MD5", in);
    }

    /** MD5 of a file, lower-case hex. */
    public static String md5(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return md5(in);
        }
    }

    /**
     * Checks bytes already read against the manifest; nothing to check when the manifest gives no MD5.
     *
     * @throws Ai4cException naming the file, the product and the fix
     */
    static void require(SafeArchive archive, Manifest manifest, String href, byte[] bytes) {
        String expected = manifest.md5(href), actual = expected.isEmpty() ? "" : md5(bytes);
        if (!expected.equalsIgnoreCase(actual)) {
            throw new Ai4cException("Sentinel-1 product " + archive.location() + ": " + href + " is damaged (its MD5 is "
                    + actual + ", the manifest gives " + expected + "); its numbers cannot be trusted. Download the"
                    + " product again.");
        }
    }

    /**
     * Checks whole files of the product against the manifest, several at a time; files without an
     * MD5 in the manifest are skipped unless the zip records their CRC-32.
     *
     * @param remedy the advice that ends the message of a damaged file ({@link #RUN_REMEDY} or {@link #DOWNLOAD_REMEDY})
     * @return the number of files checked
     * @throws Ai4cException for the first file that does not match, naming it
     */
    static int verify(SafeArchive archive, Manifest manifest, Collection<String> hrefs, int threads, String remedy)
            throws IOException {
        List<String> todo = new ArrayList<>();
        for (String h : hrefs) {
            boolean checkable = !manifest.md5(h).isEmpty() || archive.zipCrc(h) != -1;
            if (checkable && !todo.contains(h)) todo.add(h);
        }
        List<CRC32> crcs = new ArrayList<>();
        List<Callable<String>> sums = new ArrayList<>();
        for (String h : todo) {
            CRC32 crc = new CRC32();
            crcs.add(crc);
            sums.add(() -> {
                // the zip's CRC-32 in the same pass: it also covers files the manifest gives no MD5 for
                try (InputStream in = new CheckedInputStream(archive.open(h), crc)) {
                    return md5(in);
                } catch (java.util.zip.ZipException | java.io.EOFException e) {
                    throw new Ai4cException("Sentinel-1 product " + archive.location() + ": " + h + " cannot be read"
                            + " whole (" + e.getMessage() + "): the zip is damaged or truncated; download the"
                            + " product again.", e);
                }
            });
        }
        List<String> actual = FileDigests.inParallel("ai4c-md5", sums, threads);
        for (int i = 0; i < todo.size(); i++) {
            String h = todo.get(i), expected = manifest.md5(h);
            // the manifest's MD5 first: it is ESA's own record of the file
            if (!expected.isEmpty()) check(archive, h, expected, actual.get(i), remedy);
            long expectedCrc = archive.zipCrc(h), crc = crcs.get(i).getValue();
            if (expectedCrc != -1 && crc != expectedCrc) {
                throw new Ai4cException("Sentinel-1 product " + archive.location() + ": " + h + " is damaged (its"
                        + " bytes give the CRC-32 " + Long.toHexString(crc) + ", the zip records "
                        + Long.toHexString(expectedCrc) + "); " + remedy);
            }
        }
        return todo.size();
    }

    private static void check(SafeArchive archive, String href, String expected, String actual, String remedy) {
        if (!expected.equalsIgnoreCase(actual)) {
            throw new Ai4cException("Sentinel-1 product " + archive.location() + ": " + href + " is damaged (its MD5 is "
                    + actual + ", the manifest gives " + expected + "); " + remedy);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java platform", e);
        }
    }
}
