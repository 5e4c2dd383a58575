package eu.ai4c.kit.io.geotiff.write;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.geotiff.GeoTiffWriteOptions;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.io.geotiff.read.TiffRaster;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DerivedRaster;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a product as a tiled GeoTIFF, atomically (temporary file beside the target, renamed on
 * success, deleted on failure or cancellation).
 *
 * <p>Plain GeoTIFF streams: header, tiles appended in the order they are computed, then the
 * directory at the end, and the header patched to point at it. A COG first streams every level
 * into a hidden scratch file beside the target (full resolution, then each overview made from
 * an uncompressed, block-organised scratch copy filled while the level above is encoded), then lays out the output: header, GDAL's
 * structural-metadata "ghost" area, all directories, then the tiles from the smallest overview
 * to full resolution in TIFF index order, each with a 4-byte size leader and a 4-byte trailer
 * (repeat of its last 4 bytes). Scratch files are always deleted.</p>
 *
 * Stateless; thread-safe (each call independent).
 */
public final class TiffFileWriter {
    private static final Logger LOG = LoggerFactory.getLogger(TiffFileWriter.class);
    private static final String GHOST_BODY = "LAYOUT=IFDS_BEFORE_DATA\nBLOCK_ORDER=ROW_MAJOR\n"
            + "BLOCK_LEADER=SIZE_AS_UINT4\nBLOCK_TRAILER=LAST_4_BYTES_REPEATED\nKNOWN_INCOMPATIBLE_EDITION=NO\n ";

    private TiffFileWriter() {
    }

    /** Writes {@code product} to {@code target}; returns {@code target}. */
    public static Path write(Product product, Path target, GeoTiffWriteOptions options, ProcessingContext context)
            throws IOException {
        Raster raster = product.raster();
        TiffPlan plan = TiffPlan.of(raster, options, target.toString(), context.warnings());
        List<TiffField> extra = new ArrayList<>(ImageDirectories.georeferencing(raster.geoCoding()));
        if (raster.geoCoding() == null) {
            context.warnings().warning(target + ": the product has no map geocoding; the GeoTIFF is not georeferenced.");
        } else if (extra.isEmpty()) {
            context.warnings().warning(target + ": only map grids can be written as GeoTIFF georeferencing; "
                    + "reproject the product (terrain correction) for a georeferenced file.");
        }
        extra.add(GdalTags.metadata(product.name(), product.metadata(), plan.bands()));
        long start = System.nanoTime();
        LOG.info("Writing {} ({}x{}, {} bands of {}, {}{}, tiles {}, {} level(s))", target, plan.width(),
                plan.height(), plan.bands().size(), plan.fileType(), options.compression(),
                plan.bigTiff() ? ", BigTIFF" : "", plan.tileSize(), plan.levels().size());
        try (AtomicOutput out = AtomicOutput.create()) {
            Path tmp = out.temporaryFor(target);
            if (plan.cog()) {
                writeCog(plan, raster, extra, tmp, target, context);
            } else {
                writePlain(plan, raster, extra, tmp, target, context);
            }
            out.commit();
        }
        LOG.info("Wrote {} ({} bytes) in {} ms", target, Files.size(target), (System.nanoTime() - start) / 1_000_000);
        return target;
    }

    private static void writePlain(TiffPlan plan, Raster raster, List<TiffField> extra, Path tmp, Path target,
                                   ProcessingContext context) throws IOException {
        try (FileChannel ch = open(tmp, target)) {
            TileStore store = new TileStore(ch, plan.bigTiff() ? 16 : 8, new int[] {plan.tileCount(0)});
            LevelEncoder.run(plan, 0, raster, store, null, context);
            finishPlain(plan, extra, store, ch, target);
        }
    }

    /** Writes the directory after the tiles of a plain GeoTIFF and points the header at it. */
    private static void finishPlain(TiffPlan plan, List<TiffField> extra, TileStore store, FileChannel ch, Path target)
            throws IOException {
        long ifdAt = (store.end() + 7) & ~7L;
        TiffDirectory dir = ImageDirectories.level(plan, 0, extra, store.offsets(0), store.byteCounts(0));
        checkSize(plan, ifdAt + dir.byteSize(), target);
        writeFully(ch, dir.toBytes(ifdAt, 0), ifdAt);
        writeFully(ch, header(plan.bigTiff(), ifdAt), 0);
    }

    /** One file of {@link #writeTogether}: the product whose name, bands and geocoding it takes, and where it goes. */
    public record Part(Product product, Path target) {
        /** A part whose pixels come only from the joint pass: {@code grid}'s size and georeferencing, {@code bands}. */
        public static Part of(String name, Raster grid, List<Band> bands, Path target) {
            return new Part(Product.of(name, new Layout(grid, bands)), target);
        }
    }

    /** The size, georeferencing and bands of a file written by {@link #writeTogether}; never read. */
    private static final class Layout extends DerivedRaster {
        Layout(Raster grid, List<Band> bands) {
            super(grid, bands);
        }

        @Override
        public Block read(int band, Region region) {
            throw new UnsupportedOperationException("computed by the joint pass of TiffFileWriter.writeTogether");
        }
    }

    /** The pixels of every part over one tile: {@code blocks[part][band]}, each covering {@code region}. */
    @FunctionalInterface
    public interface TileFunction {
        Block[][] compute(Region region) throws IOException;
    }

    /**
     * Writes several plain GeoTIFFs of one size in a single pass over the tiles: {@code tiles}
     * computes each tile of all of them at once (so what they share is computed once), and each
     * band is encoded into its own file; a block given to several files (the same object) is
     * encoded once. The parts' rasters give the files' bands, names and
     * georeferencing and are not read. All files appear, or none.
     *
     * @throws IllegalArgumentException for COG options or parts of different sizes
     */
    public static List<Path> writeTogether(String stage, List<Part> parts, GeoTiffWriteOptions options,
                                           TileFunction tiles, ProcessingContext context) throws IOException {
        if (options.cog()) throw new IllegalArgumentException("writeTogether writes plain GeoTIFFs, not COGs");
        int n = parts.size();
        TiffPlan[] plans = new TiffPlan[n];
        List<List<TiffField>> extras = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Part part = parts.get(i);
            Raster raster = part.product().raster();
            plans[i] = TiffPlan.of(raster, options, part.target().toString(), context.warnings());
            if (plans[i].width() != plans[0].width() || plans[i].height() != plans[0].height()) {
                throw new IllegalArgumentException("writeTogether: " + part.target() + " is " + plans[i].width() + "x"
                        + plans[i].height() + ", not " + plans[0].width() + "x" + plans[0].height());
            }
            List<TiffField> extra = new ArrayList<>(ImageDirectories.georeferencing(raster.geoCoding()));
            extra.add(GdalTags.metadata(part.product().name(), part.product().metadata(), plans[i].bands()));
            extras.add(extra);
        }
        long start = System.nanoTime();
        LOG.info("Writing {} GeoTIFFs together ({}x{}): {}", n, plans[0].width(), plans[0].height(),
                parts.stream().map(p -> p.target().getFileName().toString()).toList());
        try (AtomicOutput out = AtomicOutput.create()) {
            FileChannel[] channels = new FileChannel[n];
            try {
                TileStore[] stores = new TileStore[n];
                for (int i = 0; i < n; i++) {
                    channels[i] = open(out.temporaryFor(parts.get(i).target()), parts.get(i).target());
                    stores[i] = new TileStore(channels[i], plans[i].bigTiff() ? 16 : 8, new int[] {plans[i].tileCount(0)});
                }
                ThreadLocal<TileEncoder[]> encoders = ThreadLocal.withInitial(() -> {
                    TileEncoder[] e = new TileEncoder[n];
                    for (int i = 0; i < n; i++) e[i] = new TileEncoder(plans[i]);
                    return e;
                });
                TileGrid grid = plans[0].grid(0);
                TileEngine.run(stage, parts.get(0).product().raster(), new int[0], grid, context, (col, row, none) -> {
                    Region region = grid.tile(col, row);
                    Block[][] blocks = tiles.compute(region);
                    TileEncoder[] e = encoders.get();
                    // a block given to several files (the same object) is encoded once when they store it alike
                    java.util.IdentityHashMap<Block, Object[]> encoded = new java.util.IdentityHashMap<>();
                    for (int i = 0; i < n; i++) {
                        if (blocks[i].length != plans[i].bands().size()) {
                            throw new IllegalStateException("writeTogether: " + blocks[i].length + " blocks for the "
                                    + plans[i].bands().size() + " bands of " + parts.get(i).target());
                        }
                        for (int b = 0; b < blocks[i].length; b++) {
                            Block block = blocks[i][b];
                            if (!block.region().equals(region)) {
                                throw new IllegalStateException("writeTogether: block of " + block.region() + " for tile " + region);
                            }
                            Object[] earlier = encoded.get(block);
                            if (earlier != null && storedAlike((TiffPlan) earlier[0], plans[i])) {
                                byte[] bytes = (byte[]) earlier[1];
                                stores[i].append(0, plans[i].tileIndex(0, b, col, row), bytes, bytes.length);
                                continue;
                            }
                            Block source = block;
                            if (block.type() != plans[i].fileType()) block = LevelEncoder.convert(block, plans[i].fileType());
                            byte[] bytes = e[i].encode(block);
                            stores[i].append(0, plans[i].tileIndex(0, b, col, row), bytes, e[i].length());
                            encoded.put(source, new Object[] {plans[i], java.util.Arrays.copyOf(bytes, e[i].length())});
                        }
                    }
                });
                for (int i = 0; i < n; i++) finishPlain(plans[i], extras.get(i), stores[i], channels[i], parts.get(i).target());
            } finally {
                for (FileChannel ch : channels) if (ch != null) ch.close();
            }
            out.commit();
        }
        List<Path> written = new ArrayList<>();
        for (Part p : parts) written.add(p.target());
        LOG.info("Wrote {} GeoTIFFs in {} ms", n, (System.nanoTime() - start) / 1_000_000);
        return written;
    }

    /** Whether two plans encode a tile into the same bytes. */
    private static boolean storedAlike(TiffPlan a, TiffPlan b) {
        return a.fileType() == b.fileType() && a.compression() == b.compression() && a.predictor() == b.predictor()
                && a.deflateLevel() == b.deflateLevel() && a.tileSize() == b.tileSize();
    }

    /**
     * Writes bands of a tiled GeoTIFF written by this writer into a new GeoTIFF by copying their
     * stored tiles, without decoding and encoding them, when {@code options} would store them the
     * same way (compression, predictor, tile size, sample type, byte order); otherwise decodes and
     * encodes them. {@code product} gives the new file's name, bands (in {@code sourceBands} order)
     * and georeferencing; its raster must read those bands of {@code source} for the fallback.
     */
    public static Path copyBands(TiffRaster source, int[] sourceBands, Product product, Path target,
                                 GeoTiffWriteOptions options, ProcessingContext context) throws IOException {
        Raster raster = product.raster();
        TiffPlan plan = TiffPlan.of(raster, options, target.toString(), context.warnings());
        if (!storedAlike(source, sourceBands, plan) || options.cog()) return write(product, target, options, context);
        List<TiffField> extra = new ArrayList<>(ImageDirectories.georeferencing(raster.geoCoding()));
        extra.add(GdalTags.metadata(product.name(), product.metadata(), plan.bands()));
        long start = System.nanoTime();
        TileGrid grid = plan.grid(0);
        try (AtomicOutput out = AtomicOutput.create()) {
            try (FileChannel ch = open(out.temporaryFor(target), target)) {
                TileStore store = new TileStore(ch, plan.bigTiff() ? 16 : 8, new int[] {plan.tileCount(0)});
                context.progress().begin("Copying tiles", (long) sourceBands.length * grid.tileCount());
                for (int b = 0; b < sourceBands.length; b++) {
                    for (int row = 0; row < grid.tilesDown(); row++) {
                        for (int col = 0; col < grid.tilesAcross(); col++) {
                            context.progress().checkCancelled();
                            byte[] stored = source.storedChunk(sourceBands[b], col, row);
                            if (stored == null) {
                                throw new eu.ai4c.kit.Ai4cException("Cannot copy a sparse tile of " + source.file()
                                        + "; rewrite it without SPARSE_OK.");
                            }
                            store.append(0, plan.tileIndex(0, b, col, row), stored, stored.length);
                            context.progress().worked(1);
                        }
                    }
                }
                context.progress().end();
                finishPlain(plan, extra, store, ch, target);
            }
            out.commit();
        }
        LOG.info("Wrote {} ({} bytes) in {} ms, tiles copied from {}", target, Files.size(target),
                (System.nanoTime() - start) / 1_000_000, source.file().getFileName());
        return target;
    }

    /** Whether the stored tiles of {@code bands} of {@code source} are what {@code plan} would write. */
    private static boolean storedAlike(TiffRaster source, int[] bands, TiffPlan plan) {
        if (source.width() != plan.width() || source.height() != plan.height()) return false;
        for (int b : bands) {
            TiffRaster.StoredBand s = source.storedBand(b);
            if (s == null || !s.tiled() || s.chunkWidth() != plan.tileSize() || s.chunkHeight() != plan.tileSize()
                    || s.compression() != plan.compression() || s.predictor() != plan.predictor()
                    || s.order() != java.nio.ByteOrder.LITTLE_ENDIAN || s.type().dataType() != plan.fileType()
                    || s.type().dataType().isComplex()
                    || s.type().wordBytes() != plan.fileType().bytesPerSample()) {
                return false;
            }
        }
        return true;
    }

    private static void writeCog(TiffPlan plan, Raster raster, List<TiffField> extra, Path tmp, Path target,
                                 ProcessingContext context) throws IOException {
        int levels = plan.levels().size();
        int[] counts = new int[levels];
        for (int l = 0; l < levels; l++) counts[l] = plan.tileCount(l);
        Path dir = tmp.getParent();
        String base = "." + target.getFileName();
        Path scratch = Files.createTempFile(dir, base + ".", ".tiles");
        List<RawLevelFile> raws = new ArrayList<>();
        try (FileChannel tiles = FileChannel.open(scratch, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            TileStore store = new TileStore(tiles, 0, counts);
            Raster current = raster;
            for (int level = 0; level < levels; level++) {
                RawLevelFile next = null;
                if (level + 1 < levels) {
                    int[] size = plan.levels().get(level + 1);
                    next = new RawLevelFile(Files.createTempFile(dir, base + ".", ".ovr" + (level + 1)),
                            size[0], size[1], plan.tileSize() / 2, plan.bands(), plan.fileType());
                    raws.add(next);
                }
                LevelEncoder.run(plan, level, current, store, next, context);
                if (current instanceof RawLevelFile done) {
                    done.close();
                    raws.remove(done);
                }
                current = next;
            }
            try (FileChannel ch = open(tmp, target)) {
                assemble(plan, extra, store, tiles, ch, target);
            }
        } finally {
            for (RawLevelFile r : raws) {
                try {
                    r.close();
                } catch (IOException e) {
                    LOG.warn("Cannot delete overview scratch file: {}", e.getMessage());
                }
            }
            Files.deleteIfExists(scratch);
        }
    }

    /** Lays out a COG from the tiles in the scratch store. */
    private static void assemble(TiffPlan plan, List<TiffField> extra, TileStore store, FileChannel tiles,
                                 FileChannel out, Path target) throws IOException {
        int levels = plan.levels().size();
        byte[] ghostHeader = String.format("GDAL_STRUCTURAL_METADATA_SIZE=%06d bytes\n", GHOST_BODY.length())
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int header = plan.bigTiff() ? 16 : 8;
        long firstIfd = header + ghostHeader.length + GHOST_BODY.length();
        firstIfd += firstIfd & 1;
        // Directory sizes do not depend on the offset values: size them with the scratch offsets.
        long[] ifdAt = new long[levels];
        long pos = firstIfd;
        for (int l = 0; l < levels; l++) {
            ifdAt[l] = pos;
            pos += ImageDirectories.level(plan, l, extra, store.offsets(l), store.byteCounts(l)).byteSize();
        }
        long[][] finalOffsets = new long[levels][];
        for (int l = levels - 1; l >= 0; l--) {
            long[] counts = store.byteCounts(l);
            finalOffsets[l] = new long[counts.length];
            for (int i = 0; i < counts.length; i++) {
                finalOffsets[l][i] = pos + 4; // after the size leader
                pos += 4 + counts[i] + 4;
            }
        }
        checkSize(plan, pos, target);
        ByteBuffer head = ByteBuffer.allocate((int) firstIfd).order(ByteOrder.LITTLE_ENDIAN);
        head.put(header(plan.bigTiff(), firstIfd)).put(ghostHeader)
                .put(GHOST_BODY.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        head.position(0);
        writeFully(out, head, 0);
        for (int l = 0; l < levels; l++) {
            TiffDirectory d = ImageDirectories.level(plan, l, extra, finalOffsets[l], store.byteCounts(l));
            writeFully(out, d.toBytes(ifdAt[l], l + 1 < levels ? ifdAt[l + 1] : 0), ifdAt[l]);
        }
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (int l = levels - 1; l >= 0; l--) {
            long[] from = store.offsets(l), counts = store.byteCounts(l);
            for (int i = 0; i < counts.length; i++) {
                int n = Math.toIntExact(counts[i]);
                if (buf.capacity() < n + 8) buf = ByteBuffer.allocate(n + 8).order(ByteOrder.LITTLE_ENDIAN);
                buf.clear();
                buf.putInt(n);
                buf.limit(4 + n);
                long p = from[i];
                while (buf.hasRemaining()) {
                    int r = tiles.read(buf, p);
                    if (r < 0) throw new IOException("Scratch tile file ended early");
                    p += r;
                }
                buf.limit(n + 8);
                for (int k = 0; k < 4; k++) buf.put(n >= 4 ? buf.get(4 + n - 4 + k) : 0);
                buf.flip();
                writeFully(out, buf, finalOffsets[l][i] - 4);
            }
        }
    }

    private static FileChannel open(Path tmp, Path target) {
        try {
            return FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new Ai4cException("Cannot create " + target + " (" + e.getMessage()
                    + "): choose a writable output folder.", e);
        }
    }

    private static void checkSize(TiffPlan plan, long fileSize, Path target) {
        if (!plan.bigTiff() && fileSize > 0xFFFF_FFFFL) {
            throw new Ai4cException("Cannot write " + target + ": the encoded data (" + fileSize
                    + " bytes) exceeds the 4 GB of classic TIFF; force BigTIFF in the GeoTIFF options.");
        }
    }

    private static ByteBuffer header(boolean bigTiff, long firstIfd) {
        ByteBuffer b = ByteBuffer.allocate(bigTiff ? 16 : 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I');
        if (bigTiff) {
            b.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(firstIfd);
        } else {
            b.putShort((short) 42).putInt((int) firstIfd);
        }
        return b.flip();
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long p = position;
        while (buf.hasRemaining()) p += ch.write(buf, p);
    }
}
