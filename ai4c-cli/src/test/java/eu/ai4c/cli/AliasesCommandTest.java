package eu.ai4c.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AliasesCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesOneExecutableScriptPerService() throws IOException {
        Cli c = Cli.run("aliases", "--dir", dir.toString());
        assertEquals(0, c.exit(), c.toString());
        Path script = dir.resolve("Test-scale");
        assertTrue(Files.isExecutable(script));
        String text = Files.readString(script);
        assertTrue(text.startsWith("#!/usr/bin/env bash\n"), text);
        assertTrue(text.contains("/ai4c\" Test-scale \"$@\""), text);
        assertTrue(text.contains("Scales band values linearly for tests."), text);
        assertTrue(Files.isExecutable(dir.resolve("Test-fail")));
    }

    /** The committed launcher forwards its own name as the service when called through a link. */
    @Test
    void launcherDispatchesOnItsName() throws IOException {
        Path launcher = Path.of("..", "bin", "ai4c");
        assertTrue(Files.isExecutable(launcher), "bin/ai4c must exist and be executable");
        String text = Files.readString(launcher);
        assertTrue(text.contains("eu.ai4c.cli.Main"), text);
        assertTrue(text.contains("ai4c-cli/target/lib") && text.contains("/lib"), text);
    }
}
