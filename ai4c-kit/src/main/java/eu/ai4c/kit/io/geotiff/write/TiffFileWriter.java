package eu.ai4c.kit.io.geotiff.write;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.geotiff.GeoTiffWriteOptions;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
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
            int header = plan.bigTiff() ? 16 : 8;
            TileStore store = new TileStore(ch, header, new int[] {plan.tileCount(0)});
            LevelEncoder.run(plan, 0, raster, store, null, context);
            long ifdAt = (store.end() + 7) & ~7L;
            TiffDirectory dir = ImageDirectories.level(plan, 0, extra, store.offsets(0), store.byteCounts(0));
            checkSize(plan, ifdAt + dir.byteSize(), target);
            writeFully(ch, dir.toBytes(ifdAt, 0), ifdAt);
            writeFully(ch, header(plan.bigTiff(), ifdAt), 0);
        }
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
