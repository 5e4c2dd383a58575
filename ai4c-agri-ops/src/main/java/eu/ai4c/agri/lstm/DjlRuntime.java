package eu.ai4c.agri.lstm;

import ai.djl.engine.Engine;

/**
 * Starts DJL's PyTorch engine the way AI4C needs it: offline (system property
 * {@code ai.djl.offline=true} unless the user set it; the natives come from the
 * {@code pytorch-native-cpu} jar on the class path and are extracted once into
 * {@code ~/.djl.ai} or {@code DJL_CACHE_DIR}), CPU only. Thread-safe.
 */
final class DjlRuntime {
    static final String ENGINE = "PyTorch";

    private DjlRuntime() {
    }

    /** The PyTorch engine, loaded without any download. */
    static synchronized Engine init() {
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        return Engine.getEngine(ENGINE);
    }
}
