package eu.ai4c.s1.safe;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The measurement of one swath of a Sentinel-1 product as a {@link Raster}: one band per
 * polarisation, {@code Amplitude_VV} (uint16 DN, no-data 0) for GRD or {@code Complex_IW1_VV}
 * (complex float32 from the complex int16 samples) for SLC. Samples are read from the
 * measurement TIFFs on demand. The geocoding is a {@link SarGeoCoding} (zero-Doppler times, ranges,
 * orbit, geolocation grid) from the annotation.
 *
 * <h2>Thread-safety</h2>
 * Thread-safe (see {@link MeasurementTiff}).
 */
public final class S1Raster implements Raster {
    private final S1Product product;
    private final List<S1Image> images;
    private final List<Band> bands;
    private final int width;
    private final int height;
    private final SarGeoCoding geometry;

    /** The raster of {@code swath}, whose images must all have the same size. */
    public S1Raster(S1Product product, String swath) {
        this.product = product;
        this.images = product.images(swath);
        if (images.isEmpty()) throw new IllegalArgumentException("No image for swath " + swath);
        Annotation first = images.get(0).annotation();
        this.width = first.width();
        this.height = first.height();
        boolean complex = product.productType().equals("SLC");
        List<Band> b = new ArrayList<>();
        for (S1Image i : images) {
            if (i.annotation().width() != width || i.annotation().height() != height) {
                throw new Ai4cException("Sentinel-1 product " + product.name() + ": " + i + " is " + i.annotation().width()
                        + " x " + i.annotation().height() + " but " + images.get(0) + " is " + width + " x " + height
                        + "; the product is inconsistent.");
            }
            b.add(complex
                    ? new Band("Complex_" + i.swath() + "_" + i.polarisation(), DataType.CFLOAT32, 0, true, "DN",
                    "complex digital number (I, Q), " + i.swath() + " " + i.polarisation())
                    : new Band("Amplitude_" + i.polarisation(), DataType.UINT16, 0, true, "DN",
                    "detected amplitude digital number, " + i.polarisation()));
        }
        this.bands = List.copyOf(b);
        this.geometry = new SarGeoCoding(first);
    }

    /** The image behind band {@code band}. */
    public S1Image image(int band) {
        return images.get(band);
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

    /** The SAR geometry of the first band's image (all bands of a swath share it). */
    @Override
    public GeoCoding geoCoding() {
        return geometry;
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        Block b = product.measurement(images.get(band)).read(region);
        if (b.type() != bands.get(band).type()) {
            throw new Ai4cException("Measurement " + images.get(band).measurementHref() + " holds " + b.type()
                    + " samples but a " + product.productType() + " product needs " + bands.get(band).type() + ".");
        }
        return b;
    }

    @Override
    public int[] preferredTileSize() {
        return new int[] {Math.min(width, 1024), Math.min(height, 512)};
    }
}
