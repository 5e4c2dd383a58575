package eu.ai4c.agri.unet;

import eu.ai4c.agri.unet.inference.ConvKernel;
import eu.ai4c.agri.unet.inference.UnetInference;
import java.util.Locale;

/**
 * Which forward pass computes prediction windows ({@link ClassMapRaster}). Both give the same
 * numbers on every CPU; they agree with each other to float rounding (≤ 1e-5 of the logits), not
 * bit for bit, so a pixel whose two best classes tie within that may differ between them.
 */
public enum UnetEngine {
    /**
     * {@link UnetInference}: plain Java, on the JDK's vector API when the JVM was started with
     * {@code --add-modules jdk.incubator.vector} (AI4C's launchers do): ResNet-50 at 256², one
     * thread, ≈ 0.24 s a window against PyTorch's ≈ 0.51 s.
     */
    JAVA,
    /** The PyTorch engine ({@link UnetNetwork}), its oneDNN kernels pinned to SSE4.1 unless the user chose others. */
    PYTORCH;

    /** The system property that chooses an engine ({@code java} or {@code pytorch}). */
    public static final String PROPERTY = "ai4c.unet.engine";

    /**
     * The engine for this JVM: {@link #PROPERTY} when set; otherwise {@link #JAVA} when the vector
     * API is enabled, else {@link #PYTORCH} (the plain-Java pass without vectors is ≈ 10× slower;
     * e.g. inside SNAP, unless {@code -J--add-modules=jdk.incubator.vector} is in its options).
     */
    public static UnetEngine forThisJvm() {
        String chosen = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        return switch (chosen) {
            case "java" -> JAVA;
            case "pytorch" -> PYTORCH;
            case "" -> ConvKernel.vectorApiEnabled() ? JAVA : PYTORCH;
            default -> throw new IllegalArgumentException(PROPERTY + "=" + chosen + ": expected java or pytorch");
        };
    }

    /** For logs: the engine and, for {@link #JAVA}, the kernel. */
    public String describe() {
        return this == JAVA ? "plain Java (" + ConvKernel.best().name() + " kernel)" : "PyTorch (pinned kernels)";
    }
}
