package eu.ai4c.kit.raster;

import eu.ai4c.kit.geo.GeoCoding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Bands chosen from rasters of one grid, seen as one raster: band i of the stack is band
 * {@code bandOf[i]} of {@code parts[i]}, under the name given. Lets one writer or one tile pass
 * take bands computed by different chains (e.g. a coherence next to speckle-filtered intensities).
 * The geocoding and tile size are the first part's. Thread-safe as its parts are.
 */
public final class BandStack implements Raster {
    private final Raster[] parts;
    private final int[] bandOf;
    private final List<Band> bands;

    private BandStack(Raster[] parts, int[] bandOf, List<Band> bands) {
        this.parts = parts;
        this.bandOf = bandOf;
        this.bands = List.copyOf(bands);
    }

    /** A builder of a stack whose bands are added one by one. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public int width() {
        return parts[0].width();
    }

    @Override
    public int height() {
        return parts[0].height();
    }

    @Override
    public List<Band> bands() {
        return bands;
    }

    @Override
    public GeoCoding geoCoding() {
        return parts[0].geoCoding();
    }

    @Override
    public int[] preferredTileSize() {
        return parts[0].preferredTileSize();
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        return parts[band].read(bandOf[band], region);
    }

    /** Collects the bands of a {@link BandStack}. Not thread-safe. */
    public static final class Builder {
        private final List<Raster> parts = new ArrayList<>();
        private final List<Integer> bandOf = new ArrayList<>();
        private final List<Band> bands = new ArrayList<>();

        private Builder() {
        }

        /** Adds band {@code band} of {@code source} as the next band, described by {@code as}. */
        public Builder add(Raster source, int band, Band as) {
            if (!parts.isEmpty() && (source.width() != parts.get(0).width() || source.height() != parts.get(0).height())) {
                throw new IllegalArgumentException("Band stack: " + as.name() + " is " + source.width() + " x "
                        + source.height() + ", the stack " + parts.get(0).width() + " x " + parts.get(0).height());
            }
            parts.add(source);
            bandOf.add(band);
            bands.add(as);
            return this;
        }

        /** Adds band {@code band} of {@code source} renamed {@code name}. */
        public Builder add(Raster source, int band, String name) {
            return add(source, band, source.bands().get(band).withName(name));
        }

        public BandStack build() {
            if (parts.isEmpty()) throw new IllegalArgumentException("Band stack: no band");
            return new BandStack(parts.toArray(Raster[]::new), bandOf.stream().mapToInt(Integer::intValue).toArray(), bands);
        }
    }
}
