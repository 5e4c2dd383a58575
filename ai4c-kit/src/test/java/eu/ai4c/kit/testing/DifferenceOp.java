package eu.ai4c.kit.testing;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.op.SourceDescriptor;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Test operator {@code Test-difference}: float32 band 1 of input1 minus band 1 of input2. */
public final class DifferenceOp implements Operator {
    public static final String ALIAS = "Test-difference";

    private static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor(ALIAS, "Difference", "Raster",
            "Subtracts the first band of input2 from that of input1, for tests of two-source operators.",
            List.of(SourceDescriptor.required("input1", "minuend"), SourceDescriptor.required("input2", "subtrahend")),
            List.of());

    @Override
    public OperatorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Product apply(Map<String, Product> sources, ParameterValues params, ProcessingContext context) {
        Raster a = sources.get("input1").raster(), b = sources.get("input2").raster();
        return Product.of("difference", new Raster() {
            @Override public int width() { return a.width(); }
            @Override public int height() { return a.height(); }
            @Override public List<Band> bands() { return List.of(Band.of("difference", DataType.FLOAT32)); }
            @Override public GeoCoding geoCoding() { return a.geoCoding(); }

            @Override
            public Block read(int band, Region region) throws IOException {
                float[] x = a.read(0, region).toFloats(), y = b.read(0, region).toFloats();
                float[] d = new float[x.length];
                for (int i = 0; i < d.length; i++) d[i] = x[i] - y[i];
                return new Block(region, DataType.FLOAT32, d);
            }
        });
    }
}
