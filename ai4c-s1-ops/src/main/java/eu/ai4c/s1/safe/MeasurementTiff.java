package eu.ai4c.s1.safe;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.geotiff.GeoTiffReader;
import eu.ai4c.kit.io.geotiff.read.GeoTiffOpener;
import eu.ai4c.kit.io.geotiff.read.TiffRaster;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Region;
import java.io.Closeable;
import java.io.IOException;

/**
 * A Sentinel-1 measurement TIFF: one band of unsigned 16-bit amplitude DN (GRD) or complex
 * 16-bit integers (SLC, {@code SampleFormat} 5), read with windowed reads by the kit's TIFF
 * reader — also from a STORED zip entry, as a TIFF inside the archive
 * ({@link GeoTiffOpener#openMember}). Its GeoTIFF tags (the GRD GCPs) are not used here: the
 * geometry comes from the annotation.
 *
 * <p>Pixels come as {@link DataType#UINT16} (GRD) or {@link DataType#CFLOAT32} (SLC, I and Q interleaved).</p>
 *
 * <h2>Thread-safety</h2>
 * Thread-safe: the reader's windowed reads may run on many threads at once.
 */
public final class MeasurementTiff implements Closeable {
    private final String name;
    private final TiffRaster raster;

    private MeasurementTiff(String name, TiffRaster raster) {
        this.name = name;
        this.raster = raster;
    }

    /**
     * Opens the TIFF lying in {@code range} ({@code name} is used in messages).
     *
     * @throws Ai4cException when the file is empty, truncated, not a TIFF, or not one band of
     *                       16-bit unsigned or complex samples
     */
    public static MeasurementTiff open(SafeArchive.ByteRange range, String name) throws IOException {
        if (range.length() < 8) {
            throw new Ai4cException("Measurement " + name + " is empty (" + range.length()
                    + " bytes): the product has no image data; download the full product.");
        }
        TiffRaster raster;
        try {
            raster = (TiffRaster) GeoTiffOpener.openMember(range.file(), range.offset(), range.length(),
                    GeoTiffReader.DEFAULT_CACHE_BYTES, ignoredGeoreferencing -> { }).raster();
        } catch (Ai4cException e) {
            throw new Ai4cException("Measurement " + name + ": " + e.getMessage(), e);
        }
        DataType type = raster.bands().get(0).type();
        if (raster.bands().size() != 1 || (type != DataType.UINT16 && type != DataType.CFLOAT32)) {
            raster.close();
            throw new Ai4cException("Measurement " + name + " has " + raster.bands().size() + " band(s) of "
                    + type + "; Sentinel-1 measurements hold one band of 16-bit unsigned (GRD) or complex (SLC) "
                    + "samples. Use the product's original measurement files.");
        }
        return new MeasurementTiff(name, raster);
    }

    public int width() {
        return raster.width();
    }

    public int height() {
        return raster.height();
    }

    /** {@link DataType#UINT16} for GRD, {@link DataType#CFLOAT32} for SLC. */
    public DataType dataType() {
        return raster.bands().get(0).type();
    }

    /** Reads a window (which must lie inside the image). */
    public Block read(Region region) throws IOException {
        if (region.x() < 0 || region.y() < 0 || region.maxX() > width() || region.maxY() > height()) {
            throw new IllegalArgumentException(region + " is outside " + name + " (" + width() + " x " + height() + ")");
        }
        return raster.read(0, region);
    }

    @Override
    public void close() throws IOException {
        raster.close();
    }
}
