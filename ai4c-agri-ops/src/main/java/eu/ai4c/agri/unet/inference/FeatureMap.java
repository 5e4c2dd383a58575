package eu.ai4c.agri.unet.inference;

import java.util.Arrays;

/**
 * Channels of a {@code height × width} feature map, each a plane with a one-pixel zero border
 * (row pitch {@code width + 2}) followed by {@link #SLACK} zeros, so that a 3×3 convolution reads
 * its neighbours at fixed offsets without bounds checks and vector loops may run past the last
 * pixel. Pixel {@code (y, x)} of channel {@code c} is {@code planes[c][(y + 1) · pitch + x + 1]}.
 */
record FeatureMap(float[][] planes, int height, int width) {
    /** Room after the bottom border for whole-vector reads and writes (two vectors of 64 lanes). */
    static final int SLACK = 128;

    static FeatureMap zeros(int channels, int height, int width) {
        float[][] p = new float[channels][];
        int len = length(height, width);
        for (int c = 0; c < channels; c++) p[c] = new float[len];
        return new FeatureMap(p, height, width);
    }

    static int length(int height, int width) {
        return (height + 2) * (width + 2) + 2 * (width + 2) + SLACK;
    }

    int channels() {
        return planes.length;
    }

    int pitch() {
        return width + 2;
    }

    /** First padded index a convolution computes: pixel (0, 0). */
    int first() {
        return pitch() + 1;
    }

    /** One past the last pixel's padded index. */
    int end() {
        return height * pitch() + width + 1;
    }

    /** Restores the zero border (and slack) that a whole-span computation overwrote. */
    void clearBorder() {
        int pitch = pitch();
        for (float[] p : planes) {
            for (int y = 1; y <= height; y++) {
                p[y * pitch + width + 1] = 0f;
                p[(y + 1) * pitch] = 0f;
            }
            Arrays.fill(p, (height + 1) * pitch, p.length, 0f);
        }
    }

    /** The channels of this map followed by those of {@code other} (same size; planes shared, not copied). */
    FeatureMap concat(FeatureMap other) {
        if (other.height != height || other.width != width) {
            throw new IllegalArgumentException(height + "x" + width + " and " + other.height + "x" + other.width);
        }
        float[][] p = Arrays.copyOf(planes, planes.length + other.planes.length);
        System.arraycopy(other.planes, 0, p, planes.length, other.planes.length);
        return new FeatureMap(p, height, width);
    }

    /** Nearest-neighbour ×2: each value copied to a 2×2 cell. */
    FeatureMap upsample2() {
        FeatureMap out = zeros(channels(), 2 * height, 2 * width);
        int pi = pitch(), po = out.pitch();
        for (int c = 0; c < channels(); c++) {
            float[] src = planes[c], dst = out.planes[c];
            for (int y = 0; y < height; y++) {
                int s = (y + 1) * pi + 1;
                int d0 = (2 * y + 1) * po + 1, d1 = d0 + po;
                for (int x = 0; x < width; x++) {
                    float v = src[s + x];
                    dst[d0 + 2 * x] = v;
                    dst[d0 + 2 * x + 1] = v;
                    dst[d1 + 2 * x] = v;
                    dst[d1 + 2 * x + 1] = v;
                }
            }
        }
        return out;
    }

    /**
     * 3×3 max pooling with stride 2 and padding 1 ({@code ceil_mode} off). The border stands in for
     * PyTorch's −∞ padding: the input is a ReLU output (≥ 0) and every window holds a real pixel.
     */
    FeatureMap maxPool3s2() {
        int ho = (height - 1) / 2 + 1, wo = (width - 1) / 2 + 1;
        FeatureMap out = zeros(channels(), ho, wo);
        int pi = pitch(), po = out.pitch();
        for (int c = 0; c < channels(); c++) {
            float[] src = planes[c], dst = out.planes[c];
            for (int y = 0; y < ho; y++) {
                for (int x = 0; x < wo; x++) {
                    int s = 2 * y * pi + 2 * x; // padded index of input pixel (2y − 1, 2x − 1)
                    float m = src[s];
                    for (int ky = 0; ky < 3; ky++) {
                        int r = s + ky * pi;
                        if (2 * y - 1 + ky >= height) break;
                        for (int kx = 0; kx < 3; kx++) {
                            if (2 * x - 1 + kx < width) m = Math.max(m, src[r + kx]);
                        }
                    }
                    dst[(y + 1) * po + x + 1] = m;
                }
            }
        }
        return out;
    }
}
