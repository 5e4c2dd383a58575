package eu.ai4c.kit.testing;

import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.ProductWriter;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Writes the test format of {@link RawFormat}: tiles from the tile engine, positional writes, atomic. */
public final class RawProductWriter implements ProductWriter {

    @Override
    public List<String> formatNames() {
        return List.of(RawFormat.NAME, "RAW");
    }

    @Override
    public String extension() {
        return RawFormat.EXTENSION;
    }

    @Override
    public Path write(Product product, Path target, ProcessingContext context) throws IOException {
        Raster r = product.raster();
        byte[] header = RawFormat.header(r.width(), r.height(), r.bands());
        RawFormat.Header h = new RawFormat.Header(r.width(), r.height(), r.bands(), header.length);
        int[] bands = new int[r.bands().size()];
        for (int i = 0; i < bands.length; i++) bands[i] = i;
        int[] ts = r.preferredTileSize();
        try (AtomicOutput out = AtomicOutput.create()) {
            Path tmp = out.temporaryFor(target);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(header), 0);
                TileEngine.run("Write " + RawFormat.NAME, r, bands, new TileGrid(r.width(), r.height(), ts[0], ts[1]),
                        context, (col, row, blocks) -> {
                            for (int b = 0; b < blocks.length; b++) writeBlock(ch, h, b, blocks[b]);
                        });
            }
            out.commit();
        }
        return target.toAbsolutePath();
    }

    private static void writeBlock(FileChannel ch, RawFormat.Header h, int band, Block block) throws IOException {
        int bps = block.type().bytesPerSample();
        ByteBuffer row = ByteBuffer.allocate(block.width() * bps);
        long base = h.bandOffset(band);
        for (int y = 0; y < block.height(); y++) {
            row.clear();
            RawFormat.put(block, y * block.width(), block.width(), row);
            row.position(0).limit(row.capacity());
            long pos = base + ((long) (block.region().y() + y) * h.width() + block.region().x()) * bps;
            while (row.hasRemaining()) ch.write(row, pos + row.position());
        }
    }
}
