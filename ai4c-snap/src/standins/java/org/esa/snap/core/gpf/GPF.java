package org.esa.snap.core.gpf;

/** Test stand-in for GPF's entry point: the default instance and its operator registry, loaded on first use. */
public final class GPF {
    private static final GPF DEFAULT = new GPF();
    private final OperatorSpiRegistry registry = new OperatorSpiRegistry();
    private boolean loaded;

    private GPF() {
    }

    public static GPF getDefaultInstance() {
        return DEFAULT;
    }

    public synchronized OperatorSpiRegistry getOperatorSpiRegistry() {
        if (!loaded) {
            registry.loadOperatorSpis();
            loaded = true;
        }
        return registry;
    }
}
