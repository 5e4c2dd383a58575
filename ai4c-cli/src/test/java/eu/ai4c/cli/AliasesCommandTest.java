package eu.ai4c.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        // the Windows twin: a batch file with CRLF line ends calling ai4c.cmd beside it
        String cmd = Files.readString(dir.resolve("Test-scale.cmd"));
        assertTrue(cmd.startsWith("@echo off\r\n"), cmd);
        assertTrue(cmd.contains("call \"%~dp0ai4c.cmd\" Test-scale %*\r\n"), cmd);
        assertTrue(cmd.contains("exit /b %ERRORLEVEL%"), cmd);
        assertFalse(cmd.replace("\r\n", "").contains("\n"), "only CRLF line ends");
    }

    /** The committed bin/ has both launchers for every service of the real registry, and ai4c.cmd. */
    @Test
    void committedBinHasUnixAndWindowsLaunchersOfEveryService() {
        Path bin = Path.of("..", "bin");
        assertTrue(Files.isRegularFile(bin.resolve("ai4c.cmd")), "bin/ai4c.cmd");
        for (eu.ai4c.kit.op.Operator op : eu.ai4c.kit.op.OperatorRegistry.load().all()) {
            String alias = op.descriptor().alias();
            if (alias.startsWith("Test-")) continue; // the kit's test operators
            assertTrue(Files.isExecutable(bin.resolve(alias)), "bin/" + alias + " (run: bin/ai4c aliases --dir bin)");
            assertTrue(Files.isRegularFile(bin.resolve(alias + ".cmd")), "bin/" + alias + ".cmd (run: bin/ai4c aliases --dir bin)");
        }
    }

    /**
     * The committed launcher, copied into a distribution layout (bin/, lib/) with a stand-in
     * {@code java} that prints its arguments: run directly, through a generated alias script and
     * through a symbolic link, it must pass the service name first and find lib/.
     */
    @Test
    void launcherAndAliasesDispatchOnTheServiceName() throws IOException, InterruptedException {
        Path launcher = Path.of("..", "bin", "ai4c");
        assertTrue(Files.isExecutable(launcher), "bin/ai4c must exist and be executable");
        Path dist = dir.resolve("dist");
        Path bin = Files.createDirectories(dist.resolve("bin"));
        Files.createDirectories(dist.resolve("lib"));
        Files.copy(launcher, bin.resolve("ai4c"));
        Path fakeJava = Files.createDirectories(dir.resolve("jdk/bin")).resolve("java");
        Files.writeString(fakeJava, "#!/usr/bin/env bash\necho \"$@\"\n");
        fakeJava.toFile().setExecutable(true);
        assertEquals(0, Cli.run("aliases", "--dir", bin.toString()).exit());
        Files.createSymbolicLink(dist.resolve("Test-fail"), bin.resolve("ai4c"));

        // the vector API for the U-Net's plain-Java prediction, then the class path
        String cp = "--add-modules=jdk.incubator.vector -cp " + dist.toRealPath().resolve("lib") + "/* eu.ai4c.cli.Main ";
        assertEquals(cp + "list", launch(bin.resolve("ai4c"), "list"));
        assertEquals(cp + "Test-scale --input a b", launch(bin.resolve("Test-scale"), "--input", "a b"));
        assertEquals(cp + "Test-fail --help", launch(dist.resolve("Test-fail"), "--help"));
    }

    private String launch(Path script, String... args) throws IOException, InterruptedException {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("bash", script.toString()));
        cmd.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        pb.environment().remove("AI4C_JAVA_OPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
