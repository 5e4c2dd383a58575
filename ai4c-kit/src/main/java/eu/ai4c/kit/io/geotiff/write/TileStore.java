package eu.ai4c.kit.io.geotiff.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Appends encoded tiles to a file as they are computed and records where each went. The append
 * position is taken under one lock; the bytes are then written with a positional write, so
 * several workers write at once without interleaving. Offsets and byte counts are kept per
 * overview level and TIFF tile index, for the directories written at the end.
 *
 * <h2>Thread-safety</h2>
 * {@link #append} is thread-safe. Read the offsets only after all appends have completed
 * (e.g. after {@code TileEngine.run} returned).
 */
public final class TileStore {
    private final FileChannel channel;
    private final long[][] offsets;
    private final long[][] byteCounts;
    private long end;

    /**
     * @param channel    the file, open for writing
     * @param start      offset of the first tile
     * @param tileCounts number of tiles of each level
     */
    public TileStore(FileChannel channel, long start, int[] tileCounts) {
        this.channel = channel;
        this.end = start;
        this.offsets = new long[tileCounts.length][];
        this.byteCounts = new long[tileCounts.length][];
        for (int i = 0; i < tileCounts.length; i++) {
            offsets[i] = new long[tileCounts[i]];
            byteCounts[i] = new long[tileCounts[i]];
        }
    }

    /** Appends {@code length} bytes of {@code data} as tile {@code index} of {@code level}. */
    public void append(int level, int index, byte[] data, int length) throws IOException {
        long position;
        synchronized (this) {
            position = end;
            end += length;
        }
        ByteBuffer buf = ByteBuffer.wrap(data, 0, length);
        long p = position;
        while (buf.hasRemaining()) {
            p += channel.write(buf, p);
        }
        offsets[level][index] = position;
        byteCounts[level][index] = length;
    }

    /** Offset just after the last tile appended. */
    public synchronized long end() {
        return end;
    }

    /** File offsets of the tiles of a level, by TIFF tile index. */
    public long[] offsets(int level) {
        return offsets[level];
    }

    /** Byte counts of the tiles of a level, by TIFF tile index. */
    public long[] byteCounts(int level) {
        return byteCounts[level];
    }
}
