package eu.ai4c.snap.op;

import eu.ai4c.snap.FileOperatorAdapter;
import java.io.File;
import org.esa.snap.core.gpf.OperatorSpi;
import org.esa.snap.core.gpf.annotations.OperatorMetadata;
import org.esa.snap.core.gpf.annotations.Parameter;

/**
 * SNAP operator {@code AI4C-Monthlycomposite}: the engine's {@code monthlycomposite} ({@link eu.ai4c.agri.composite.MonthlyCompositeOp}).
 * Fields mirror the engine descriptor, plus the output folder; {@link FileOperatorAdapter} does the work.
 */
@OperatorMetadata(alias = "AI4C-Monthlycomposite",
        category = "Optical/AI4Copernicus/Agriculture",
        label = "Monthly composite (Sentinel-2 time series)",
        version = "1.0", authors = "AI4Copernicus", copyright = "AI4Copernicus",
        description = "Harmonises a pre-processed Sentinel-2 time series into 12 monthly median composites of one agronomic year (September to August).")
public final class Ai4cMonthlycompositeOp extends FileOperatorAdapter {

    @Parameter(notNull = true, label = "Input folder",
            description = "Folder with the REFBOA and LAI folders of GeoTIFF images, the acquisition date in each file name (YYYYMMDD or YYYY-MM-DD).")
    File input_dir;

    @Parameter(defaultValue = "2017", interval = "[2015,2100]", label = "Season start",
            description = "Year at which the agronomic year starts, defined from September (A) to August (B).")
    Integer season_start;

    @Parameter(label = "Tile",
            description = "UTM code associated with the selected tile (i.e. \"33UVP\"); files named for other tiles are ignored. Needed when input_dir holds several tiles.")
    String tile;

    @Parameter(defaultValue = "false", label = "Gap filling",
            description = "Fill months without a cloud-free sample by linear interpolation in time between the nearest valid months of each pixel (no extrapolation).")
    Boolean gap_filling;

    @Parameter(notNull = true, label = "Output folder",
            description = "Folder the files are written into; created if missing.")
    File outputDir;

    public Ai4cMonthlycompositeOp() {
    }

    /** Registers the operator with GPF ({@code META-INF/services}). */
    public static final class Spi extends OperatorSpi {
        public Spi() {
            super(Ai4cMonthlycompositeOp.class);
        }
    }
}
