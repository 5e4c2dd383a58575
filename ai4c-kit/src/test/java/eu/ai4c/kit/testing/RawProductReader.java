package eu.ai4c.kit.testing;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.io.ProductReader;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Reads the test format of {@link RawFormat} with positional (thread-safe) channel reads. */
public final class RawProductReader implements ProductReader {

    @Override
    public String formatName() {
        return RawFormat.NAME;
    }

    @Override
    public Fit probe(Path path) {
        if (!path.getFileName().toString().endsWith(RawFormat.EXTENSION) || !Files.isRegularFile(path)) return Fit.NONE;
        try (InputStream in = Files.newInputStream(path)) {
            RawFormat.readHeader(in);
            return Fit.SPECIFIC;
        } catch (IOException e) {
            return Fit.NONE;
        }
    }

    @Override
    public Product read(Path path) throws IOException {
        RawFormat.Header h;
        try (InputStream in = Files.newInputStream(path)) {
            h = RawFormat.readHeader(in);
        } catch (IOException e) {
            throw new Ai4cException("Input " + path + " is not a valid " + RawFormat.NAME + " file: " + e.getMessage(), e);
        }
        String name = path.getFileName().toString().replace(RawFormat.EXTENSION, "");
        return new Product(name, new RawRaster(path, h), null, path);
    }

    private static final class RawRaster implements Raster {
        private final Path path;
        private final RawFormat.Header h;

        RawRaster(Path path, RawFormat.Header h) {
            this.path = path;
            this.h = h;
        }

        @Override public int width() { return h.width(); }
        @Override public int height() { return h.height(); }
        @Override public List<Band> bands() { return h.bands(); }
        @Override public GeoCoding geoCoding() { return null; }
        @Override public int[] preferredTileSize() { return new int[] {64, 64}; }

        @Override
        public Block read(int band, Region region) throws IOException {
            Band b = h.bands().get(band);
            Block out = Block.allocate(b.type(), region);
            int bps = b.type().bytesPerSample();
            ByteBuffer row = ByteBuffer.allocate(region.width() * bps);
            long base = h.bandOffset(band);
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                for (int y = 0; y < region.height(); y++) {
                    row.clear();
                    long pos = base + ((long) (region.y() + y) * h.width() + region.x()) * bps;
                    while (row.hasRemaining()) {
                        if (ch.read(row, pos + row.position()) < 0) throw new IOException(path + " is truncated");
                    }
                    row.flip();
                    RawFormat.get(row, out, y * region.width(), region.width());
                }
            }
            return out;
        }
    }
}
