package eu.ai4c.kit.io;

import eu.ai4c.kit.Ai4cException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 that the project's model files (LSTM {@code model.h5}, U-Net safetensors, SRGAN
 * {@code .aqgan}) record of what their network computes with, checked when a model is loaded: the
 * containers keep no checksum of their weights (HDF5 contiguous datasets, safetensors), or one
 * that a rewrite would renew, so without it a damaged weight would be used as it is.
 *
 * <p>What is hashed is a sequence of little-endian 32-bit integers, float arrays (their length,
 * then each value's IEEE-754 bits) and texts (their UTF-8 length, then the bytes), in the order
 * a model format defines. Not thread-safe: one instance per model.</p>
 */
public final class WeightsDigest {
    private static final int CHUNK = 1 << 14;
    private final MessageDigest md;
    private final ByteBuffer buf = ByteBuffer.allocate(4 * CHUNK).order(ByteOrder.LITTLE_ENDIAN);

    public WeightsDigest() {
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    public WeightsDigest putInt(int v) {
        md.update(buf.clear().putInt(v).array(), 0, 4);
        return this;
    }

    /** The array's length, then its values' bits (in bulk: large models hash at memory speed). */
    public WeightsDigest putFloats(float[] values) {
        putInt(values.length);
        for (int from = 0; from < values.length; from += CHUNK) {
            int n = Math.min(CHUNK, values.length - from);
            buf.clear();
            buf.asFloatBuffer().put(values, from, n);
            md.update(buf.array(), 0, 4 * n);
        }
        return this;
    }

    public WeightsDigest putText(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        putInt(bytes.length);
        md.update(bytes);
        return this;
    }

    /** The digest in lower-case hex; the instance is reset. */
    public String hex() {
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Refuses a model whose weights do not give the digest recorded when it was written.
     *
     * @param where    the model file, as messages name it
     * @param expected the recorded digest (hex)
     * @param actual   the digest of what was read
     * @throws Ai4cException naming the model and the fix
     */
    public static void require(String where, String expected, String actual) {
        if (!expected.trim().equalsIgnoreCase(actual)) {
            throw new Ai4cException(where + " is damaged: its weights do not give the SHA-256 recorded when it was"
                    + " written (" + expected.trim() + ", now " + actual + "). Copy the model again or retrain it.");
        }
    }
}
