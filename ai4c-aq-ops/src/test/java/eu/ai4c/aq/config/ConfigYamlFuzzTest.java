package eu.ai4c.aq.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.testing.FuzzInput;
import java.nio.charset.StandardCharsets;

/**
 * Any text given as an aqgan {@code config.yaml} either gives a configuration or is refused with
 * {@link Ai4cException} and a message naming the line; never another exception, never a hang.
 * {@code mvn verify} runs the kept inputs of {@code ConfigYamlFuzzTestInputs/parse/} (the shipped
 * example configuration, the defaults as {@link ConfigYaml#write} writes them) and findings;
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class ConfigYamlFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void parse(byte[] data) {
        try {
            AqConfig c = ConfigYaml.parse(new String(data, StandardCharsets.UTF_8), "config.yaml");
            ConfigYaml.write(c);
        } catch (Ai4cException e) {
            FuzzInput.refused(e);
        }
    }
}
