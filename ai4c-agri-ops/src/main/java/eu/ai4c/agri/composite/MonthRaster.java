package eu.ai4c.agri.composite;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;

import java.io.IOException;
import java.util.List;

/**
 * The composite of one month as a raster for its GeoTIFF writer: each tile comes from the shared
 * {@link CompositeTileExchange}. Meant to be read exactly once per tile and band, in tiles of the
 * writers' grid. Thread-safe.
 */
final class MonthRaster implements Raster {
    private final CompositeTileExchange exchange;
    private final int month;
    private final Raster grid;
    private final List<eu.ai4c.kit.raster.Band> bands;

    MonthRaster(CompositeTileExchange exchange, int month, Raster grid, List<eu.ai4c.kit.raster.Band> bands) {
        this.exchange = exchange;
        this.month = month;
        this.grid = grid;
        this.bands = List.copyOf(bands);
    }

    @Override
    public int width() {
        return grid.width();
    }

    @Override
    public int height() {
        return grid.height();
    }

    @Override
    public List<eu.ai4c.kit.raster.Band> bands() {
        return bands;
    }

    @Override
    public GeoCoding geoCoding() {
        return grid.geoCoding();
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        return exchange.take(month, band, region);
    }
}
