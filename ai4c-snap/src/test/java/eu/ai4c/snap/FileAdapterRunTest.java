package eu.ai4c.snap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.agri.timesen2crop.synthetic.SyntheticTimeSen2Crop;
import eu.ai4c.snap.op.Ai4cTimesen2cropExportOp;
import eu.ai4c.snap.op.Ai4cTrainLstmOp;
import java.awt.Rectangle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.esa.snap.core.datamodel.Band;
import org.esa.snap.core.datamodel.MetadataElement;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.gpf.MemoryTile;
import org.esa.snap.core.gpf.OperatorException;
import org.esa.snap.core.gpf.Tile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file-writing service runs as a GPF operator the way gpt runs it (initialize, execute, then
 * the target's tiles): nothing is written at initialisation, the files appear at execution, and
 * the summary target names them.
 */
class FileAdapterRunTest {
    @TempDir
    Path dir;

    @Test
    void timeSen2CropExportWritesItsFilesAtExecutionAndSummarisesThem() throws Exception {
        Path data = dir.resolve("TimeSen2Crop");
        SyntheticTimeSen2Crop.write(data, 4, 3, "33UVP");
        Path out = dir.resolve("npy");
        Ai4cTimesen2cropExportOp op = new Ai4cTimesen2cropExportOp();
        AdapterRunTest.configure(op, Map.of("inputDir", data.toFile(), "outputDir", out.toFile()), Map.of());
        op.initialize();
        assertFalse(Files.exists(out), "initialize() must not write: the Graph Builder initialises graphs to check them");
        Product target = op.getTargetProduct();
        assertEquals("AI4C-Timesen2crop-Export", target.getProductType());

        op.execute(com.bc.ceres.core.ProgressMonitor.NULL);
        for (String f : new String[] {"train.npy", "y_train.npy", "val/train.npy", "val/y_train.npy"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f + " not written into " + out);
        }
        MetadataElement summary = target.getMetadataRoot().getElement(FileOperatorAdapter.SUMMARY_ELEMENT);
        assertEquals(out.toString(), summary.getAttributeString(FileOperatorAdapter.OUTPUT_DIR));
        assertEquals(out.resolve("train.npy").toString(), summary.getAttributeString("file_1"));
        assertEquals(out.resolve("val/y_train.npy").toString(), summary.getAttributeString("file_4"));

        Band count = target.getBand(FileOperatorAdapter.SUMMARY_BAND);
        Map<Band, Tile> tiles = new LinkedHashMap<>();
        tiles.put(count, new MemoryTile(count, new Rectangle(1, 1), null));
        op.computeTileStack(tiles, new Rectangle(1, 1), com.bc.ceres.core.ProgressMonitor.NULL);
        assertEquals(4, ((int[]) tiles.get(count).getRawSamples().getElems())[0]);
        // the tile request after execution does not run the export a second time
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(3, s.count(), "train.npy, y_train.npy, val/");
        }
    }

    @Test
    void missingOutputFolderIsNamed() throws Exception {
        Ai4cTrainLstmOp op = new Ai4cTrainLstmOp();
        AdapterRunTest.configure(op, Map.of("inputDir", dir.toFile()), Map.of());
        OperatorException e = assertThrows(OperatorException.class, op::initialize);
        assertTrue(e.getMessage().startsWith("AI4C-Train_lstm: ") && e.getMessage().contains("outputDir"), e.getMessage());
    }

    @Test
    void engineErrorsNameTheOperatorAndTheInput() throws Exception {
        Path missing = dir.resolve("no-such-dataset");
        Ai4cTimesen2cropExportOp op = new Ai4cTimesen2cropExportOp();
        AdapterRunTest.configure(op, Map.of("inputDir", missing.toFile(), "outputDir", dir.resolve("out").toFile()), Map.of());
        op.initialize();
        OperatorException e = assertThrows(OperatorException.class, () -> op.execute(com.bc.ceres.core.ProgressMonitor.NULL));
        assertTrue(e.getMessage().startsWith("AI4C-Timesen2crop-Export: ") && e.getMessage().contains(missing.toString()),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")), "a failed run leaves no output folder behind");
    }

}
