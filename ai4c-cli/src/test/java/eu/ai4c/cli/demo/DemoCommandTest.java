package eu.ai4c.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.cli.Cli;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void runsStepsAndWritesIndexWithLinksAndQuickLooks() throws IOException {
        Path out = dir.resolve("demo");
        Cli c = Cli.run("demo", "--output", out.toString(), "--step", "test-scale", "-q");
        assertEquals(0, c.exit(), c.toString());
        Path index = out.resolve("index.html").toAbsolutePath();
        assertEquals(index.toString(), c.out().strip());
        String html = Files.readString(index);
        assertTrue(html.contains("<title>AI4C demo</title>"), html);
        assertTrue(html.contains("<section id=\"test-scale\">"), html);
        assertTrue(html.contains("<a href=\"test-scale/scaled.a4r\">"), html);
        assertTrue(html.contains("<img src=\"test-scale/scaled_b1.png\""), html);
        assertTrue(html.contains("a ramp &lt;product&gt; times 2"), "description is escaped\n" + html);
        BufferedImage png = ImageIO.read(out.resolve("test-scale/scaled_b1.png").toFile());
        assertEquals(150, png.getWidth());
        assertEquals(70, png.getHeight());
    }

    @Test
    void failedStepIsReportedAndOthersStillRun() throws IOException {
        Path out = dir.resolve("demo");
        Cli c = Cli.run("demo", "--output", out.toString(), "--step", "test-scale", "--step", "TEST-broken", "-q");
        assertEquals(1, c.exit(), c.toString());
        assertTrue(c.err().contains("test-broken"), c.toString());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("Failed: sample data for test-broken is missing"), html);
        assertTrue(html.indexOf("test-broken") < html.indexOf("<section id=\"test-scale\">"), "order() is respected");
        assertTrue(Files.exists(out.resolve("test-scale/scaled_b1.png")));
    }

    @Test
    void unknownStepIsUsageError() {
        Cli c = Cli.run("demo", "--output", dir.toString(), "--step", "nope");
        assertEquals(2, c.exit(), c.toString());
        assertTrue(c.err().contains("test-scale"), c.toString());
    }
}
