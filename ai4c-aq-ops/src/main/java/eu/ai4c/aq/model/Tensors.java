package eu.ai4c.aq.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * NDArrays from Java arrays whose memory PyTorch owns. DJL 0.36 builds a tensor on the memory of
 * a direct buffer without keeping that buffer reachable, so once the Java garbage collector frees
 * the buffer the tensor reads freed memory (seen here as NaN losses that appeared at a different
 * batch from run to run, with the heap size and the length of the run). Here the staging buffer is
 * kept reachable until PyTorch has copied it into memory of its own. Stateless.
 */
public final class Tensors {
    private Tensors() {
    }

    /** A float32 tensor of {@code shape} holding a copy of the first {@code shape.size()} values of {@code data}. */
    public static NDArray of(NDManager manager, float[] data, Shape shape) {
        int n = (int) shape.size();
        ByteBuffer buf = ByteBuffer.allocateDirect(n * 4).order(ByteOrder.nativeOrder());
        buf.asFloatBuffer().put(data, 0, n);
        NDArray staged = manager.create(buf, shape, DataType.FLOAT32);
        NDArray owned = staged.duplicate();
        staged.close();
        Reference.reachabilityFence(buf);
        return owned;
    }
}
