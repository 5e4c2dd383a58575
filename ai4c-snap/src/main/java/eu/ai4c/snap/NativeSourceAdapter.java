package eu.ai4c.snap;

import java.io.IOException;
import org.esa.snap.core.datamodel.Product;

/**
 * Base of adapters whose engine operator reads the satellite product itself (SAFE annotations,
 * calibration tables, per-band grids): each source is the engine's reading of the file the SNAP
 * product was opened from, and the target carries the engine's metadata tree only.
 */
public abstract class NativeSourceAdapter extends EngineOperatorAdapter {

    protected NativeSourceAdapter() {
    }

    @Override
    protected final eu.ai4c.kit.raster.Product engineSource(String name, Product source) throws IOException {
        return readNative(name, source);
    }

    @Override
    protected final boolean keepsSourceMetadata() {
        return false;
    }
}
