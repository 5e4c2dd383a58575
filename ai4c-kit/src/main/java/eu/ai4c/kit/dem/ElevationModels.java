package eu.ai4c.kit.dem;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.progress.WarningListener;
import eu.ai4c.kit.raster.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Opens the {@link ElevationModel} a user asked for with a {@code --dem} option: nothing (the
 * geoid surface, with a warning), a folder of tiles ({@link DemTiles}), a single SRTM {@code .hgt}
 * tile, or a single raster file (GeoTIFF) read by the raster opener the caller passes in, which
 * keeps this package free of format readers. Stateless.
 */
public final class ElevationModels {

    /** Opens a raster file (e.g. a GeoTIFF DEM) as a {@link Raster} with a map geocoding. */
    @FunctionalInterface
    public interface RasterOpener {
        Raster open(Path file) throws IOException;
    }

    private ElevationModels() {
    }

    /**
     * @param dem      the DEM path given by the user, or null for none
     * @param geoid    the EGM96 geoid
     * @param opener   opens single raster DEM files; null when no raster reader is available
     * @param formats  tile formats recognised in DEM folders (e.g. {@link HgtFormat}, GeoTIFF tiles)
     * @param warnings receives the warning when no DEM is given
     * @throws Ai4cException (usage) when the path does not exist or its kind cannot be read
     */
    public static ElevationModel open(Path dem, Geoid geoid, RasterOpener opener, List<DemTileFormat> formats,
                                      WarningListener warnings) {
        Objects.requireNonNull(geoid, "geoid");
        if (dem == null) {
            warnings.warning("No DEM given: terrain heights are taken as 0 m above mean sea level (EGM96 geoid); "
                    + "pass --dem for terrain-corrected positions in relief.");
            return new GeoidOnlyDem(geoid);
        }
        if (Files.isDirectory(dem)) {
            return DemTiles.open(dem, geoid, formats, DemTiles.DEFAULT_CACHE_BYTES);
        }
        if (!Files.isRegularFile(dem)) {
            throw Ai4cException.usage("DEM " + dem + " does not exist: give a DEM GeoTIFF, a folder of DEM tiles, "
                    + "or leave out --dem to use the geoid only.");
        }
        for (DemTileFormat format : formats) {
            // a single GeoTIFF DEM may be a large mosaic: read it lazily through the opener instead
            if (opener != null && format instanceof GeoTiffTileFormat) continue;
            try {
                if (format.footprint(dem).isPresent()) {
                    return new SingleTile(dem, format.read(dem), geoid);
                }
            } catch (IOException e) {
                throw new Ai4cException("Cannot read DEM tile " + dem + ": " + e.getMessage(), e);
            }
        }
        if (opener == null) {
            throw Ai4cException.usage("DEM " + dem + " is not a DEM tile this build can read (SRTM .hgt): give a folder "
                    + "of .hgt tiles.");
        }
        try {
            return new RasterDem(opener.open(dem), geoid, dem.getFileName().toString());
        } catch (IOException e) {
            throw new Ai4cException("Cannot read DEM " + dem + ": " + e.getMessage()
                    + ". Check that it is a GeoTIFF in WGS 84 longitude/latitude.", e);
        }
    }

    /** One tile given directly as the DEM. */
    private static final class SingleTile implements ElevationModel {
        private final Path file;
        private final DemTile tile;
        private final Geoid geoid;
        private final java.util.concurrent.atomic.LongAdder fallbacks = new java.util.concurrent.atomic.LongAdder();

        SingleTile(Path file, DemTile tile, Geoid geoid) {
            this.file = file;
            this.tile = tile;
            this.geoid = geoid;
        }

        @Override
        public void heights(double[] lon, double[] lat, double[] out, int count) {
            geoid.undulations(lat, lon, out, count);
            int missing = 0;
            for (int i = 0; i < count; i++) {
                double h = tile.height(lat[i], lon[i]);
                if (Double.isNaN(h)) missing++; else out[i] += h;
            }
            if (missing > 0) fallbacks.add(missing);
        }

        @Override
        public long fallbackCount() {
            return fallbacks.sum();
        }

        @Override
        public String describe() {
            return "DEM tile " + file.getFileName() + " + EGM96 geoid";
        }
    }
}
