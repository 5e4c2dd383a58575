package eu.ai4c.agri.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * NDArrays from Java numbers whose memory PyTorch owns. DJL 0.36 builds a tensor on the memory of
 * a direct buffer that stays reachable only as long as the tensor's Java object; once that object
 * is closed and collected, any PyTorch tensor still sharing the memory (autograd's saved operand)
 * reads freed memory. That is what happens to the scalar DJL makes for {@code x.mul(0.5f)}: DJL
 * closes it right after the operation, but {@code mul} and {@code div} saved it for the backward
 * pass, which would then read garbage. So training code multiplies by {@link #scalar} tensors, and
 * arrays go through {@link #of}, which keeps the staging buffer reachable until PyTorch has copied
 * it into memory of its own. Stateless.
 */
public final class Tensors {
    private Tensors() {
    }

    /** A float32 scalar (shape ()) owned by PyTorch, for arithmetic that autograd records. */
    public static NDArray scalar(NDManager manager, float value) {
        return of(manager, new float[] {value}, new Shape());
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
