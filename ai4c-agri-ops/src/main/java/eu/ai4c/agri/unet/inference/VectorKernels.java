package eu.ai4c.agri.unet.inference;

/**
 * Creates the {@link VectorConvKernel}; a class of its own so that resolving {@link ConvKernel}
 * never touches a class that needs the vector API, which a JVM without it cannot load.
 */
final class VectorKernels {
    private VectorKernels() {
    }

    static ConvKernel create() {
        return new VectorConvKernel();
    }
}
