package eu.ai4c.kit.io.geotiff.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Positional reads of byte ranges (thread-safe on a shared {@link FileChannel}). */
final class Chunks {
    private Chunks() {
    }

    /**
     * Reads exactly {@code length} bytes at {@code position}.
     *
     * @throws eu.ai4c.kit.Ai4cException when the file ends first (truncated file)
     */
    static ByteBuffer readFully(FileChannel channel, long position, int length, Path file) throws IOException {
        if (position < 0 || length < 0) {
            throw TiffDirectory.truncated(file, "a read of " + length + " bytes at byte " + position + " was asked for");
        }
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            int n = channel.read(buf, position + buf.position());
            if (n < 0) {
                throw TiffDirectory.truncated(file, "needed bytes " + position + " to " + (position + length)
                        + " but the file ends at " + channel.size());
            }
        }
        buf.flip();
        return buf;
    }
}
