package eu.ai4c.aq.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The YAML configuration: table 15's defaults, the shipped example, and errors naming key and line. */
class ConfigYamlTest {

    @Test
    void defaultsAreTable15() {
        AqConfig d = AqConfig.defaults();
        assertArrayEquals(new int[] {8, 8}, d.lrFrame());
        assertArrayEquals(new int[] {64, 64}, d.hrFrame());
        assertEquals("srgan", d.model());
        assertEquals(64, d.generatorFilters());
        assertEquals(32, d.discriminatorFilters());
        assertEquals(1e-5, d.learningRate());
        assertEquals(128, d.batchSize());
        assertEquals("wasserstein", d.adversarialLoss());
        assertEquals(List.of("pm2p5", "u10", "v10", "t2m", "lsm", "sp", "z", "pm10"), d.lrInputs());
        assertEquals(List.of("urban_frac", "orog_scal"), d.hrStaticInputs());
        assertEquals(List.of("pm2p5"), d.hrOutputs());
        assertEquals(10, d.ensembleSize());
        // an empty file is all defaults
        assertEquals(ConfigYaml.write(d), ConfigYaml.write(ConfigYaml.parse("", "empty.yaml")));
    }

    @Test
    void shippedExampleHoldsTheDefaultsAndWriteReadsBack() throws IOException {
        String example;
        try (InputStream in = ConfigYaml.class.getResourceAsStream("config.yaml")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        AqConfig c = ConfigYaml.parse(example, "config.yaml");
        assertEquals(ConfigYaml.write(AqConfig.defaults()), ConfigYaml.write(c));
        for (String key : ConfigYaml.KEYS.keySet()) {
            assertTrue(example.contains("\n" + key + ":"), "the example shows " + key);
        }
        assertEquals(ConfigYaml.write(c), ConfigYaml.write(ConfigYaml.parse(ConfigYaml.write(c), "snapshot")));
    }

    @Test
    void valuesAreRead() {
        AqConfig c = ConfigYaml.parse("""
                input_frame: [4, 6]
                output_frame: 32 x 48
                aoi: {lat_min: 40, lat_max: 50, lon_min: 0, lon_max: 20}
                learning_rate: 1e-4
                batch_size: 64
                data:
                  lr_path: a.nc
                """, "c.yaml");
        assertArrayEquals(new int[] {4, 6}, c.lrFrame());
        assertArrayEquals(new int[] {32, 48}, c.hrFrame());
        assertEquals(40, c.aoi().latMin());
        assertEquals(1e-4, c.learningRate());
        assertEquals(64, c.batchSize());
        assertEquals("a.nc", c.data().lrPath());
        assertEquals(AqConfig.defaults().data().hrPath(), c.data().hrPath());
    }

    @Test
    void badEntriesNameKeyAndLine() {
        check("model: srgan\nbatchsize: 12\n", "line 2", "unknown key \"batchsize\"");
        check("model: srgan\n\nbatch_size: big\n", "line 3", "\"batch_size\" must be an integer");
        check("learning_rate: 2\n", "line 1", "\"learning_rate\" must be a number > 0 and < 1");
        check("aoi: {lat_min: 10, lat_max: 20, lon_min: 0, west: 3}\n", "line 1", "unknown key \"aoi.west\"");
        check("data:\n  lr_path: a.nc\n  hr: b.nc\n", "line 3", "unknown key \"data.hr\"");
        check("adversarial_loss: hinge\n", "line 1", "one of wasserstein");
        check("input_frame: 8 x 8\noutput_frame: 32 x 32\n", "output_frame", "8 × input_frame");
        check("lr_inputs: pm2p5\n", "line 1", "\"lr_inputs\" must be a list of variable names");
        check("epochs: 3\nepochs: 4\n", "line 2", "given twice");
        check("model: [unclosed\n", "line", "not valid YAML");
    }

    private static void check(String yaml, String where, String what) {
        Ai4cException e = assertThrows(Ai4cException.class, () -> ConfigYaml.parse(yaml, "my.yaml"));
        assertTrue(e.isUsageError());
        assertTrue(e.getMessage().startsWith("my.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains(where), e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
    }

    /** The editors' per-key form (entries, one line each) reads back to the same configuration. */
    @org.junit.jupiter.api.Test
    void entriesRoundTrip() {
        for (AqConfig c : new AqConfig[] {AqConfig.defaults(),
                ConfigYaml.parse(eu.ai4c.aq.synthetic.SyntheticCams.TINY_CONFIG, "tiny")}) {
            java.util.Map<String, String> e = ConfigYaml.entries(c);
            assertEquals(ConfigYaml.keys().keySet(), e.keySet());
            assertEquals(ConfigYaml.write(c), ConfigYaml.write(ConfigYaml.parse(ConfigYaml.text(e), "entries")));
        }
    }
}
