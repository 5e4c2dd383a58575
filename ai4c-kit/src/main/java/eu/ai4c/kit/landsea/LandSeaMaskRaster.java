package eu.ai4c.kit.landsea;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.aoi.AreaOfInterest;
import eu.ai4c.kit.dem.ElevationModel;
import eu.ai4c.kit.dem.Geoid;
import eu.ai4c.kit.dem.GeoidOnlyDem;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DerivedRaster;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A raster with the land or the sea set to no-data (the "Land/Sea mask" step of the S1 GRD and
 * S2 preprocessing chains): samples where {@link LandSeaMask#keepMask} says remove become the
 * band's no-data value. Floating bands without one get NaN (both parts for complex) and declare
 * it; integer bands must have a no-data value.
 *
 * <p>The keep mask is computed once per requested region and shared by all bands: the last
 * {@value #CACHED_REGIONS} regions are kept (least recently used dropped), and concurrent reads of
 * the same region wait for one computation.</p>
 *
 * <h2>Thread-safety</h2>
 * Thread-safe: reads may come from many tile threads; each thread has its own
 * {@link ToleranceBuffer}.
 */
public final class LandSeaMaskRaster extends DerivedRaster {
    private static final int CACHED_REGIONS = 16;

    private final MapGeoCoding grid;
    private final LandSeaMask plan;
    private final ThreadLocal<ToleranceBuffer> scratch = ThreadLocal.withInitial(ToleranceBuffer::new);
    private final Map<Region, CompletableFuture<byte[]>> recent =
            new LinkedHashMap<>(CACHED_REGIONS * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Region, CompletableFuture<byte[]>> eldest) {
                    return size() > CACHED_REGIONS;
                }
            };

    /**
     * @param source the image; its geocoding must be a {@link MapGeoCoding}
     * @param plan   the mask to apply
     * @throws Ai4cException when the image has no map grid, or an integer band has no no-data value
     */
    public LandSeaMaskRaster(Raster source, LandSeaMask plan) {
        super(source, maskedBands(source));
        this.plan = Objects.requireNonNull(plan, "plan");
        this.grid = requireGrid(source);
    }

    /** The source bands, floating ones without no-data declaring NaN; checks the grid first. */
    private static List<Band> maskedBands(Raster source) {
        requireGrid(Objects.requireNonNull(source, "source"));
        List<Band> out = new ArrayList<>();
        for (Band b : source.bands()) {
            if (!b.hasNoData()) {
                if (!b.type().isFloating()) {
                    throw new Ai4cException("Band " + b.name() + " (" + b.type() + ") has no no-data value, so the "
                            + "land/sea mask cannot mark removed pixels: give the band a no-data value or convert "
                            + "it to float32 first.");
                }
                b = b.withNoData(Double.NaN);
            }
            out.add(b);
        }
        return out;
    }

    /**
     * The masked image as chosen by the user's options; the source itself for {@link LandSeaMask.Mode#NONE}.
     * Land polygons take precedence over the DEM.
     *
     * @param source          the image, on a map grid
     * @param mode            which class to remove
     * @param toleranceMetres growth of the kept class, metres, ≥ 0
     * @param landVector      a vector file of land polygons, or null
     * @param dem             the elevation model, or null
     * @param demIsGeoidOnly  true when {@code dem} is only the geoid (no DEM was given); a
     *                        {@link GeoidOnlyDem} counts as such too
     * @param geoid           the geoid (needed with a DEM)
     * @throws Ai4cException (usage) when a mode needs a DEM or land polygons and neither is given
     */
    public static Raster of(Raster source, LandSeaMask.Mode mode, double toleranceMetres, Path landVector,
                            ElevationModel dem, boolean demIsGeoidOnly, Geoid geoid) {
        if (mode == LandSeaMask.Mode.NONE) {
            new LandSeaMask(mode, toleranceMetres, null); // validates the tolerance
            return source;
        }
        String name = mode == LandSeaMask.Mode.SEA ? "Sea" : "Land";
        LandClassifier classifier;
        if (landVector != null) {
            AreaOfInterest land = AreaOfInterest.parse(landVector.toString());
            classifier = VectorLandClassifier.clippedTo(land, requireGrid(source), source.width(), source.height());
        } else if (dem != null && !demIsGeoidOnly && !(dem instanceof GeoidOnlyDem)) {
            classifier = new DemLandClassifier(dem, Objects.requireNonNull(geoid, "geoid"));
        } else {
            throw Ai4cException.usage("--landseamask " + name + " needs a DEM (--dem) or land polygons "
                    + "(--landmask-vector) to tell land from sea: give one of them, or use --landseamask None.");
        }
        return new LandSeaMaskRaster(source, new LandSeaMask(mode, toleranceMetres, classifier));
    }

    private static MapGeoCoding requireGrid(Raster source) {
        if (source.geoCoding() instanceof MapGeoCoding map) return map;
        throw new Ai4cException("The land/sea mask needs a map-projected image, but this one has "
                + (source.geoCoding() == null ? "no geocoding" : "a " + source.geoCoding().getClass().getSimpleName())
                + ": apply terrain correction or reprojection before the land/sea mask.");
    }

    /** The mask applied. */
    public LandSeaMask plan() {
        return plan;
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        if (!bounds().contains(region)) {
            throw new IllegalArgumentException(region + " is outside the " + width() + "x" + height() + " image");
        }
        Block b = source.read(band, region);
        if (plan.mode() == LandSeaMask.Mode.NONE || region.isEmpty()) return b;
        b.fillWhereZero(keepMask(region), bands().get(band).noData());
        return b;
    }

    /** The keep mask of a region, computed once and shared while it stays among the recent regions. */
    byte[] keepMask(Region region) {
        CompletableFuture<byte[]> future;
        boolean mine = false;
        synchronized (recent) {
            future = recent.get(region);
            if (future == null) {
                future = new CompletableFuture<>();
                recent.put(region, future);
                mine = true;
            }
        }
        if (mine) {
            try {
                future.complete(plan.keepMask(grid, bounds(), region, scratch.get()));
            } catch (RuntimeException | Error e) {
                synchronized (recent) {
                    recent.remove(region, future);
                }
                future.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw e;
        }
    }
}
