package eu.ai4c.s2.safe;

import eu.ai4c.kit.Ai4cException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files of a SENTINEL-SAFE product, unzipped (a {@code .SAFE} folder) or zipped (a
 * {@code .zip} holding one {@code .SAFE} folder). Paths are relative to the SAFE root with
 * {@code /} separators, as in the metadata. Thread-safe for reading.
 */
public abstract sealed class SafeContainer implements Closeable permits SafeContainer.Folder, SafeZip {

    /** The SAFE name (folder name, {@code .SAFE} included). */
    public abstract String name();

    /** Where the product is on disk (folder or zip file). */
    public abstract Path location();

    /** All files, relative to the SAFE root. */
    public abstract List<String> entries();

    /** Opens one file for reading. */
    public abstract InputStream open(String relative) throws IOException;

    /** Size of a file in bytes. */
    public abstract long size(String relative) throws IOException;

    /**
     * A local file with the content of {@code relative}: the file itself for a folder, an extracted
     * temporary copy (deleted when this container is closed or the JVM exits) for a zip.
     */
    public abstract Path localFile(String relative) throws IOException;

    /** The entry whose path equals {@code relative} ignoring case, if any. */
    public Optional<String> find(String relative) {
        String r = relative.toLowerCase(Locale.ROOT);
        return entries().stream().filter(e -> e.toLowerCase(Locale.ROOT).equals(r)).findFirst();
    }

    /** Opens a folder or zip. */
    public static SafeContainer open(Path path) throws IOException {
        if (Files.isDirectory(path)) return new Folder(path);
        if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return new SafeZip(path);
        }
        throw new Ai4cException("Input " + path + " is neither a .SAFE folder nor a zipped SAFE product (.zip).");
    }

    /** An unzipped SAFE folder. */
    static final class Folder extends SafeContainer {
        private final Path root;
        private final List<String> entries;

        Folder(Path root) throws IOException {
            this.root = root.toAbsolutePath().normalize();
            try (Stream<Path> s = Files.walk(this.root)) {
                entries = s.filter(Files::isRegularFile)
                        .map(p -> this.root.relativize(p).toString().replace('\\', '/')).sorted().toList();
            }
        }

        @Override
        public String name() {
            return root.getFileName().toString();
        }

        @Override
        public Path location() {
            return root;
        }

        @Override
        public List<String> entries() {
            return entries;
        }

        @Override
        public InputStream open(String relative) throws IOException {
            return Files.newInputStream(root.resolve(relative));
        }

        @Override
        public long size(String relative) throws IOException {
            return Files.size(root.resolve(relative));
        }

        @Override
        public Path localFile(String relative) {
            return root.resolve(relative);
        }

        @Override
        public void close() {
            // nothing held open
        }
    }
}
