package eu.ai4c.snap;

import com.bc.ceres.core.ProgressMonitor;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.FileOperator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import java.awt.Rectangle;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.esa.snap.core.datamodel.Band;
import org.esa.snap.core.datamodel.MetadataElement;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.datamodel.ProductData;
import org.esa.snap.core.gpf.OperatorException;
import org.esa.snap.core.gpf.Tile;
import org.esa.snap.core.gpf.annotations.OperatorMetadata;

/**
 * The whole of a SNAP GPF operator that runs an AI4C engine {@link FileOperator} (LSTM training,
 * the TimeSen2Crop export, monthly composites), whose result is a set of files rather than one
 * raster. It follows SNAP's {@code StatisticsOp}: {@link #initialize()} validates the parameters
 * and defines a small summary target without computing anything (the Graph Builder initialises
 * graphs just to check them); {@link #doExecute}, which GPF calls once before any tile, writes
 * the files into the {@value #OUTPUT_DIR} folder. Source products, when the descriptor declares
 * any (the footprint product of {@code humanfeatures-query}), reach the engine as views over the
 * SNAP products ({@link #engineSource}). The summary target then says what was written:
 * its metadata element {@value #SUMMARY_ELEMENT} names the folder and each file, and its one-pixel
 * band {@value #SUMMARY_BAND} holds the number of files.
 *
 * <p>A subclass declares the {@code @OperatorMetadata}, one {@code @Parameter} field per
 * descriptor parameter and the {@code File} field {@value #OUTPUT_DIR}.</p>
 *
 * <p>The files are written once per instance, under its lock, whichever of {@code doExecute} and
 * the first tile request comes first.</p>
 */
public abstract class FileOperatorAdapter extends EngineOperatorAdapter {
    /** Name of the output-folder parameter every file-operator adapter declares. */
    public static final String OUTPUT_DIR = AdapterNames.OUTPUT_DIR;
    /** Band of the summary target: the number of files written. */
    public static final String SUMMARY_BAND = AdapterNames.SUMMARY_BAND;
    /** Metadata element of the summary target: the output folder and the files written. */
    public static final String SUMMARY_ELEMENT = AdapterNames.SUMMARY_ELEMENT;
    /** Attribute of the summary element: the vector data nodes added to the source product. */
    public static final String VECTOR_DATA = "vector_data_added";

    private FileOperator engine;
    private ParameterValues params;
    private Map<String, eu.ai4c.kit.raster.Product> sources;
    private Product snapSource;
    private Path outputDir;
    private MetadataElement summary;
    private List<Path> written;

    protected FileOperatorAdapter() {
    }

    private String alias() {
        return getClass().getAnnotation(OperatorMetadata.class).alias();
    }

    @Override
    public void initialize() throws OperatorException {
        String alias = alias();
        if (!(engineOperator() instanceof FileOperator files)) {
            throw new OperatorException(getClass().getName() + ": engine operator of " + alias
                    + " writes no files; its adapter must extend EngineOperatorAdapter.");
        }
        engine = files;
        OperatorDescriptor descriptor = files.descriptor();
        try {
            params = descriptor.validate(ParameterFields.read(this, descriptor));
        } catch (Ai4cException e) {
            throw new OperatorException(alias + ": " + e.getMessage(), e);
        }
        sources = new java.util.LinkedHashMap<>();
        for (eu.ai4c.kit.op.SourceDescriptor s : descriptor.sources()) {
            Product snap = sourceField(s.name());
            if (snap == null) {
                if (s.optional()) continue;
                throw new OperatorException(alias + ": source product \"" + s.name() + "\" is missing ("
                        + s.description() + ").");
            }
            if (snapSource == null) snapSource = snap;
            try {
                sources.put(s.name(), engineSource(s.name(), snap));
            } catch (IOException e) {
                throw new OperatorException(alias + ": cannot read source product " + snap.getName() + ": "
                        + e.getMessage(), e);
            }
        }
        outputDir = outputDir(alias);
        Product target = new Product(alias + "_output", alias, 1, 1);
        Band count = target.addBand(SUMMARY_BAND, ProductData.TYPE_INT32);
        count.setDescription("Number of files " + alias + " wrote into " + outputDir);
        summary = new MetadataElement(SUMMARY_ELEMENT);
        summary.setAttributeString("operator", descriptor.alias());
        summary.setAttributeString(OUTPUT_DIR, outputDir.toString());
        target.getMetadataRoot().addElement(summary);
        setTargetProduct(target);
    }

    private Path outputDir(String alias) {
        Field f = ParameterFields.field(getClass(), OUTPUT_DIR);
        Object value;
        try {
            value = f.get(this);
        } catch (IllegalAccessException e) {
            throw new OperatorException("Cannot read parameter " + OUTPUT_DIR + " of " + getClass().getName(), e);
        }
        if (!(value instanceof File dir) || dir.getPath().isBlank()) {
            throw new OperatorException(alias + ": the output folder (parameter " + OUTPUT_DIR + ") is missing. Choose "
                    + "the folder the files are written into, e.g. -P" + OUTPUT_DIR + "=<folder> with gpt.");
        }
        Path path = dir.toPath();
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new OperatorException(alias + ": " + OUTPUT_DIR + " " + path + " is a file, not a folder. Choose a "
                    + "folder (it is created if missing).");
        }
        return path;
    }

    @Override
    public void doExecute(ProgressMonitor pm) throws OperatorException {
        writeFiles();
    }

    /** Writes the files once and records them in the summary target. */
    private synchronized List<Path> writeFiles() {
        if (written != null) return written;
        String alias = alias();
        boolean created = !Files.exists(outputDir);
        try {
            Files.createDirectories(outputDir);
            ProcessingContext context = ProcessingContext.defaults().withWarnings(getLogger()::warning);
            List<Path> files = List.copyOf(engine.write(sources, params, outputDir, context));
            for (int i = 0; i < files.size(); i++) summary.setAttributeString("file_" + (i + 1), files.get(i).toString());
            written = files;
            addVectorData(alias, files);
            return files;
        } catch (Ai4cException e) {
            removeIfEmpty(created);
            throw new OperatorException(alias + ": " + e.getMessage(), e);
        } catch (IOException e) {
            removeIfEmpty(created);
            throw new OperatorException(alias + ": cannot write into " + outputDir + " (" + e.getMessage()
                    + "). Choose a writable output folder with free space.", e);
        }
    }

    /**
     * Shapefiles written for a source product (the human features of its footprint) are added to
     * that product as vector data ({@link VectorDataImport}), so that they overlay it in SNAP Desktop;
     * the summary's {@value #VECTOR_DATA} attribute names the nodes. The files stay written when
     * SNAP cannot import them: a warning then names them for Vector → Import → ESRI Shapefile.
     */
    private void addVectorData(String alias, List<Path> files) {
        List<Path> shapefiles = VectorDataImport.shapefiles(files);
        if (snapSource == null || shapefiles.isEmpty()) return;
        try {
            List<String> nodes = VectorDataImport.addTo(snapSource, shapefiles);
            summary.setAttributeString(VECTOR_DATA, String.join(",", nodes));
            getLogger().info(alias + ": added the vector data " + String.join(", ", nodes) + " to "
                    + snapSource.getName());
        } catch (RuntimeException e) {
            getLogger().warning(alias + ": wrote " + VectorDataImport.describe(shapefiles) + " but SNAP could not add "
                    + "them to " + snapSource.getName() + " as vector data (" + e.getMessage() + "). Add them with "
                    + "Vector > Import > ESRI Shapefile on that product.");
        }
    }

    /** A failed run leaves nothing behind: the output folder goes again if this run made it and it stayed empty. */
    private void removeIfEmpty(boolean created) {
        if (!created) return;
        try {
            Files.deleteIfExists(outputDir);
        } catch (IOException notEmptyOrGone) {
            // something else was written there meanwhile: leave it
        }
    }

    @Override
    public void computeTileStack(Map<Band, Tile> targetTiles, Rectangle targetRectangle, ProgressMonitor pm)
            throws OperatorException {
        int count = writeFiles().size();
        for (Map.Entry<Band, Tile> e : targetTiles.entrySet()) {
            if (!e.getKey().getName().equals(SUMMARY_BAND)) continue;
            e.getValue().setRawSamples(ProductData.createInstance(ProductData.TYPE_INT32, new int[] {count}));
        }
    }
}
