package eu.ai4c.vector.osm;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Streams an OpenStreetMap PBF file ({@code .osm.pbf}; the "fileformat" and "osmformat"
 * protocol-buffer messages of the OSM wiki's PBF format page) to an {@link OsmHandler}.
 *
 * <p>The file is a sequence of blobs, each preceded by a 4-byte big-endian length and a
 * {@code BlobHeader} (type {@code OSMHeader} or {@code OSMData}, data size). Blobs are raw or
 * zlib-compressed (the forms every writer produces; LZMA and Zstandard blobs are refused with a
 * message). Blobs are inflated in parallel, a bounded number ahead of the decoder, and decoded
 * in file order on the calling thread, so memory is a few blocks whatever the file size.</p>
 *
 * <h2>Thread-safety</h2>
 * Stateless; {@link #read} may be called from several threads on different files.
 */
public final class PbfReader {
    /** The largest BlobHeader and Blob sizes the format allows (64 KiB and 32 MiB). */
    private static final int MAX_HEADER = 64 * 1024;
    private static final int MAX_BLOB = 32 * 1024 * 1024;
    private static final java.util.Set<String> SUPPORTED_FEATURES = java.util.Set.of(
            "OsmSchema-V0.6", "DenseNodes");

    private final int threads;

    /** @param threads inflater threads (at least 1) */
    public PbfReader(int threads) {
        this.threads = Math.max(1, threads);
    }

    /**
     * Reads {@code file}, delivering every object to {@code handler}.
     *
     * @throws OsmFormatException naming the file when it is truncated, corrupt or uses an
     *                            unsupported feature
     */
    public void read(Path file, OsmHandler handler) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "pbf-inflate");
            t.setDaemon(true);
            return t;
        });
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ArrayDeque<Future<byte[]>> ahead = new ArrayDeque<>();
            ArrayDeque<Integer> blockNumbers = new ArrayDeque<>();
            PrimitiveBlockDecoder decoder = new PrimitiveBlockDecoder(handler);
            int blockNumber = 0;
            boolean headerSeen = false;
            while (true) {
                RawBlob blob = nextBlob(in, file, blockNumber);
                if (blob == null) break;
                int number = blockNumber++;
                if (blob.type.equals("OSMHeader")) {
                    checkHeader(inflate(blob, file, number), file, number);
                    headerSeen = true;
                    continue;
                }
                if (!blob.type.equals("OSMData")) continue; // unknown blob types are skipped, as the format says
                if (!headerSeen) {
                    throw new OsmFormatException(file + " is not an OSM PBF file: its first blob is not an OSMHeader."
                            + " Give a .osm.pbf file (e.g. from Geofabrik or osmium).");
                }
                ahead.add(pool.submit(() -> inflate(blob, file, number)));
                blockNumbers.add(number);
                if (ahead.size() >= 2 * threads) {
                    decoder.decode(take(ahead.poll()), "block " + blockNumbers.poll() + " of " + file);
                }
            }
            while (!ahead.isEmpty()) {
                decoder.decode(take(ahead.poll()), "block " + blockNumbers.poll() + " of " + file);
            }
            if (!headerSeen) {
                throw new OsmFormatException(file + " holds no OSM data (no OSMHeader blob). Give a .osm.pbf file.");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] take(Future<byte[]> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading OSM data");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException(e.getCause());
        }
    }

    private record RawBlob(String type, byte[] data) {
    }

    /** The next blob, or null at a clean end of file. */
    private static RawBlob nextBlob(InputStream in, Path file, int number) throws IOException {
        int b0 = in.read();
        if (b0 < 0) return null;
        byte[] len = new byte[3];
        readFully(in, len, file, number);
        int headerSize = (b0 << 24) | ((len[0] & 0xFF) << 16) | ((len[1] & 0xFF) << 8) | (len[2] & 0xFF);
        if (headerSize <= 0 || headerSize > MAX_HEADER) {
            throw new OsmFormatException(file + " is not an OSM PBF file or is corrupt: blob " + number
                    + " declares a header of " + headerSize + " bytes (at most " + MAX_HEADER + " allowed)."
                    + " Give a .osm.pbf file, or download it again.");
        }
        byte[] header = new byte[headerSize];
        readFully(in, header, file, number);
        ProtoInput p = new ProtoInput(header, 0, header.length, "the header of blob " + number + " of " + file);
        String type = null;
        long dataSize = -1;
        while (p.hasMore()) {
            int tag = p.readTag();
            switch (tag) {
                case (1 << 3) | ProtoInput.LENGTH_DELIMITED -> type = p.readString();
                case (3 << 3) | ProtoInput.VARINT -> dataSize = p.readVarint();
                default -> p.skip(tag);
            }
        }
        if (type == null || dataSize < 0 || dataSize > MAX_BLOB) {
            throw new OsmFormatException(file + " is corrupt: blob " + number + " has "
                    + (type == null ? "no type" : "a data size of " + dataSize + " bytes") + ". Download it again.");
        }
        // read as the bytes come (not allocated up front): a damaged size must not cost 32 MiB per blob
        byte[] data = in.readNBytes((int) dataSize);
        if (data.length < dataSize) {
            throw new OsmFormatException(file + " is truncated: blob " + number + " ends after " + data.length + " of "
                    + dataSize + " bytes. Download or export the file again.", new EOFException());
        }
        return new RawBlob(type, data);
    }

    private static void readFully(InputStream in, byte[] b, Path file, int number) throws IOException {
        int off = 0;
        while (off < b.length) {
            int n = in.read(b, off, b.length - off);
            if (n < 0) {
                throw new OsmFormatException(file + " is truncated: blob " + number + " ends after " + off + " of "
                        + b.length + " bytes. Download or export the file again.", new EOFException());
            }
            off += n;
        }
    }

    /** The uncompressed content of a blob. */
    private static byte[] inflate(RawBlob blob, Path file, int number) {
        String where = "blob " + number + " of " + file;
        ProtoInput p = new ProtoInput(blob.data, 0, blob.data.length, where);
        byte[] raw = null;
        int zlibOffset = -1;
        int zlibLength = 0;
        long rawSize = -1;
        String unsupported = null;
        while (p.hasMore()) {
            int tag = p.readTag();
            int field = tag >>> 3;
            switch (field) {
                case 1 -> {
                    int n = p.readLength();
                    raw = java.util.Arrays.copyOfRange(blob.data, p.position(), p.position() + n);
                    p.skipBytes(n);
                }
                case 2 -> rawSize = p.readVarint();
                case 3 -> {
                    zlibLength = p.readLength();
                    zlibOffset = p.position();
                    p.skipBytes(zlibLength);
                }
                case 4, 5, 6, 7 -> {
                    unsupported = switch (field) {
                        case 4 -> "LZMA";
                        case 5 -> "bzip2";
                        case 6 -> "LZ4";
                        default -> "Zstandard";
                    };
                    p.skip(tag);
                }
                default -> p.skip(tag);
            }
        }
        if (raw != null) return raw;
        if (zlibOffset >= 0) {
            // zlib expands at most ~1032:1
            if (rawSize < 0 || rawSize > MAX_BLOB || rawSize > 1032L * zlibLength + 64) {
                throw p.corrupt("the uncompressed size " + rawSize + " is missing or too large for "
                        + zlibLength + " compressed bytes");
            }
            byte[] out = new byte[(int) rawSize];
            Inflater inflater = new Inflater();
            try {
                inflater.setInput(blob.data, zlibOffset, zlibLength);
                int n = 0;
                while (n < out.length) {
                    int k = inflater.inflate(out, n, out.length - n);
                    if (k == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) break;
                    n += k;
                }
                if (n != out.length) throw p.corrupt("zlib data gives " + n + " bytes, not " + rawSize);
            } catch (DataFormatException e) {
                throw new OsmFormatException(where + " is corrupt: bad zlib data (" + e.getMessage()
                        + "). Download or export the file again.", e);
            } finally {
                inflater.end();
            }
            return out;
        }
        if (unsupported != null) {
            throw new OsmFormatException(where + " is compressed with " + unsupported + ", which is not supported."
                    + " Convert the file to zlib blobs, e.g. osmium cat in.osm.pbf -o out.osm.pbf.");
        }
        throw p.corrupt("the blob holds no data");
    }

    private static void checkHeader(byte[] data, Path file, int number) {
        ProtoInput p = new ProtoInput(data, 0, data.length, "the OSMHeader of " + file);
        while (p.hasMore()) {
            int tag = p.readTag();
            if (tag == ((4 << 3) | ProtoInput.LENGTH_DELIMITED)) {
                String feature = p.readString();
                if (!SUPPORTED_FEATURES.contains(feature)) {
                    throw new OsmFormatException(file + " requires the PBF feature \"" + feature + "\", which is not "
                            + "supported (" + ("HistoricalInformation".equals(feature)
                            ? "history files hold every version of an object; give a current-data extract"
                            : "convert it with osmium cat") + ").");
                }
            } else {
                p.skip(tag);
            }
        }
    }
}
