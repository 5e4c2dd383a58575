package eu.ai4c.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo report as a reader sees it: rendered by headless Chromium (Debian's {@code chromium})
 * in a 1366 px wide window, every quick-look is loaded and lies inside the visible width, and the
 * page does not scroll sideways, even with long output paths and large images. A screenshot is
 * left in {@code target/demo-report.png}.
 */
class DemoReportBrowserTest {
    static final int WIDTH = 1366;
    @TempDir
    Path dir;

    @Test
    void everyQuickLookIsLoadedAndInsideTheWindow() throws Exception {
        String longFolder = "a-very-long-output-folder-name-that-users-get-from-their-scene-ids/"
                + "S1A_IW_GRDH_1SDV_20211223T051122_20211223T051147_030148_039993_5371_Sigma0_dB_TC";
        List<Demo.StepRecord> records = new ArrayList<>();
        records.add(step("S1-GRD-preprocess", longFolder, 1600, 900, 700, 700));
        records.add(step("S2-CD", "cd", 240, 240, 800, 800, 600, 600));
        records.add(new Demo.StepRecord("broken", 0.1, null, "sample data missing"));
        Path index = DemoReport.write(dir, records);
        String html = Files.readString(index);
        Path probe = dir.resolve("probe.html");
        Files.writeString(probe, html.replace("</body>", "<script>window.addEventListener('load',()=>{"
                + "const r=[...document.images].map(i=>{const b=i.getBoundingClientRect();"
                + "return {src:i.getAttribute('src'),ok:i.complete&&i.naturalWidth>0,left:b.left,right:b.right,width:b.width};});"
                + "document.body.setAttribute('data-probe',JSON.stringify({inner:window.innerWidth,"
                + "scroll:document.documentElement.scrollWidth,images:r}));});</script></body>"), StandardCharsets.UTF_8);

        String dom = chromium("--dump-dom", probe.toUri().toString());
        Matcher m = Pattern.compile("data-probe=\"([^\"]*)\"").matcher(dom);
        assertTrue(m.find(), "no probe result in Chromium's DOM:\n" + dom);
        JsonNode result = new ObjectMapper().readTree(m.group(1).replace("&quot;", "\"").replace("&amp;", "&"));
        int inner = result.get("inner").asInt();
        assertEquals(WIDTH, inner, "window width");
        assertTrue(result.get("scroll").asInt() <= inner, "the page scrolls sideways: " + result);
        assertEquals(5, result.get("images").size(), result.toString());
        for (JsonNode img : result.get("images")) {
            assertTrue(img.get("ok").asBoolean(), "not loaded: " + img);
            assertTrue(img.get("left").asDouble() >= 0 && img.get("right").asDouble() <= inner, "outside the window: " + img);
            assertTrue(img.get("width").asDouble() > 100, "shrunk to nothing: " + img);
        }
        Path shot = Path.of("target", "demo-report.png").toAbsolutePath();
        chromium("--screenshot=" + shot, index.toUri().toString());
        assertTrue(Files.size(shot) > 0, "screenshot");
    }

    private Demo.StepRecord step(String name, String folder, int... sizes) throws IOException {
        Path out = Files.createDirectories(dir.resolve(folder));
        List<Path> looks = new ArrayList<>();
        for (int i = 0; i < sizes.length; i += 2) {
            BufferedImage img = new BufferedImage(sizes[i], sizes[i + 1], BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) img.setRGB(x, y, (x * 255 / img.getWidth()) << 8 | (y & 255));
            Path png = out.resolve(name + "_quicklook_" + i / 2 + ".png");
            ImageIO.write(img, "png", png.toFile());
            looks.add(png);
        }
        Path product = Files.writeString(out.resolve(name + "_product_with_a_long_name_" + "x".repeat(80) + ".tif"), "x");
        return new Demo.StepRecord(name, 1.5, new DemoOutcome("What " + name + " ran on what, and what to look at.",
                List.of(product), looks), null);
    }

    /** Runs headless Chromium on {@code url} in a {@value #WIDTH}×900 window; returns its standard output. */
    private String chromium(String action, String url) throws IOException, InterruptedException {
        String exe = null;
        for (String c : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                if (Files.isExecutable(Path.of(d, c))) {
                    exe = Path.of(d, c).toString();
                    break;
                }
            }
            if (exe != null) break;
        }
        if (exe == null) fail("Chromium is needed for this test: apt-get install chromium (.ci/run installs it)");
        Path profile = Files.createTempDirectory(dir, "profile");
        Path log = dir.resolve("chromium.log");
        ProcessBuilder pb = new ProcessBuilder(exe, "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=" + WIDTH + ",900",
                "--virtual-time-budget=10000", action, url).redirectError(log.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "Chromium timed out");
        assertEquals(0, p.exitValue(), "Chromium failed:\n" + Files.readString(log));
        return new String(out, StandardCharsets.UTF_8);
    }
}
