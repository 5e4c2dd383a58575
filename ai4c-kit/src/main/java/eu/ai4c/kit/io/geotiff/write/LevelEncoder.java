package eu.ai4c.kit.io.geotiff.write;

import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import java.io.IOException;

/**
 * Writes one resolution level: pulls its tiles in parallel with the {@link TileEngine}, and in
 * each worker converts them to the file's sample type, halves them into the next overview level
 * (when there is one), encodes them and appends them to the {@link TileStore}. Only the tiles in
 * flight are in memory. Stateless apart from the per-run encoders.
 */
public final class LevelEncoder {

    private LevelEncoder() {
    }

    /**
     * @param plan   the file layout
     * @param level  0 for full resolution, 1.. for overviews
     * @param source the pixels of this level (its size is {@code plan.levels().get(level)})
     * @param store  where the encoded tiles go
     * @param next   the next overview level to fill, or null
     */
    public static void run(TiffPlan plan, int level, Raster source, TileStore store, RawLevelFile next,
                           ProcessingContext context) throws IOException {
        TileGrid grid = plan.grid(level);
        int bands = plan.bands().size();
        int[] bandIndices = new int[bands];
        for (int b = 0; b < bands; b++) bandIndices[b] = b;
        ThreadLocal<TileEncoder> encoders = ThreadLocal.withInitial(() -> new TileEncoder(plan));
        DataType type = plan.fileType();
        String stage = level == 0 ? "Writing GeoTIFF" : "Writing overview " + level;
        TileEngine.run(stage, source, bandIndices, grid, context, (col, row, blocks) -> {
            TileEncoder encoder = encoders.get();
            for (int b = 0; b < bands; b++) {
                Block block = blocks[b].type() == type ? blocks[b] : convert(blocks[b], type);
                if (next != null) {
                    Region r = block.region();
                    Region half = new Region(r.x() / 2, r.y() / 2, (r.width() + 1) / 2, (r.height() + 1) / 2);
                    next.write(b, half, Downsampler.halve(block, plan.averageOverviews(), plan.hasNoData(),
                            plan.noData()));
                }
                byte[] bytes = encoder.encode(block);
                store.append(level, plan.tileIndex(level, b, col, row), bytes, encoder.length());
            }
        });
    }

    /** General (slow) conversion for bands whose type differs from the file's. */
    static Block convert(Block in, DataType type) {
        Block out = Block.allocate(type, in.region());
        int n = Math.toIntExact(in.region().area());
        for (int i = 0; i < n; i++) out.setDouble(i, in.getDouble(i));
        return out;
    }
}
