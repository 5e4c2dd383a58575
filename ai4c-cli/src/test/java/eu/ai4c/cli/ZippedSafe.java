package eu.ai4c.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test inputs: a SAFE folder zipped as ESA distributes it (measurements stored; XML stored or deflated). */
final class ZippedSafe {
    private ZippedSafe() {
    }

    /** Writes {@code safe} into {@code zip} with its folder name as the entries' first element. */
    static Path write(Path safe, Path zip, boolean deflateXml) throws IOException {
        Files.createDirectories(zip.getParent());
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> files = Files.walk(safe)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                byte[] data = Files.readAllBytes(f);
                ZipEntry e = new ZipEntry(safe.getParent().relativize(f).toString().replace('\\', '/'));
                if (!deflateXml || f.getFileName().toString().endsWith(".tiff")) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(data.length);
                    e.setCrc(crc.getValue());
                }
                z.putNextEntry(e);
                z.write(data);
                z.closeEntry();
            }
        }
        return zip;
    }
}
