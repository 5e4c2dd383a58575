package eu.ai4c.cli.bench;

import eu.ai4c.agri.unet.Backbone;
import eu.ai4c.agri.unet.UnetEngine;
import eu.ai4c.agri.unet.UnetModel;
import eu.ai4c.agri.unet.UnetModelFile;
import eu.ai4c.agri.unet.UnetOperator;
import eu.ai4c.agri.unet.synthetic.SyntheticLandscape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code unet-predict}: the class map of an N×N 4-band synthetic tile (default N 2048) by a U-Net
 * with initial weights ({@code -Pbackbone}, default resnet50; {@code -Ppatch}, default 256), as
 * {@code unet -action predict} writes it (windows with a quarter overlap, blended, GeoTIFF with
 * legend; {@code -Pprobabilities true} adds the per-class probability file), computed by the
 * plain-Java forward pass; the peer is the same prediction by the PyTorch engine (pinned kernels),
 * run after it ({@code -Ppeer false} skips it). The times for a full 10980×10980 tile are
 * extrapolated from the pixel count (the windows, which take nearly all the time, grow with the area).
 */
public final class UnetBenchmark extends DeclaredBenchmark {
    public UnetBenchmark() {
        super("unet-predict", "unet -action predict on an NxN 4-band tile with a ResNet-50 U-Net at patch 256, "
                + "extrapolated to 10980x10980; peer: the PyTorch engine (default N 2048).", "backbone", "patch", "probabilities",
                "peer");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int n = context.size(2048);
        Backbone backbone = Backbone.of(context.option("backbone", "resnet50"));
        int patch = context.intOption("patch", 256, 32);
        boolean probabilities = Boolean.parseBoolean(context.option("probabilities", "false"));
        Path[] inputs = inputs(context, n, backbone, patch);
        Path image = inputs[0], model = inputs[1];
        Path out = image.getParent().resolveSibling("maps");
        UnetEngine engine = UnetEngine.forThisJvm();
        BenchContext.Measured ours = context.measure(() ->
                UnetOperator.predict(List.of(image), model, out, probabilities, engine, context.processing()));
        boolean peer = Boolean.parseBoolean(context.option("peer", "true")) && engine != UnetEngine.PYTORCH;
        BenchContext.Measured torch = peer ? context.measure(() -> UnetOperator.predict(List.of(image), model,
                out.resolveSibling("maps-pytorch"), probabilities, UnetEngine.PYTORCH, context.processing())) : null;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("engine", engine.describe());
        extra.put("threads", context.processing().threads());
        extra.put("backbone", backbone.id());
        extra.put("patch", patch);
        extra.put("probabilities", probabilities);
        extra.put("megapixels_per_s", Math.round(n * (double) n / ours.seconds() / 1e4) / 100.0);
        double scale = (10980.0 * 10980.0) / ((double) n * n);
        extra.put("extrapolated_10980_s", Math.round(ours.seconds() * scale));
        if (torch != null) extra.put("peer_extrapolated_10980_s", Math.round(torch.seconds() * scale));
        return List.of(BenchResult.of(name(), n + "x" + n + "x4 uint16, " + backbone.id() + " U-Net, patch " + patch,
                ours, torch == null ? null : UnetEngine.PYTORCH.describe(), torch == null ? Double.NaN : torch.seconds(),
                extra));
    }

    /**
     * The N×N 4-band synthetic tile ({@code images/tile.tif}) and a model with initial weights, in
     * the work folder; the tile is drawn on first use for that size.
     */
    static Path[] inputs(BenchContext context, int n, Backbone backbone, int patch) throws IOException {
        Path dir = Files.createDirectories(context.workDir().resolve("unet-predict-" + n));
        Path image = dir.resolve("images/tile.tif");
        if (!Files.exists(image)) SyntheticLandscape.write(dir, "tile", SyntheticLandscape.draw(n, n, 5));
        Path model = dir.resolve("model_" + backbone.id() + "_" + patch + ".safetensors");
        if (!Files.exists(model)) UnetModelFile.write(UnetModel.initialised(backbone, 4, 4, patch, 1), model);
        return new Path[] {image, model};
    }
}
