import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws the AI4C Desktop splash screen, About image and window icons with Java2D (no external
 * art): a globe with graticule, a polar orbit and a satellite on a night-blue ground. Run from
 * the module folder after changing the design, and commit the images:
 * {@code java src/build/DrawBranding.java src/main/nbm-branding}.
 */
public final class DrawBranding {
    private static final Color NIGHT = new Color(0x0B, 0x1D, 0x3A);
    private static final Color DEEP = new Color(0x12, 0x3C, 0x69);
    private static final Color SEA = new Color(0x1F, 0x6F, 0xB2);
    private static final Color LAND = new Color(0x5B, 0xA8, 0x4C);
    private static final Color ORBIT = new Color(0xF2, 0xB1, 0x34);

    public static void main(String[] args) throws IOException {
        File root = new File(args.length > 0 ? args[0] : "src/main/nbm-branding");
        File startup = new File(root, "core/core.jar/org/netbeans/core/startup");
        startup.mkdirs();
        ImageIO.write(splash(480, 300), "gif", new File(startup, "splash.gif"));
        ImageIO.write(splash(480, 300), "png", new File(startup, "about.png"));
        ImageIO.write(icon(16), "gif", new File(startup, "frame.gif"));
        ImageIO.write(icon(32), "gif", new File(startup, "frame32.gif"));
        ImageIO.write(icon(48), "gif", new File(startup, "frame48.gif"));
        ImageIO.write(icon(256), "png", new File(startup, "frame256.png"));
    }

    /** Globe left, title right; the bottom 28 px stay free for the platform's progress text. */
    static BufferedImage splash(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smooth(img);
        g.setPaint(new GradientPaint(0, 0, NIGHT, w, h, DEEP));
        g.fillRect(0, 0, w, h);
        drawGlobe(g, 36, 50, 170);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString("AI4C", 238, 118);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 30));
        g.drawString("Desktop", 238, 154);
        g.setColor(new Color(0xC8, 0xD8, 0xEA));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString("Earth-observation services of", 240, 186);
        g.drawString("AI4Copernicus: Sentinel-1 and -2,", 240, 204);
        g.drawString("change detection, crops, air quality", 240, 222);
        g.setColor(new Color(0xFF, 0xFF, 0xFF, 60));
        g.fillRect(16, h - 26, w - 32, 1);
        g.dispose();
        return img;
    }

    /** The globe with its orbit, filling a square icon. */
    static BufferedImage icon(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(img);
        float m = size / 16f;
        drawGlobe(g, m, m, size - 2 * m);
        g.dispose();
        return img;
    }

    /** A sphere of diameter {@code d} at ({@code x}, {@code y}): sea, two land masses, graticule, orbit, satellite. */
    static void drawGlobe(Graphics2D g, float x, float y, float d) {
        Ellipse2D sphere = new Ellipse2D.Float(x, y, d, d);
        g.setPaint(new GradientPaint(x, y, SEA.brighter(), x + d, y + d, SEA.darker()));
        g.fill(sphere);
        g.setClip(sphere);
        g.setColor(LAND);
        Path2D land = new Path2D.Float();
        land.moveTo(x + 0.22 * d, y + 0.18 * d);
        land.curveTo(x + 0.45 * d, y + 0.10 * d, x + 0.55 * d, y + 0.32 * d, x + 0.40 * d, y + 0.45 * d);
        land.curveTo(x + 0.30 * d, y + 0.55 * d, x + 0.12 * d, y + 0.45 * d, x + 0.22 * d, y + 0.18 * d);
        land.moveTo(x + 0.58 * d, y + 0.52 * d);
        land.curveTo(x + 0.80 * d, y + 0.48 * d, x + 0.90 * d, y + 0.70 * d, x + 0.70 * d, y + 0.86 * d);
        land.curveTo(x + 0.55 * d, y + 0.95 * d, x + 0.48 * d, y + 0.66 * d, x + 0.58 * d, y + 0.52 * d);
        g.fill(land);
        if (d >= 40) {
            g.setColor(new Color(255, 255, 255, 70));
            g.setStroke(new BasicStroke(Math.max(1f, d / 170f)));
            for (int k = 1; k < 4; k++) { // meridians as ellipses, parallels as chords
                float rx = d / 2 * k / 4;
                g.draw(new Ellipse2D.Float(x + d / 2 - rx, y, 2 * rx, d));
                float py = y + d * k / 4;
                g.drawLine((int) x, (int) py, (int) (x + d), (int) py);
            }
        }
        g.setClip(null);
        g.setColor(ORBIT);
        g.setStroke(new BasicStroke(Math.max(1.2f, d / 60f)));
        Graphics2D o = (Graphics2D) g.create();
        o.rotate(Math.toRadians(-28), x + d / 2, y + d / 2);
        o.draw(new Ellipse2D.Float(x - d * 0.08f, y + d * 0.30f, d * 1.16f, d * 0.40f));
        o.dispose();
        float s = Math.max(3f, d / 9f);
        double a = Math.toRadians(-28);
        double sx = x + d / 2 + Math.cos(a) * d * 0.58;
        double sy = y + d / 2 + Math.sin(a) * d * 0.58;
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(sx - s / 2, sy - s / 2, s, s));
    }

    private static Graphics2D smooth(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }
}
