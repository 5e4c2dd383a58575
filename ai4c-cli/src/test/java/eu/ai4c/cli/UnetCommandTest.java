package eu.ai4c.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.agri.unet.PatchSetFiles;
import eu.ai4c.agri.unet.UnetDescriptor;
import eu.ai4c.agri.unet.synthetic.SyntheticLandscape;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ai4c unet} with table 7's spellings: listed, its help, extract_data end to end, usage errors. */
class UnetCommandTest {

    @Test
    void listedWithTableSevenOptions() {
        assertTrue(Cli.run("list").out().contains("unet"));
        Cli help = Cli.run("unet", "--help");
        assertEquals(0, help.exit(), help.toString());
        for (String option : new String[] {"-action", "-criterion", "-pretrained", "-bands", "-selected-classes",
                "-data_aug", "-b, --batch-size", "-epochs", "-patch_size", "-lr", "-model_format", "-model_file",
                "--input_dir", "--backbone", "--output_dir", "-simplified", "--probabilities"}) {
            assertTrue(help.out().contains(option), option + " in\n" + help.out());
        }
        assertTrue(help.out().contains("onnx"), "-model_format onnx in\n" + help.out());
    }

    @Test
    void extractDataWithSingleDashOptions(@TempDir Path dir) throws Exception {
        Path tiles = dir.resolve("tiles");
        SyntheticLandscape.write(tiles, "a", SyntheticLandscape.draw(128, 96, 1));
        Path out = dir.resolve("patches");
        Cli c = Cli.run("unet", "-action", "extract_data", "--input_dir", tiles.toString(), "-patch_size", "64",
                "-selected-classes", "1,2", "-bands", "B2,B3,B4,B8", "--output_dir", out.toString());
        assertEquals(0, c.exit(), c.toString());
        assertEquals(out.resolve(PatchSetFiles.DESCRIPTION).toString(), c.out().strip());
        assertTrue(Files.isRegularFile(out.resolve("X_train.npy")));

        Cli noModel = Cli.run("unet", "-action", "predict", "--input_dir", tiles.toString(), "--output_dir",
                dir.resolve("maps").toString());
        assertEquals(2, noModel.exit(), noModel.toString());
        assertTrue(noModel.err().contains("-model_file"), noModel.toString());
        assertFalse(Files.exists(dir.resolve("maps")));

        Cli badBatch = Cli.run("unet", "-action", "train", "--input_dir", out.toString(), "--batch-size", "65",
                "--output_dir", dir.resolve("m").toString());
        assertEquals(2, badBatch.exit(), badBatch.toString());
        assertTrue(badBatch.err().contains("[2,64]") || badBatch.err().contains("2, 64"), badBatch.toString());
    }

    /**
     * {@code -action train -pretrained True} without {@code --backbone_weights} and without the
     * backbone of {@code -action pretrain} in {@code --output_dir} says how to get one, writing
     * nothing. (Pre-training then training from the default location runs in
     * {@code ModelCpuIndependenceTest}.)
     */
    @Test
    void pretrainedWithoutBackboneSaysHowToGetOne(@TempDir Path dir) throws Exception {
        Path tiles = dir.resolve("tiles");
        SyntheticLandscape.write(tiles, "a", SyntheticLandscape.draw(128, 96, 1));
        Path run = dir.resolve("run");
        Cli noBackbone = Cli.run("unet", "-action", "train", "--input_dir", tiles.toString(), "-pretrained", "True",
                "-patch_size", "64", "--backbone", "resnet18", "-epochs", "1", "--output_dir", run.toString());
        assertEquals(2, noBackbone.exit(), noBackbone.toString());
        assertTrue(noBackbone.err().contains("-action pretrain") && noBackbone.err().contains("--backbone_weights"),
                noBackbone.toString());
        assertFalse(Files.exists(run.resolve(UnetDescriptor.DEFAULT_MODEL_FILE)));
    }
}
