package eu.ai4c.kit.raster;

/**
 * A rectangle of pixels: columns {@code x .. x+width-1}, rows {@code y .. y+height-1}
 * (upper bounds exclusive in {@link #maxX()} / {@link #maxY()}). Pixel (0,0) is the upper-left pixel.
 * Immutable value.
 */
public record Region(int x, int y, int width, int height) {

    public Region {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("Negative region size " + width + "x" + height);
        }
    }

    /** The whole of a {@code width × height} raster. */
    public static Region of(int width, int height) {
        return new Region(0, 0, width, height);
    }

    /** Column after the last one (exclusive). */
    public int maxX() {
        return x + width;
    }

    /** Row after the last one (exclusive). */
    public int maxY() {
        return y + height;
    }

    /** Number of pixels. */
    public long area() {
        return (long) width * height;
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    /** Intersection with {@code other}; empty (size 0) when they do not overlap. */
    public Region intersect(Region other) {
        int x0 = Math.max(x, other.x), y0 = Math.max(y, other.y);
        int x1 = Math.min(maxX(), other.maxX()), y1 = Math.min(maxY(), other.maxY());
        if (x1 <= x0 || y1 <= y0) {
            return new Region(x0, y0, 0, 0);
        }
        return new Region(x0, y0, x1 - x0, y1 - y0);
    }

    /** This region grown by {@code halo} pixels on each side (not clipped). */
    public Region expand(int halo) {
        return new Region(x - halo, y - halo, width + 2 * halo, height + 2 * halo);
    }

    /** True when {@code other} lies entirely inside this region. */
    public boolean contains(Region other) {
        return other.x >= x && other.y >= y && other.maxX() <= maxX() && other.maxY() <= maxY();
    }

    /** Smallest region containing both. */
    public Region union(Region other) {
        if (isEmpty()) return other;
        if (other.isEmpty()) return this;
        int x0 = Math.min(x, other.x), y0 = Math.min(y, other.y);
        int x1 = Math.max(maxX(), other.maxX()), y1 = Math.max(maxY(), other.maxY());
        return new Region(x0, y0, x1 - x0, y1 - y0);
    }

    @Override
    public String toString() {
        return "[" + x + "," + y + " " + width + "x" + height + "]";
    }
}
