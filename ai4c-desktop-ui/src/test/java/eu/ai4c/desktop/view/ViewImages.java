package eu.ai4c.desktop.view;

import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/** Headless rendering of the views to PNG files under target/views for visual inspection. */
final class ViewImages {
    static final Path DIR = Path.of("target", "views");

    private ViewImages() {
    }

    /** Lays out {@code c} at {@code w × h} (no peer needed) and paints it into an image. */
    static BufferedImage paint(Component c, int w, int h) {
        c.setSize(w, h);
        layout(c);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        c.paint(g);
        g.dispose();
        return img;
    }

    private static void layout(Component c) {
        if (c instanceof Container k) {
            k.doLayout();
            for (Component child : k.getComponents()) layout(child);
        }
    }

    static Path save(BufferedImage img, String name) throws IOException {
        Files.createDirectories(DIR);
        Path p = DIR.resolve(name + ".png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    static Path save(JFreeChart chart, String name, int w, int h) throws IOException {
        return save(chart.createBufferedImage(w, h), name);
    }
}
