package eu.ai4c.s2.jp2;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.tile.CachedRaster;
import eu.ai4c.kit.tile.TileCache;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A JPEG 2000 image decoded in pure Java by {@code jai-imageio-jpeg2000}, reading windows with
 * {@link ImageReadParam#setSourceRegion}.
 *
 * <h2>Memory behaviour</h2>
 * Windows are decoded in cache tiles aligned to the codestream's own tiles (at most 2048², else
 * 1024²), kept in one least-recently-used {@link TileCache} of {@value #CACHE_MIB} MiB shared by all
 * images opened this way; so heap use stays bounded whatever the band size, and neighbouring reads
 * (resampling halos) do not decode twice while their tiles stay cached.
 *
 * <h2>Thread-safety</h2>
 * Thread-safe: every tile decode uses its own ImageIO reader and stream (readers are not
 * thread-safe), so tiles of one image decode in parallel; cached tiles are shared read-only.
 */
public final class JavaJp2Raster implements Raster {
    /** Size of the shared decoded-tile cache. */
    public static final int CACHE_MIB = 256;
    private static final TileCache SHARED_CACHE = new TileCache((long) CACHE_MIB << 20);

    private final Jp2Header header;
    private final CachedRaster cached;
    private final Decoding decoding;

    JavaJp2Raster(Path file, Jp2Header header, List<String> bandNames, GeoCoding geoCoding) {
        this.header = header;
        DataType type = header.bytesPerSample() == 1 ? DataType.BYTE : DataType.UINT16;
        List<Band> bands = new ArrayList<>();
        for (String n : bandNames) bands.add(Band.of(n, type));
        this.decoding = new Decoding(file, header, List.copyOf(bands), geoCoding);
        int tw = header.tileWidth() > 0 && header.tileWidth() <= 2048 ? header.tileWidth() : 1024;
        int th = header.tileHeight() > 0 && header.tileHeight() <= 2048 ? header.tileHeight() : 1024;
        this.cached = new CachedRaster(decoding, Math.min(tw, header.width()), Math.min(th, header.height()), SHARED_CACHE);
    }

    @Override
    public int width() {
        return header.width();
    }

    @Override
    public int height() {
        return header.height();
    }

    @Override
    public List<Band> bands() {
        return decoding.bands;
    }

    @Override
    public GeoCoding geoCoding() {
        return decoding.geoCoding;
    }

    @Override
    public int[] preferredTileSize() {
        return cached.preferredTileSize();
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        Block b = cached.read(band, region);
        // the cache may hand out its own block: give the caller a copy it may change
        Block copy = Block.allocate(b.type(), region);
        copy.copyFrom(b);
        return copy;
    }

    /** The uncached decoder: a fresh ImageIO reader per window. */
    private static final class Decoding implements Raster {
        private final Path file;
        private final Jp2Header header;
        private final List<Band> bands;
        private final GeoCoding geoCoding;

        Decoding(Path file, Jp2Header header, List<Band> bands, GeoCoding geoCoding) {
            this.file = file;
            this.header = header;
            this.bands = bands;
            this.geoCoding = geoCoding;
        }

        @Override
        public int width() {
            return header.width();
        }

        @Override
        public int height() {
            return header.height();
        }

        @Override
        public List<Band> bands() {
            return bands;
        }

        @Override
        public GeoCoding geoCoding() {
            return geoCoding;
        }

        @Override
        public Block read(int band, Region region) throws IOException {
            java.awt.image.Raster r;
            try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                ImageReader reader = reader();
                try {
                    reader.setInput(in, true, true);
                    ImageReadParam p = reader.getDefaultReadParam();
                    p.setSourceRegion(new Rectangle(region.x(), region.y(), region.width(), region.height()));
                    r = reader.read(0, p).getRaster();
                } finally {
                    reader.dispose();
                }
            } catch (IOException | RuntimeException e) {
                throw new Ai4cException("Cannot decode " + file + " with the Java JPEG 2000 decoder (" + e.getMessage()
                        + "); the file is damaged, or install opj_decompress (libopenjp2-tools).", e);
            }
            int w = region.width(), h = region.height();
            int[] samples = r.getSamples(r.getMinX(), r.getMinY(), w, h, band, (int[]) null);
            Block out = Block.allocate(bands.get(band).type(), region);
            if (out.type() == DataType.BYTE) {
                byte[] d = out.bytes();
                for (int i = 0; i < samples.length; i++) d[i] = (byte) samples[i];
            } else {
                short[] d = out.shorts();
                for (int i = 0; i < samples.length; i++) d[i] = (short) samples[i];
            }
            return out;
        }

        private static ImageReader reader() {
            Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg2000");
            if (!it.hasNext()) {
                throw new Ai4cException("No Java JPEG 2000 decoder on the class path (jai-imageio-jpeg2000); "
                        + "the installation is incomplete.");
            }
            return it.next();
        }
    }
}
