package eu.ai4c.snap;

import com.bc.ceres.core.ProgressMonitor;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.op.SourceDescriptor;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.awt.Rectangle;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.esa.snap.core.datamodel.Band;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.datamodel.ProductData;
import org.esa.snap.core.gpf.Operator;
import org.esa.snap.core.gpf.OperatorException;
import org.esa.snap.core.gpf.Tile;
import org.esa.snap.core.gpf.annotations.OperatorMetadata;
import org.esa.snap.core.gpf.annotations.SourceProduct;

/**
 * The whole of a SNAP GPF operator that runs an AI4C engine operator; a subclass only declares
 * the {@code @OperatorMetadata}, one {@code @SourceProduct} field per descriptor source (field
 * name = source name) and one {@code @Parameter} field per descriptor parameter (field name =
 * parameter name), all mirroring the engine descriptor.
 *
 * <p>{@link #initialize()} turns the SNAP sources into engine products ({@link #engineSource}:
 * by default a raster view pulling GPF source tiles), validates the parameters through the
 * descriptor (same messages as the {@code ai4c} command), lets the engine operator build its
 * lazy target, and mirrors it as the SNAP target product. {@link #computeTileStack} copies the
 * engine raster's samples of the requested rectangle into SNAP's tiles, so SNAP and AI4C
 * operators chain in one graph without intermediate files.</p>
 *
 * <p>GPF creates one instance per node and calls {@code computeTileStack} from several
 * threads; the engine raster is thread-safe and nothing here is mutated after initialisation.</p>
 */
public abstract class EngineOperatorAdapter extends Operator {
    private Raster engineRaster;
    private final Map<String, Integer> bandIndex = new HashMap<>();

    protected EngineOperatorAdapter() {
    }

    /**
     * The engine operator an adapter class runs: the one whose {@link AdapterNames#snapAlias}
     * equals the class's {@code @OperatorMetadata} alias (so the alias is declared once).
     *
     * @throws IllegalStateException when the class has no metadata or no engine operator matches
     */
    public static eu.ai4c.kit.op.Operator engineOperator(Class<? extends EngineOperatorAdapter> adapterClass) {
        OperatorMetadata md = adapterClass.getAnnotation(OperatorMetadata.class);
        if (md == null) throw new IllegalStateException(adapterClass.getName() + " has no @OperatorMetadata");
        // The engine looks its operators up through its own class loader: inside SNAP Desktop
        // this module's loader does not see the engine module's META-INF/services files.
        for (eu.ai4c.kit.op.Operator op : OperatorRegistry.load().all()) {
            if (AdapterNames.snapAlias(op.descriptor().alias()).equals(md.alias())) return op;
        }
        throw new IllegalStateException(adapterClass.getName() + ": no engine operator registered for SNAP alias "
                + md.alias() + " (is its ops module on the class path?)");
    }

    /** The engine operator this adapter runs. */
    public final eu.ai4c.kit.op.Operator engineOperator() {
        return engineOperator(getClass());
    }

    private String snapAlias() {
        return getClass().getAnnotation(OperatorMetadata.class).alias();
    }

    @Override
    public void initialize() throws OperatorException {
        eu.ai4c.kit.op.Operator engine = engineOperator();
        OperatorDescriptor descriptor = engine.descriptor();
        String snapAlias = snapAlias();
        try {
            ParameterValues params = descriptor.validate(ParameterFields.read(this, descriptor));
            Map<String, eu.ai4c.kit.raster.Product> sources = new LinkedHashMap<>();
            Product firstSource = null;
            eu.ai4c.kit.raster.Product firstEngineSource = null;
            for (SourceDescriptor s : descriptor.sources()) {
                Product snap = sourceField(s.name());
                if (snap == null) {
                    if (s.optional()) continue;
                    throw new OperatorException(snapAlias + ": source product \"" + s.name() + "\" is missing ("
                            + s.description() + ").");
                }
                eu.ai4c.kit.raster.Product engineSource = engineSource(s.name(), snap);
                if (firstSource == null) {
                    firstSource = snap;
                    firstEngineSource = engineSource;
                }
                sources.put(s.name(), engineSource);
            }
            ProcessingContext context = ProcessingContext.defaults().withWarnings(getLogger()::warning);
            eu.ai4c.kit.raster.Product result = engine.apply(sources, params, context);
            engineRaster = result.raster();
            boolean keep = keepsSourceMetadata();
            setTargetProduct(SnapTargetProduct.build(result, snapAlias, keep ? firstSource : null,
                    keep ? firstEngineSource : null, bandIndex));
        } catch (Ai4cException e) {
            throw new OperatorException(snapAlias + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new OperatorException(snapAlias + ": cannot read a source product: " + e.getMessage(), e);
        }
    }

    /**
     * The engine product for SNAP source {@code name}: by default a view over its bands (see
     * {@link SnapSourceRaster}). Operators that need the engine's own reader for a native format
     * (e.g. the Sentinel-1 SAFE annotations) override this, see {@link #readNative}.
     */
    protected eu.ai4c.kit.raster.Product engineSource(String name, Product source) throws IOException {
        return SnapSourceRaster.product(this, source);
    }

    /** Whether the target copies the first source's metadata (false when the engine reads the file itself). */
    protected boolean keepsSourceMetadata() {
        return true;
    }

    /**
     * The engine's reading of the file the SNAP product was opened from (the engine reads the
     * native format with all its annotations).
     */
    protected final eu.ai4c.kit.raster.Product readNative(String name, Product source) throws IOException {
        if (source.getFileLocation() == null) {
            throw new OperatorException(snapAlias() + ": source \"" + name + "\" ("
                    + source.getName() + ") has no file: this operator reads the original product file itself. "
                    + "Use the product as opened from disk (Read node), not the output of another operator.");
        }
        return eu.ai4c.kit.io.ProductIO.read(source.getFileLocation().toPath());
    }

    /** The SNAP product of the {@code @SourceProduct} field {@code name} (null when an optional source is not set). */
    protected final Product sourceField(String name) {
        try {
            Field f = getClass().getDeclaredField(name);
            if (!f.isAnnotationPresent(SourceProduct.class)) throw new NoSuchFieldException(name);
            f.setAccessible(true);
            return (Product) f.get(this);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new OperatorException(getClass().getName() + " has no @SourceProduct field \"" + name
                    + "\" mirroring the engine descriptor.", e);
        }
    }

    @Override
    public void computeTileStack(Map<Band, Tile> targetTiles, Rectangle targetRectangle, ProgressMonitor pm)
            throws OperatorException {
        for (Map.Entry<Band, Tile> e : targetTiles.entrySet()) {
            checkForCancellation();
            Tile tile = e.getValue();
            Rectangle r = tile.getRectangle();
            Integer index = bandIndex.get(e.getKey().getName());
            if (index == null) continue; // a band added downstream (e.g. by a writer), not ours
            try {
                Block block = engineRaster.read(index, new Region(r.x, r.y, r.width, r.height));
                tile.setRawSamples(ProductData.createInstance(e.getKey().getDataType(), block.array()));
            } catch (Ai4cException ex) {
                throw new OperatorException(snapAlias() + ": " + ex.getMessage(), ex);
            } catch (IOException ex) {
                throw new OperatorException(snapAlias() + ": cannot compute band "
                        + e.getKey().getName() + " at " + r + ": " + ex.getMessage(), ex);
            }
        }
    }
}
