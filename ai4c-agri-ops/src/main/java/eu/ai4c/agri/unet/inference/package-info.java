/**
 * The U-Net's forward pass in plain Java, for prediction: the same numbers on every CPU by
 * construction, and fast where the JDK's vector API is enabled.
 *
 * <p>Why: PyTorch's oneDNN kernels choose their instructions (and so their rounding) by CPU, which
 * is why AI4C pins them to SSE4.1; at that level a full Sentinel-2 tile took ≈ 1,240 s on two
 * cores. Java arithmetic is exactly specified: a fused multiply-add rounds once
 * ({@link java.lang.Math#fma}), the JIT never reorders or fuses float operations, and a vector lane
 * computes what the scalar code computes. So {@link eu.ai4c.agri.unet.inference.VectorConvKernel}
 * (512-bit registers where the CPU has them, 256-bit elsewhere) and
 * {@link eu.ai4c.agri.unet.inference.ScalarConvKernel} give bit-identical results.</p>
 *
 * <ul>
 *   <li>{@link eu.ai4c.agri.unet.inference.UnetInference}: a model's softmax probabilities for one window.</li>
 *   <li>{@link eu.ai4c.agri.unet.inference.FoldedConv}: a convolution with its batch norm folded in.</li>
 *   <li>{@link eu.ai4c.agri.unet.inference.FeatureMap}: channels as zero-bordered planes.</li>
 *   <li>{@link eu.ai4c.agri.unet.inference.ConvKernel}: the one loop all convolutions run.</li>
 * </ul>
 */
package eu.ai4c.agri.unet.inference;
