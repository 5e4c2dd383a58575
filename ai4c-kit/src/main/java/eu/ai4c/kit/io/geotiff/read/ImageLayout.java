package eu.ai4c.kit.io.geotiff.read;

import static eu.ai4c.kit.io.geotiff.TiffTags.*;

import eu.ai4c.kit.Ai4cException;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * How the pixels of a TIFF image are stored: size, sample encoding, compression, predictor,
 * planar configuration and the grid of chunks (tiles, or strips seen as full-width tiles) with
 * their byte ranges. Chunk {@code i} of plane {@code p} at grid position (cx, cy) has index
 * {@code p × chunksPerPlane + cy × chunksAcross + cx} (TIFF 6.0 sections 15 and 21). Immutable.
 */
final class ImageLayout {
    final Path file;
    /** Position in the file of the TIFF's byte 0; chunk offsets count from it. */
    final long base;
    final int width, height, samplesPerPixel;
    final SampleKind kind;
    final int compression, predictor;
    final boolean planarSeparate, tiled;
    /** Chunk size in pixels; for strips the width is the image width and the height RowsPerStrip. */
    final int chunkWidth, chunkHeight;
    final int chunksAcross, chunksDown;
    final long[] offsets, byteCounts;
    final ByteOrder order;

    ImageLayout(TiffDirectory dir) {
        file = dir.file();
        base = dir.base();
        order = dir.order();
        width = toInt(dir.required(IMAGE_WIDTH, "ImageWidth").longAt(0), "ImageWidth");
        height = toInt(dir.required(IMAGE_LENGTH, "ImageLength").longAt(0), "ImageLength");
        samplesPerPixel = toInt(dir.longValue(SAMPLES_PER_PIXEL, 1), "SamplesPerPixel");
        if (width <= 0 || height <= 0 || samplesPerPixel <= 0) {
            throw fail("its size is " + width + "×" + height + "×" + samplesPerPixel + "; the file is damaged");
        }
        int bits = (int) sameForAll(dir, BITS_PER_SAMPLE, 1, "BitsPerSample");
        int format = (int) sameForAll(dir, SAMPLE_FORMAT, SAMPLE_FORMAT_UINT, "SampleFormat");
        kind = SampleKind.of(format, bits, file);
        compression = (int) dir.longValue(COMPRESSION, COMPRESSION_NONE);
        Compressions.check(compression, file);
        predictor = (int) dir.longValue(PREDICTOR, PREDICTOR_NONE);
        checkPredictor();
        planarSeparate = samplesPerPixel > 1 && dir.longValue(PLANAR_CONFIGURATION, 1) == 2;
        tiled = dir.field(TILE_WIDTH).isPresent();
        if (tiled) {
            chunkWidth = toInt(dir.required(TILE_WIDTH, "TileWidth").longAt(0), "TileWidth");
            chunkHeight = toInt(dir.required(TILE_LENGTH, "TileLength").longAt(0), "TileLength");
            offsets = dir.required(TILE_OFFSETS, "TileOffsets").longs();
            byteCounts = dir.required(TILE_BYTE_COUNTS, "TileByteCounts").longs();
        } else {
            chunkWidth = width;
            long rps = dir.longValue(ROWS_PER_STRIP, Integer.MAX_VALUE);
            chunkHeight = (int) Math.max(1, Math.min(rps, height));
            offsets = dir.required(STRIP_OFFSETS, "StripOffsets").longs();
            byteCounts = dir.required(STRIP_BYTE_COUNTS, "StripByteCounts").longs();
        }
        if (chunkWidth <= 0 || chunkHeight <= 0) throw fail("its tile size is " + chunkWidth + "×" + chunkHeight);
        chunksAcross = (width + chunkWidth - 1) / chunkWidth;
        chunksDown = (height + chunkHeight - 1) / chunkHeight;
        long needed = (long) chunksAcross * chunksDown * (planarSeparate ? samplesPerPixel : 1);
        if (offsets.length < needed || byteCounts.length < needed) {
            throw fail("it lists " + Math.min(offsets.length, byteCounts.length) + " " + chunkName()
                    + " offsets but needs " + needed + "; the file is damaged");
        }
        if ((long) chunkWidth * chunkHeight * samplesInChunk() * kind.sampleBytes() > Integer.MAX_VALUE - 64) {
            throw fail("one " + chunkName() + " holds more than 2 GB; rewrite it tiled with gdal_translate -co TILED=YES");
        }
    }

    private void checkPredictor() {
        if (predictor == PREDICTOR_NONE) return;
        if (predictor == PREDICTOR_HORIZONTAL && !kind.isComplex()) return;
        if (predictor == PREDICTOR_FLOATING_POINT && kind.isFloatingPoint()) return;
        throw fail("it uses Predictor " + predictor + " with " + kind + " samples, which AI4C does not read; "
                + "convert it with gdal_translate -co COMPRESS=DEFLATE -co PREDICTOR=1");
    }

    /** Samples stored per pixel in one chunk: 1 for separate planes. */
    int samplesInChunk() {
        return planarSeparate ? 1 : samplesPerPixel;
    }

    int chunksPerPlane() {
        return chunksAcross * chunksDown;
    }

    int chunkIndex(int plane, int cx, int cy) {
        return plane * chunksPerPlane() + cy * chunksAcross + cx;
    }

    /** Rows actually stored in chunk row {@code cy}: the last strip may be shorter, tiles never are. */
    int storedRows(int cy) {
        return tiled ? chunkHeight : Math.min(chunkHeight, height - cy * chunkHeight);
    }

    /** Decoded size in bytes of a chunk of chunk row {@code cy}. */
    int decodedBytes(int cy) {
        return chunkWidth * storedRows(cy) * samplesInChunk() * kind.sampleBytes();
    }

    String chunkName() {
        return tiled ? "tile" : "strip";
    }

    private static long sameForAll(TiffDirectory dir, int tag, long fallback, String name) {
        return dir.field(tag).map(f -> {
            long v = f.longAt(0);
            for (int i = 1; i < f.count(); i++) {
                if (f.longAt(i) != v) {
                    throw new Ai4cException("Cannot read " + dir.file() + ": its samples differ in " + name
                            + " (" + f.display() + "), which AI4C does not read; split the bands with gdal_translate -b.");
                }
            }
            return v;
        }).orElse(fallback);
    }

    private int toInt(long v, String name) {
        if (v > Integer.MAX_VALUE || v < 0) throw fail(name + " is " + v);
        return (int) v;
    }

    private Ai4cException fail(String what) {
        return new Ai4cException("Cannot read TIFF image " + file + ": " + what + ".");
    }
}
