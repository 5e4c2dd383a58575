package eu.ai4c.kit.testing;

import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A trivial test format: magic {@code AI4CRAW1}, width, height, band count, per band (name, type,
 * no-data), then each band's samples row-major, big-endian, band after band. Extension {@code .a4r}.
 */
final class RawFormat {
    static final String MAGIC = "AI4CRAW1";
    static final String EXTENSION = ".a4r";
    static final String NAME = "RAW-TEST";

    private RawFormat() {
    }

    record Header(int width, int height, List<Band> bands, int dataOffset) {
        long bandOffset(int band) {
            long planeBytes = (long) width * height;
            long off = dataOffset;
            for (int b = 0; b < band; b++) off += planeBytes * bands.get(b).type().bytesPerSample();
            return off;
        }
    }

    static byte[] header(int width, int height, List<Band> bands) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeBytes(MAGIC);
        out.writeInt(width);
        out.writeInt(height);
        out.writeInt(bands.size());
        for (Band b : bands) {
            out.writeUTF(b.name());
            out.writeByte(b.type().ordinal());
            out.writeBoolean(b.hasNoData());
            out.writeDouble(b.noData());
        }
        out.flush();
        return bytes.toByteArray();
    }

    static Header readHeader(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] magic = new byte[MAGIC.length()];
        in.readFully(magic);
        if (!new String(magic, java.nio.charset.StandardCharsets.US_ASCII).equals(MAGIC)) {
            throw new IOException("not a " + NAME + " file");
        }
        int w = in.readInt(), h = in.readInt(), n = in.readInt();
        List<Band> bands = new ArrayList<>();
        int size = MAGIC.length() + 12;
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            DataType t = DataType.values()[in.readByte()];
            boolean hasNoData = in.readBoolean();
            double nd = in.readDouble();
            bands.add(hasNoData ? Band.of(name, t, nd) : Band.of(name, t));
            size += 2 + name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1 + 1 + 8;
        }
        return new Header(w, h, bands, size);
    }

    /** Copies {@code count} samples of {@code block} from index {@code start} into {@code buf}. */
    static void put(Block block, int start, int count, ByteBuffer buf) {
        int vps = block.type().valuesPerSample();
        switch (block.type()) {
            case BYTE -> buf.put(block.bytes(), start, count);
            case INT16, UINT16 -> buf.asShortBuffer().put(block.shorts(), start, count);
            case INT32 -> buf.asIntBuffer().put(block.ints(), start, count);
            case FLOAT32, CFLOAT32 -> buf.asFloatBuffer().put(block.floats(), start * vps, count * vps);
            case FLOAT64 -> buf.asDoubleBuffer().put(block.doubles(), start, count);
        }
    }

    /** The inverse of {@link #put}. */
    static void get(ByteBuffer buf, Block block, int start, int count) {
        int vps = block.type().valuesPerSample();
        switch (block.type()) {
            case BYTE -> buf.get(block.bytes(), start, count);
            case INT16, UINT16 -> buf.asShortBuffer().get(block.shorts(), start, count);
            case INT32 -> buf.asIntBuffer().get(block.ints(), start, count);
            case FLOAT32, CFLOAT32 -> buf.asFloatBuffer().get(block.floats(), start * vps, count * vps);
            case FLOAT64 -> buf.asDoubleBuffer().get(block.doubles(), start, count);
        }
    }
}
