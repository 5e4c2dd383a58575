package eu.ai4c.kit.io.envi;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.sis.referencing.CRS;

/**
 * A band-sequential ENVI raw image ({@code .hdr} + data file) read lazily: each {@link #read}
 * reads only the rows of the region. The CRS comes from "coordinate system string" (WKT), or
 * from a UTM / geographic "map info" when there is none. No-data from "data ignore value".
 *
 * <h2>Thread-safety</h2>
 * Thread-safe (positional channel reads). Close when done.
 */
public final class EnviRaster implements Raster, Closeable {
    private final EnviHeader header;
    private final FileChannel channel;
    private final List<Band> bands;
    private final GeoCoding geoCoding;

    private EnviRaster(EnviHeader header, FileChannel channel, List<Band> bands, GeoCoding geoCoding) {
        this.header = header;
        this.channel = channel;
        this.bands = bands;
        this.geoCoding = geoCoding;
    }

    /**
     * Opens {@code hdr}; the data file is the same name with {@code .img}, {@code .bin},
     * {@code .dat} or no extension.
     *
     * @throws Ai4cException when the header is invalid or the data file is missing or too short
     */
    public static EnviRaster open(Path hdr) throws IOException {
        EnviHeader h = EnviHeader.parse(Files.readString(hdr, StandardCharsets.ISO_8859_1), hdr.toString());
        String base = hdr.getFileName().toString().replaceFirst("\\.hdr$", "");
        Path data = null;
        for (String ext : new String[] {".img", ".bin", ".dat", ""}) {
            Path p = hdr.resolveSibling(base + ext);
            if (Files.isRegularFile(p)) {
                data = p;
                break;
            }
        }
        if (data == null) {
            throw new Ai4cException("No data file (" + base + ".img) beside ENVI header " + hdr + ".");
        }
        long need = (long) h.samples() * h.lines() * h.bands() * h.type().bytesPerSample();
        if (Files.size(data) < need) {
            throw new Ai4cException("ENVI data file " + data + " has " + Files.size(data) + " bytes, the header needs "
                    + need + ": the file is truncated.");
        }
        List<Band> bands = new ArrayList<>();
        for (int b = 0; b < h.bands(); b++) {
            String name = b < h.bandNames().size() ? h.bandNames().get(b) : "band_" + (b + 1);
            bands.add(h.noData() != null ? Band.of(name, h.type(), h.noData()) : Band.of(name, h.type()));
        }
        return new EnviRaster(h, FileChannel.open(data, StandardOpenOption.READ), List.copyOf(bands), geoCoding(h));
    }

    private static GeoCoding geoCoding(EnviHeader h) {
        if (h.geoTransform() == null) return null;
        try {
            if (h.crsWkt() != null) {
                return new MapGeoCoding(Projections.eastingFirst(CRS.fromWKT(h.crsWkt())), h.geoTransform());
            }
        } catch (Exception e) {
            // fall back to the map info name below
        }
        if ("UTM".equalsIgnoreCase(h.mapInfoName()) && h.utmZone() != 0) {
            double lon = -183 + 6 * Math.abs(h.utmZone());
            return new MapGeoCoding(Projections.utm(lon, h.utmZone() > 0 ? 1 : -1), h.geoTransform());
        }
        if (h.mapInfoName() != null && h.mapInfoName().toLowerCase().startsWith("geographic")) {
            return new MapGeoCoding(Projections.wgs84(), h.geoTransform());
        }
        return null;
    }

    /** The parsed header. */
    public EnviHeader header() {
        return header;
    }

    @Override
    public int width() {
        return header.samples();
    }

    @Override
    public int height() {
        return header.lines();
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
        int bps = header.type().bytesPerSample();
        int w = region.width();
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(region.area() * bps))
                .order(header.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        long bandOffset = (long) band * header.samples() * header.lines();
        for (int row = 0; row < region.height(); row++) {
            buf.limit((row + 1) * w * bps).position(row * w * bps);
            long pos = (bandOffset + (long) (region.y() + row) * header.samples() + region.x()) * bps;
            while (buf.hasRemaining()) {
                int n = channel.read(buf, pos);
                if (n < 0) throw new IOException("Unexpected end of ENVI data at byte " + pos);
                pos += n;
            }
        }
        buf.clear();
        Block b = Block.allocate(header.type(), region);
        int n = Math.toIntExact(region.area());
        switch (header.type()) {
            case BYTE -> buf.get(b.bytes(), 0, n);
            case INT16, UINT16 -> buf.asShortBuffer().get(b.shorts(), 0, n);
            case INT32 -> buf.asIntBuffer().get(b.ints(), 0, n);
            case FLOAT32 -> buf.asFloatBuffer().get(b.floats(), 0, n);
            case FLOAT64 -> buf.asDoubleBuffer().get(b.doubles(), 0, n);
            case CFLOAT32 -> buf.asFloatBuffer().get(b.floats(), 0, 2 * n);
        }
        return b;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
