package eu.ai4c.desktop.view;

import java.awt.Color;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;

/**
 * Paints a quick-look image scaled to fit the component with its aspect kept, centred, on a
 * black background (so transparent no-data pixels show black), and converts component positions
 * back to image positions for the pixel readout. Swing component; use on the EDT.
 */
final class ImageCanvas extends JComponent {
    private BufferedImage image;

    ImageCanvas() {
        setOpaque(true);
        setBackground(Color.BLACK);
    }

    void setImage(BufferedImage image) {
        this.image = image;
        repaint();
    }

    BufferedImage image() {
        return image;
    }

    /** {x, y, scale} of the drawn image in component pixels. */
    private double[] placement() {
        double s = Math.min(getWidth() / (double) image.getWidth(), getHeight() / (double) image.getHeight());
        return new double[] {(getWidth() - image.getWidth() * s) / 2, (getHeight() - image.getHeight() * s) / 2, s};
    }

    /** Where the image is drawn, in component pixels (as {@link #paintComponent} rounds it), or null without an image. */
    java.awt.Rectangle drawnBounds() {
        if (image == null) return null;
        double[] p = placement();
        return new java.awt.Rectangle((int) Math.round(p[0]), (int) Math.round(p[1]), (int) Math.round(image.getWidth() * p[2]),
                (int) Math.round(image.getHeight() * p[2]));
    }

    /** Image position {x, y} (fractional image pixels) under component point (px, py), or null outside the image. */
    double[] imagePosition(int px, int py) {
        if (image == null) return null;
        double[] p = placement();
        double x = (px - p[0]) / p[2], y = (py - p[1]) / p[2];
        if (x < 0 || y < 0 || x >= image.getWidth() || y >= image.getHeight()) return null;
        return new double[] {x, y};
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        g.setColor(getBackground());
        g.fillRect(0, 0, getWidth(), getHeight());
        if (image != null) {
            double[] p = placement();
            // nearest when enlarging (pixels stay crisp), bilinear when reducing
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, p[2] >= 1
                    ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, (int) Math.round(p[0]), (int) Math.round(p[1]), (int) Math.round(image.getWidth() * p[2]),
                    (int) Math.round(image.getHeight() * p[2]), null);
        }
        g.dispose();
    }
}
