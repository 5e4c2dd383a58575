package eu.ai4c.s2.safe;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A zipped SAFE product: a zip whose entries lie under one {@code NAME.SAFE/} folder (a zip of
 * the folder's content without that folder is accepted too). Band images needed as files (for
 * {@code opj_decompress}) are extracted once to temporary files, deleted on {@link #close()} or
 * at JVM exit. Thread-safe.
 */
final class SafeZip extends SafeContainer {
    private final Path zipPath;
    private final ZipFile zip;
    private final String prefix;
    private final String name;
    private final List<String> entries;
    private final Map<String, Path> extracted = new ConcurrentHashMap<>();

    SafeZip(Path zipPath) throws IOException {
        this.zipPath = zipPath.toAbsolutePath();
        try {
            this.zip = new ZipFile(zipPath.toFile());
        } catch (IOException e) {
            throw new Ai4cException("Input " + zipPath + " is not a readable zip file (" + e.getMessage()
                    + "); download the product again.", e);
        }
        String root = null;
        List<String> names = new ArrayList<>();
        List<? extends ZipEntry> all;
        try {
            all = Collections.list(zip.entries());
        } catch (IllegalArgumentException e) {
            // an entry name that is not valid UTF-8
            zip.close();
            throw new Ai4cException("Input " + zipPath + " is a damaged zip file (an entry name is not valid UTF-8: "
                    + e.getMessage() + "); download the product again.", e);
        }
        for (ZipEntry e : all) {
            if (e.isDirectory()) continue;
            names.add(e.getName());
            int slash = e.getName().indexOf('/');
            if (slash > 0 && e.getName().substring(0, slash).toUpperCase(java.util.Locale.ROOT).endsWith(".SAFE")) {
                root = e.getName().substring(0, slash + 1);
            }
        }
        prefix = root == null ? "" : root;
        String fileName = zipPath.getFileName().toString();
        name = root == null ? fileName.substring(0, fileName.length() - 4) : root.substring(0, root.length() - 1);
        List<String> rel = new ArrayList<>();
        for (String n : names) if (n.startsWith(prefix)) rel.add(n.substring(prefix.length()));
        Collections.sort(rel);
        entries = List.copyOf(rel);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path location() {
        return zipPath;
    }

    @Override
    public List<String> entries() {
        return entries;
    }

    private ZipEntry entry(String relative) throws IOException {
        ZipEntry e = zip.getEntry(prefix + relative);
        if (e == null) throw new java.io.FileNotFoundException(zipPath + "!/" + prefix + relative);
        return e;
    }

    @Override
    public InputStream open(String relative) throws IOException {
        return zip.getInputStream(entry(relative));
    }

    @Override
    public long size(String relative) throws IOException {
        return entry(relative).getSize();
    }

    @Override
    public Path localFile(String relative) throws IOException {
        Path done = extracted.get(relative);
        if (done != null) return done;
        synchronized (extracted) {
            done = extracted.get(relative);
            if (done != null) return done;
            String base = relative.substring(relative.lastIndexOf('/') + 1);
            Path tmp = Files.createTempFile("ai4c-s2-", "-" + base);
            tmp.toFile().deleteOnExit();
            try (InputStream in = open(relative)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            extracted.put(relative, tmp);
            return tmp;
        }
    }

    @Override
    public void close() throws IOException {
        for (Path p : extracted.values()) Files.deleteIfExists(p);
        extracted.clear();
        zip.close();
    }
}
