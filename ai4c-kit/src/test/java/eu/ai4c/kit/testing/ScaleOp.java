package eu.ai4c.kit.testing;

import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.op.SourceDescriptor;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.geo.GeoCoding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test operator {@code Test-scale}: every band (or the bands named in {@code bands}) becomes
 * float32 {@code factor × value + offset}; no-data samples become NaN.
 */
public final class ScaleOp implements Operator {
    public static final String ALIAS = "Test-scale";

    private static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor(ALIAS, "Scale bands", "Raster",
            "Scales band values linearly for tests. Each output sample is factor times input plus offset.",
            List.of(SourceDescriptor.required("input", "any raster product")),
            List.of(ParameterDescriptor.builder("factor", ParameterType.DOUBLE).defaultValue("2.0")
                            .interval("(0,1000]").unit("1").description("Multiplier applied to every sample.").build(),
                    ParameterDescriptor.builder("offset", ParameterType.DOUBLE).defaultValue("0")
                            .description("Added after scaling, e.g. 5 % of the range; ${not} a variable.").build(),
                    ParameterDescriptor.builder("outputName", ParameterType.STRING).option("--output_name")
                            .description("Name of the target product.").build(),
                    ParameterDescriptor.builder("bands", ParameterType.STRING_LIST)
                            .description("Bands to keep (default all).").build(),
                    ParameterDescriptor.builder("outputFormat", ParameterType.CHOICE).option("--output_format")
                            .valueSet("GeoTIFF", "BEAM-DIMAP", "RAW-TEST").defaultValue("GeoTIFF")
                            .description("Declared as in the specification; the common option serves it.").build(),
                    ParameterDescriptor.builder("mode", ParameterType.CHOICE).valueSet("linear", "square")
                            .defaultValue("linear").description("Linear scaling or square of the scaled value.").build()));

    @Override
    public OperatorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Product apply(Map<String, Product> sources, ParameterValues params, ProcessingContext context) {
        Product src = sources.get("input");
        Raster in = src.raster();
        List<Integer> indices = new ArrayList<>();
        if (params.has("bands")) {
            for (String b : params.getList("bands")) {
                int i = in.bandIndex(b);
                if (i < 0) throw eu.ai4c.kit.Ai4cException.usage(ALIAS + ": no band " + b + " in " + src.name());
                indices.add(i);
            }
        } else {
            for (int i = 0; i < in.bands().size(); i++) indices.add(i);
        }
        String name = params.has("outputName") ? params.getString("outputName") : src.name() + "_scaled";
        boolean square = params.getString("mode").equals("square");
        return Product.of(name, new Scaled(in, indices.stream().mapToInt(Integer::intValue).toArray(),
                (float) params.getDouble("factor"), (float) params.getDouble("offset"), square));
    }

    private static final class Scaled implements Raster {
        private final Raster in;
        private final int[] srcBands;
        private final float factor, offset;
        private final boolean square;
        private final List<Band> bands;

        Scaled(Raster in, int[] srcBands, float factor, float offset, boolean square) {
            this.in = in;
            this.srcBands = srcBands;
            this.factor = factor;
            this.offset = offset;
            this.square = square;
            List<Band> b = new ArrayList<>();
            for (int i : srcBands) {
                Band s = in.bands().get(i);
                b.add(new Band(s.name(), DataType.FLOAT32, Float.NaN, true, s.unit(), s.description()));
            }
            this.bands = List.copyOf(b);
        }

        @Override public int width() { return in.width(); }
        @Override public int height() { return in.height(); }
        @Override public List<Band> bands() { return bands; }
        @Override public GeoCoding geoCoding() { return in.geoCoding(); }
        @Override public int[] preferredTileSize() { return in.preferredTileSize(); }

        @Override
        public Block read(int band, Region region) throws IOException {
            Band sb = in.bands().get(srcBands[band]);
            Block src = in.read(srcBands[band], region);
            float[] v = src.toFloats();
            float[] out = new float[v.length];
            boolean nd = sb.hasNoData();
            float noData = (float) sb.noData();
            for (int i = 0; i < v.length; i++) {
                float s = factor * v[i] + offset;
                out[i] = nd && v[i] == noData ? Float.NaN : square ? s * s : s;
            }
            return new Block(region, DataType.FLOAT32, out);
        }
    }
}
