package eu.ai4c.s1.safe;

import eu.ai4c.kit.Ai4cException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The files of one SENTINEL-SAFE product, either an unzipped {@code *.SAFE} folder or a zip
 * holding {@code [prefix/]*.SAFE/manifest.safe} (or the SAFE content at its root). Paths are relative to the {@code .SAFE} root
 * and use {@code /} (as in the manifest's {@code fileLocation href}, without the leading {@code ./}).
 *
 * <h2>Thread-safety</h2>
 * Thread-safe: {@link ZipFile} allows concurrent entry reads. {@link #close()} must not race with reads.
 */
public final class SafeArchive implements Closeable {

    /** Where the bytes of an uncompressed file lie: a plain file, from {@code offset}, {@code length} bytes. */
    public record ByteRange(Path file, long offset, long length) {
    }

    private final Path location;
    private final Path folder;
    private final ZipFile zip;
    private final String zipRoot;

    private SafeArchive(Path location, Path folder, ZipFile zip, String zipRoot) {
        this.location = location;
        this.folder = folder;
        this.zip = zip;
        this.zipRoot = zipRoot;
    }

    /**
     * Opens a {@code .SAFE} folder (or its {@code manifest.safe}) or a zip containing one.
     *
     * @throws Ai4cException when the path holds no {@code manifest.safe} or the zip is damaged
     */
    public static SafeArchive open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            if (!Files.isRegularFile(path.resolve("manifest.safe"))) {
                throw new Ai4cException("Sentinel-1 product folder " + path + " has no manifest.safe: give the .SAFE folder itself.");
            }
            return new SafeArchive(path, path, null, null);
        }
        if (path.getFileName() != null && path.getFileName().toString().equals("manifest.safe")) {
            return new SafeArchive(path.getParent(), path.getParent(), null, null);
        }
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException | java.io.EOFException e) {
            // EOFException: the zip's index points past its end
            String what = e.getMessage() == null ? "it ends early" : e.getMessage();
            throw new Ai4cException("Sentinel-1 zip " + path + " is damaged or truncated (" + what
                    + "): download the product again.", e);
        }
        String root;
        try {
            // reads every entry name once: a name that is not valid UTF-8 is refused here, not later in list()
            java.util.Collections.list(zip.entries());
            root = findManifest(zip);
        } catch (IllegalArgumentException e) {
            zip.close();
            throw new Ai4cException("Sentinel-1 zip " + path + " is damaged (an entry name is not valid UTF-8: "
                    + e.getMessage() + "): download the product again.", e);
        }
        if (root == null) {
            zip.close();
            throw new Ai4cException("Zip " + path + " holds no *.SAFE/manifest.safe: it is not a Sentinel-1 SAFE product.");
        }
        return new SafeArchive(path, null, zip, root);
    }

    /** The {@code xxx.SAFE/} prefix of the manifest entry inside a zip, or null. */
    static String findManifest(ZipFile zip) {
        Enumeration<? extends ZipEntry> e = zip.entries();
        while (e.hasMoreElements()) {
            String n = e.nextElement().getName();
            if (isSafeManifest(n)) return n.substring(0, n.length() - "manifest.safe".length());
        }
        return null;
    }

    /** True for entry names {@code [prefix/]name.SAFE/manifest.safe}, or {@code manifest.safe} at the zip root. */
    static boolean isSafeManifest(String entryName) {
        String lower = entryName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".safe/manifest.safe") || lower.equals("manifest.safe");
    }

    /** The folder or zip opened. */
    public Path location() {
        return location;
    }

    /** Product name: the {@code .SAFE} folder name without the extension. */
    public String productName() {
        String dir = zip == null ? folder.getFileName().toString()
                : zipRoot.isEmpty() ? location.getFileName().toString().replaceAll("(?i)\\.zip$", "")
                : zipRoot.substring(0, zipRoot.length() - 1).replaceAll(".*/", "");
        return dir.toUpperCase(Locale.ROOT).endsWith(".SAFE") ? dir.substring(0, dir.length() - 5) : dir;
    }

    public boolean isZipped() {
        return zip != null;
    }

    /** True when the relative path exists. */
    public boolean exists(String relative) {
        return zip == null ? Files.isRegularFile(folder.resolve(relative)) : zip.getEntry(zipRoot + relative) != null;
    }

    /** Size in bytes of the file (uncompressed), or -1 when absent. */
    public long size(String relative) throws IOException {
        if (zip == null) {
            Path p = folder.resolve(relative);
            return Files.isRegularFile(p) ? Files.size(p) : -1;
        }
        ZipEntry e = zip.getEntry(zipRoot + relative);
        return e == null ? -1 : e.getSize();
    }

    /** Reads a whole file (used for XML). */
    public byte[] readAll(String relative) throws IOException {
        if (zip == null) {
            Path p = folder.resolve(relative);
            if (!Files.isRegularFile(p)) throw missing(relative);
            return Files.readAllBytes(p);
        }
        ZipEntry e = zip.getEntry(zipRoot + relative);
        if (e == null) throw missing(relative);
        byte[] bytes;
        try (InputStream in = zip.getInputStream(e)) {
            bytes = in.readAllBytes();
        } catch (IOException ex) {
            // ZipException, EOFException, or a seek to a negative offset from a damaged local header
            // ("Invalid argument"): the entry cannot be read as the zip's index describes it
            throw new Ai4cException("Cannot read " + relative + " from " + location + " (" + ex.getMessage()
                    + "): the zip is damaged or truncated; download the product again.", ex);
        }
        // the zip's own CRC-32 of the entry: reading does not check it for stored entries
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (e.getCrc() != -1 && crc.getValue() != e.getCrc()) {
            throw new Ai4cException("Cannot use " + relative + " from " + location + ": its bytes do not match the zip's "
                    + "CRC-32 (the zip is damaged); download the product again.");
        }
        return bytes;
    }

    /**
     * The CRC-32 the zip records for a file's uncompressed bytes, or -1 for a folder product, an
     * absent file or a zip entry without one.
     */
    public long zipCrc(String relative) {
        if (zip == null) return -1;
        ZipEntry e = zip.getEntry(zipRoot + relative);
        return e == null ? -1 : e.getCrc();
    }

    /** A stream over a whole file (folder file or zip entry, stored or compressed). */
    public InputStream open(String relative) throws IOException {
        if (zip == null) {
            Path p = folder.resolve(relative);
            if (!Files.isRegularFile(p)) throw missing(relative);
            return Files.newInputStream(p);
        }
        ZipEntry e = zip.getEntry(zipRoot + relative);
        if (e == null) throw missing(relative);
        return zip.getInputStream(e);
    }

    /** Relative paths of the files under a folder (e.g. {@code annotation/}), not recursive. */
    public List<String> list(String relativeFolder) throws IOException {
        String dir = relativeFolder.endsWith("/") ? relativeFolder : relativeFolder + "/";
        List<String> out = new ArrayList<>();
        if (zip == null) {
            Path d = folder.resolve(dir);
            if (!Files.isDirectory(d)) return out;
            try (Stream<Path> s = Files.list(d)) {
                s.filter(Files::isRegularFile).forEach(p -> out.add(dir + p.getFileName()));
            }
        } else {
            Enumeration<? extends ZipEntry> e = zip.entries();
            while (e.hasMoreElements()) {
                ZipEntry z = e.nextElement();
                String n = z.getName();
                if (!z.isDirectory() && n.startsWith(zipRoot + dir) && n.indexOf('/', zipRoot.length() + dir.length()) < 0) {
                    out.add(n.substring(zipRoot.length()));
                }
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * Where the raw bytes of a file lie, for positional reads: the file itself when unzipped, or
     * the data of a STORED (uncompressed) zip entry.
     *
     * @throws Ai4cException when the zip entry is compressed (cannot be read by position)
     */
    public ByteRange byteRange(String relative) throws IOException {
        if (zip == null) {
            Path p = folder.resolve(relative);
            if (!Files.isRegularFile(p)) throw missing(relative);
            return new ByteRange(p, 0, Files.size(p));
        }
        ZipEntry e = zip.getEntry(zipRoot + relative);
        if (e == null) throw missing(relative);
        if (e.getMethod() != ZipEntry.STORED) {
            throw new Ai4cException(relative + " in " + location + " is DEFLATE-compressed inside the zip, so it cannot be"
                    + " read window by window. ESA products store measurements uncompressed; unzip the product and give the .SAFE folder.");
        }
        long offset = ZipEntryOffsets.dataOffset(location, zip, e);
        return new ByteRange(location, offset, e.getSize());
    }

    private Ai4cException missing(String relative) {
        return new Ai4cException("Sentinel-1 product " + location + " lacks " + relative
                + " (listed in its manifest.safe): the product is incomplete; download it again.");
    }

    @Override
    public void close() throws IOException {
        if (zip != null) zip.close();
    }
}
