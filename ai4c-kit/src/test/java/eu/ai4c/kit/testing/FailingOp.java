package eu.ai4c.kit.testing;

import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.op.SourceDescriptor;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.util.List;
import java.util.Map;

/** Test operator {@code Test-fail}: its tiles throw an unexpected {@link IllegalStateException}. */
public final class FailingOp implements Operator {
    public static final String ALIAS = "Test-fail";
    public static final String MESSAGE = "simulated defect in tile computation";

    private static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor(ALIAS, "Fail", "Raster",
            "Fails while computing tiles, for tests of error handling.",
            List.of(SourceDescriptor.required("input", "any raster product")), List.of());

    @Override
    public OperatorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Product apply(Map<String, Product> sources, ParameterValues params, ProcessingContext context) {
        Raster in = sources.get("input").raster();
        return Product.of("failed", new Raster() {
            @Override public int width() { return in.width(); }
            @Override public int height() { return in.height(); }
            @Override public List<eu.ai4c.kit.raster.Band> bands() { return in.bands(); }
            @Override public eu.ai4c.kit.geo.GeoCoding geoCoding() { return null; }
            @Override public Block read(int band, Region region) {
                throw new IllegalStateException(MESSAGE);
            }
        });
    }
}
