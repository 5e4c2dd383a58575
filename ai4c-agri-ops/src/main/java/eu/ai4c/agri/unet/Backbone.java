package eu.ai4c.agri.unet;

import eu.ai4c.kit.Ai4cException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The ResNet encoders of the U-Net, in the standard layout of He et al. (2016) as torchvision
 * builds them: a 7×7/2 stem convolution with batch norm and ReLU, 3×3/2 max pooling, then four
 * stages of residual units (basic units of two 3×3 convolutions for ResNet-18/34, bottleneck
 * units 1×1 → 3×3 → 1×1 with expansion 4 for ResNet-50; stride 2 on the first unit of stages
 * 2–4, in the 3×3 convolution). Immutable.
 */
public enum Backbone {
    RESNET18("resnet18", new int[] {2, 2, 2, 2}, false),
    RESNET34("resnet34", new int[] {3, 4, 6, 3}, false),
    RESNET50("resnet50", new int[] {3, 4, 6, 3}, true);

    private final String id;
    private final int[] units;
    private final boolean bottleneck;

    Backbone(String id, int[] units, boolean bottleneck) {
        this.id = id;
        this.units = units;
        this.bottleneck = bottleneck;
    }

    /** The name used on the command line and in model files ({@code resnet50}). */
    public String id() {
        return id;
    }

    /** Residual units per stage (4 stages). */
    public int[] units() {
        return units.clone();
    }

    public boolean bottleneck() {
        return bottleneck;
    }

    /** Width of the 3×3 convolutions of stage {@code s} (0–3): 64, 128, 256, 512. */
    public static int width(int stage) {
        return 64 << stage;
    }

    /** Output channels of stage {@code s}: the width, × 4 for bottleneck units. */
    public int stageChannels(int stage) {
        return width(stage) * (bottleneck ? 4 : 1);
    }

    /** Channels of the five skip features: stem (stride 2), stages 1–4 (strides 4, 8, 16, 32). */
    public int[] featureChannels() {
        return new int[] {64, stageChannels(0), stageChannels(1), stageChannels(2), stageChannels(3)};
    }

    /** The backbone named {@code id} ({@code resnet18}, {@code resnet34}, {@code resnet50}); a usage error otherwise. */
    public static Backbone of(String id) {
        for (Backbone b : values()) if (b.id.equalsIgnoreCase(id.trim())) return b;
        throw Ai4cException.usage("unet: unknown --backbone \"" + id + "\"; expected one of "
                + Arrays.stream(values()).map(Backbone::id).toList() + " (resnet50 as in the specification; "
                + "resnet18 or resnet34 for small machines).");
    }

    @Override
    public String toString() {
        return id.toUpperCase(Locale.ROOT);
    }
}
