package eu.ai4c.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.agri.timesen2crop.synthetic.SyntheticTimeSen2Crop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agriculture services that write folders, through the command line: only their own files
 * land in {@code --output_dir} (no raster product is written beside them), and bad input stops
 * with a one-line message and an empty output folder.
 */
class AgricultureCommandTest {
    @TempDir
    Path dir;

    @Test
    void exportThenTrainWriteExactlyTheirFiles() throws IOException {
        Path data = dir.resolve("data");
        SyntheticTimeSen2Crop.write(data, 6, 2, "33UVP");
        Path npy = dir.resolve("npy");
        Cli export = Cli.run("timesen2crop-export", "--input_dir", data.toString(), "--output_dir", npy.toString(),
                "--val_fraction", "0.5", "-q");
        assertEquals(0, export.exit(), export.toString());
        // each service run leaves its STAC item beside its first file
        assertEquals(List.of("train.json", "train.npy", "val", "y_train.npy"), names(npy));
        assertEquals(List.of("train.npy", "y_train.npy"), names(npy.resolve("val")));
        assertTrue(export.out().strip().endsWith("train.npy"), export.toString());

        Path model = dir.resolve("model");
        Cli train = Cli.run("train_lstm", "--input_dir", npy.toString(), "--val", npy.resolve("val").toString(),
                "--output_dir", model.toString(), "--n_epochs", "2", "--batch_size", "8", "-q");
        assertEquals(0, train.exit(), train.toString());
        assertEquals(List.of("model.h5", "model.json", "training_curves.png", "training_log.csv"), names(model));
    }

    @Test
    void badBatchSizeIsAUsageErrorAndWritesNothing() throws IOException {
        Path model = dir.resolve("model");
        Cli train = Cli.run("train_lstm", "--input_dir", dir.toString(), "--output_dir", model.toString(),
                "--batch_size", "24");
        assertEquals(2, train.exit(), train.toString());
        assertTrue(train.err().contains("--batch_size"), train.toString());
        assertFalse(Files.exists(model) && !names(model).isEmpty(), "nothing written");
    }

    @Test
    void fileServicesHaveNoFormatChoiceAndNameTheirFilesInHelp() {
        Cli c = Cli.run("monthlycomposite", "--input_dir", dir.toString(), "--output_dir", dir.resolve("mc").toString(),
                "--output_format", "COG");
        assertEquals(2, c.exit(), c.toString());
        assertTrue(c.err().contains("--output_format"), c.toString());
        Cli help = Cli.run("monthlycomposite", "--help");
        assertTrue(help.out().contains("T<tile>_MC_<YYYY-MM>.tif"), help.toString());
        assertFalse(help.out().contains("--output_format"), help.toString());
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
