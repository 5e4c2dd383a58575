package eu.ai4c.s2.safe;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.FileDigests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.w3c.dom.Element;

/**
 * The checksums that a Sentinel-2 product's {@code manifest.safe} gives for its files, and their
 * check. Each {@code dataObject/byteStream} names a file ({@code fileLocation/@href}, relative to
 * the SAFE root, {@code ./} first) and its {@code checksum} with {@code checksumName="MD5"}
 * (products before processing baseline 05.09) or {@code "SHA3-256"} (05.09 on). A file whose bytes
 * do not give its checksum was damaged after ESA made the product (a broken download or copy, a
 * bad disk): JPEG 2000 has no checksum of its own, so without this check a damaged code block
 * decodes into wrong reflectances without a word. Files are hashed in parallel, streaming
 * ({@link FileDigests}).
 */
public final class SafeChecksums {
    /** A file's expected digest: {@code algorithm} as Java names it, lower-case hex. */
    public record Expected(String algorithm, String hex) {
    }

    private final Map<String, Expected> byFile;

    private SafeChecksums(Map<String, Expected> byFile) {
        this.byFile = byFile;
    }

    /** The checksums of {@code manifest.safe} (none when the product has no manifest, e.g. band folders). */
    public static SafeChecksums of(SafeContainer c) throws IOException {
        Map<String, Expected> map = new LinkedHashMap<>();
        Optional<String> manifest = c.find("manifest.safe");
        if (manifest.isEmpty()) return new SafeChecksums(map);
        Element root;
        try (InputStream in = c.open(manifest.get())) {
            root = Xml.parse(in, c.name() + "/" + manifest.get());
        }
        for (Element stream : Xml.all(root, "byteStream")) {
            List<Element> location = Xml.children(stream, "fileLocation");
            List<Element> checksum = Xml.children(stream, "checksum");
            if (location.isEmpty() || checksum.isEmpty()) continue;
            String href = location.get(0).getAttribute("href").trim();
            while (href.startsWith("./")) href = href.substring(2);
            String name = checksum.get(0).getAttribute("checksumName").trim().toUpperCase(Locale.ROOT);
            String algorithm = switch (name) {
                case "MD5" -> "MD5";
                case "SHA3-256", "SHA3_256" -> "SHA3-256";
                default -> null;
            };
            String hex = checksum.get(0).getTextContent().trim().toLowerCase(Locale.ROOT);
            if (algorithm != null && !hex.isEmpty()) map.put(href, new Expected(algorithm, hex));
        }
        return new SafeChecksums(map);
    }

    /** The checksum the manifest gives for {@code relative} (a path below the SAFE root), if any. */
    public Optional<Expected> expected(String relative) {
        Expected e = byFile.get(relative);
        if (e == null) {
            for (Map.Entry<String, Expected> x : byFile.entrySet()) {
                if (x.getKey().equalsIgnoreCase(relative)) return Optional.of(x.getValue());
            }
        }
        return Optional.ofNullable(e);
    }

    /** Number of files the manifest gives a checksum for. */
    public int size() {
        return byFile.size();
    }

    /**
     * Checks the files of {@code product} that a run reads against the manifest, several at a
     * time: the product and tile metadata and the files of {@code images}. Files the manifest
     * gives no checksum for are skipped; a product without a manifest (a band folder) has none.
     *
     * @return the number of files checked
     * @throws Ai4cException for the first damaged file, naming it and the fix
     */
    public static int verify(S2Product product, Collection<BandImage> images, int threads) throws IOException {
        if (product.productMetadata().isEmpty()) return 0;
        try (SafeContainer c = SafeContainer.open(product.location())) {
            SafeChecksums sums = of(c);
            if (sums.size() == 0) return 0;
            List<String> files = new ArrayList<>();
            SafeLayout.productMetadata(c.entries()).ifPresent(files::add);
            files.addAll(SafeLayout.tileMetadata(c.entries()));
            String prefix = c.name() + "/";
            for (BandImage image : images) {
                String where = image.location();
                if (where != null && where.startsWith(prefix)) files.add(where.substring(prefix.length()));
            }
            return check(c, sums, files, threads,
                    "Download the product again, or pass --verify false to process it anyway.");
        }
    }

    /**
     * Checks every file the manifest of the product at {@code location} lists, as after a
     * download: a listed file that is missing makes the product incomplete.
     *
     * @return the number of files checked (0: the product has no manifest with checksums)
     * @throws Ai4cException naming the first missing or damaged file
     */
    public static int verifyAll(Path location, int threads) throws IOException {
        try (SafeContainer c = SafeContainer.open(location)) {
            SafeChecksums sums = of(c);
            List<String> files = new ArrayList<>(), missing = new ArrayList<>();
            for (String f : sums.byFile.keySet()) (c.find(f).isPresent() ? files : missing).add(f);
            if (!missing.isEmpty()) {
                throw new Ai4cException("Sentinel-2 product " + c.location() + " is incomplete: " + missing.size()
                        + " of the " + sums.size() + " files its manifest lists are missing (" + missing.get(0)
                        + (missing.size() > 1 ? ", …" : "") + "). Download the product again.");
            }
            return check(c, sums, files, threads, "Download the product again.");
        }
    }

    /**
     * Hashes {@code files} (those with a checksum) in parallel and compares; the number checked.
     * {@code remedy} ends the message of a damaged file: a run can be told to skip the check, a
     * check of the whole product cannot.
     */
    private static int check(SafeContainer c, SafeChecksums sums, List<String> files, int threads, String remedy)
            throws IOException {
        List<String> todo = new ArrayList<>();
        for (String f : files) if (sums.expected(f).isPresent() && !todo.contains(f)) todo.add(f);
        List<Callable<String>> digests = new ArrayList<>();
        for (String f : todo) {
            String algorithm = sums.expected(f).orElseThrow().algorithm();
            digests.add(() -> {
                try (InputStream in = c.open(c.find(f).orElse(f))) {
                    return FileDigests.hex(algorithm, in);
                } catch (java.util.zip.ZipException | java.io.EOFException e) {
                    throw new Ai4cException("Sentinel-2 product " + c.location() + ": " + f + " cannot be read whole ("
                            + e.getMessage() + "): the zip is damaged or truncated; download the product again.", e);
                }
            });
        }
        List<String> actual = FileDigests.inParallel("ai4c-checksum", digests, threads);
        for (int i = 0; i < todo.size(); i++) {
            Expected e = sums.expected(todo.get(i)).orElseThrow();
            if (!actual.get(i).equals(e.hex())) {
                throw new Ai4cException("Sentinel-2 product " + c.location() + ": " + todo.get(i) + " is damaged (its "
                        + e.algorithm() + " is " + actual.get(i) + ", the manifest gives " + e.hex() + "); its numbers"
                        + " cannot be trusted. " + remedy);
            }
        }
        return todo.size();
    }
}
