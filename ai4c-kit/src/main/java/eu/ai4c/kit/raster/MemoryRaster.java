package eu.ai4c.kit.raster;

import eu.ai4c.kit.geo.GeoCoding;
import java.util.List;

/**
 * A raster held wholly in memory, one block per band: for small products, tests and demo data.
 * Reads return copies. Thread-safe for reading once built.
 */
public final class MemoryRaster implements Raster {
    private final List<Band> bands;
    private final Block[] data;
    private final GeoCoding geoCoding;
    private final int width;
    private final int height;

    /**
     * @param bands     band descriptions
     * @param data      one block per band, each covering {@code [0,width) × [0,height)}
     * @param geoCoding may be null
     */
    public MemoryRaster(List<Band> bands, Block[] data, GeoCoding geoCoding) {
        if (bands.size() != data.length || data.length == 0) {
            throw new IllegalArgumentException("Need one block per band and at least one band");
        }
        this.bands = List.copyOf(bands);
        this.data = data.clone();
        this.geoCoding = geoCoding;
        this.width = data[0].width();
        this.height = data[0].height();
        for (int i = 0; i < data.length; i++) {
            if (data[i].region().x() != 0 || data[i].region().y() != 0 || data[i].width() != width
                    || data[i].height() != height || data[i].type() != bands.get(i).type()) {
                throw new IllegalArgumentException("Block " + i + " does not match band " + bands.get(i));
            }
        }
    }

    /** A single-band float32 raster over {@code values} (row-major, {@code width × height}). */
    public static MemoryRaster ofFloats(String bandName, int width, int height, float[] values, GeoCoding gc) {
        return new MemoryRaster(List.of(Band.of(bandName, DataType.FLOAT32)),
                new Block[] {new Block(Region.of(width, height), DataType.FLOAT32, values)}, gc);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
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
    public Block read(int band, Region region) {
        Block b = Block.allocate(bands.get(band).type(), region);
        b.copyFrom(data[band]);
        return b;
    }
}
