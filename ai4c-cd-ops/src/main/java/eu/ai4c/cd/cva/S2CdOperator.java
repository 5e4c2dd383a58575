package eu.ai4c.cd.cva;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.SideOutputs;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Metadata;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.s2.preprocess.S2PreprocessDescriptor;
import eu.ai4c.s2.preprocess.S2PreprocessOperator;
import eu.ai4c.s2.safe.S2Level;
import eu.ai4c.s2.safe.S2Product;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code S2-CD} (specification section 2.2.5): change detection between two Sentinel-2 L2A
 * products of the same tile by Change Vector Analysis. Steps: (1) both inputs go through
 * {@link S2PreprocessOperator} with the same bands, resolution, projection and area of interest
 * and the L2A cloud mask, so they share one grid; (2) an explicit statistics pass
 * ({@link CvaStatistics}) reads both images once, tile by tile, keeping only a bounded sample, and
 * fits the normalisation, difference std, χ² threshold and k-means classes; (3) the returned
 * product computes the classes lazily ({@link CvaRaster#classes}). The magnitude/angle raster
 * travels with the product as a {@link CvaRaster} attachment; {@link CvaOutputs} writes it with
 * the polar plot and JSON summary. Invariant pixels are those valid (cloud-free) in both images,
 * of the same scene class in both and not cloud, shadow, snow or water
 * ({@link SceneClassification}), and not excluded as large changes. Stateless.
 */
public final class S2CdOperator implements Operator {
    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c");

    @Override
    public OperatorDescriptor descriptor() {
        return S2CdDescriptor.DESCRIPTOR;
    }

    @Override
    public Product apply(Map<String, Product> sources, ParameterValues params, ProcessingContext context) throws IOException {
        Product in1 = source(sources, "input1"), in2 = source(sources, "input2");
        S2Product s1 = l2a(in1, "input1"), s2 = l2a(in2, "input2");
        if (!s1.tileName().isEmpty() && !s2.tileName().isEmpty() && !s1.tileName().equals(s2.tileName())) {
            throw Ai4cException.usage("S2-CD: input1 " + s1.name() + " is tile " + s1.tileName() + " but input2 "
                    + s2.name() + " is tile " + s2.tileName() + "; give two products of the same tile.");
        }
        List<String> bands = params.getList("bands");
        double[] reference = referenceVector(params, bands.size());
        double confidence = params.getDouble("levelConfidence");
        int classes = params.getInt("numberClasses");

        Map<String, String> pre = new LinkedHashMap<>();
        pre.put("bands", String.join(",", bands));
        pre.put("resolution", String.valueOf(params.getDouble("resolution")));
        pre.put("projection", params.getString("projection"));
        // the SCL cloud mask needs an SCL in both inputs (per-band GeoTIFF folders usually have none)
        boolean bothScl = s1.scl().isPresent() && s2.scl().isPresent();
        pre.put("cloudmask", bothScl ? "L2A" : "None");
        if (!bothScl) {
            context.warnings().warning("S2-CD: " + (s1.scl().isEmpty() ? s1.name() : s2.name()) + " has no scene "
                    + "classification (SCL), so clouds are not masked; give L2A products with their SCL to remove "
                    + "cloudy pixels.");
        }
        if (params.has("aoi")) pre.put("aoi", params.getString("aoi"));
        pre.put("verify", String.valueOf(params.getBoolean("verify")));
        ParameterValues preParams = S2PreprocessDescriptor.DESCRIPTOR.validate(pre);
        S2PreprocessOperator preprocess = new S2PreprocessOperator();
        Raster r1 = preprocess.apply(Map.of("input", in1), preParams, context).raster();
        Raster r2 = preprocess.apply(Map.of("input", in2), preParams, context).raster();
        if (r1.width() != r2.width() || r1.height() != r2.height()) {
            throw new Ai4cException("S2-CD: the pre-processed images differ in size (" + r1.width() + "x" + r1.height()
                    + " and " + r2.width() + "x" + r2.height() + "); both products must cover the same tile grid.");
        }
        Raster scl1 = SceneClassification.onGrid(in1, s1, pre, context).orElse(null);
        Raster scl2 = SceneClassification.onGrid(in2, s2, pre, context).orElse(null);
        if (scl1 == null || scl2 == null || scl1.width() != r1.width() || scl1.height() != r1.height()
                || scl2.width() != r1.width() || scl2.height() != r1.height()) {
            context.warnings().warning("S2-CD: no scene classification (SCL) on the common grid for both inputs; "
                    + "invariant pixels are chosen by the cloud mask and the exclusion of large changes only.");
            scl1 = null;
            scl2 = null;
        }
        // reflectance step of one DN; the coarser of the two products bounds what is a real difference
        double step = 1 / Math.min(s1.quantification(), s2.quantification());
        CvaModel model = CvaStatistics.compute(r1, r2, scl1, scl2, step, bands.toArray(String[]::new), reference, confidence,
                classes, context);
        LOG.info("S2-CD: gains {}, offsets {}, difference std {}, threshold {} (chi-square {} %, {} dof), {} of {} "
                        + "sample pixels invariant", fmt(model.gains()), fmt(model.offsets()), fmt(model.differenceStd()),
                String.format(Locale.ROOT, "%.4f", model.threshold()), confidence, bands.size(),
                model.invariantPixels(), model.samplePixels());

        Metadata md = in1.metadata().copy();
        Metadata h = md.childOrCreate("Processing_History").addChild("S2-CD");
        for (Map.Entry<String, Object> e : params.asMap().entrySet()) {
            Object v = e.getValue();
            h.set(e.getKey(), v instanceof double[] d ? Arrays.toString(d) : String.valueOf(v));
        }
        h.set("input1", s1.name()).set("input2", s2.name()).set("gains", fmt(model.gains()))
                .set("offsets", fmt(model.offsets())).set("threshold", String.valueOf(model.threshold()));
        Product result = new Product(s1.name() + "_S2-CD", CvaRaster.classes(r1, r2, model), md, null)
                .withAttachment(CvaRaster.class, CvaRaster.vector(r1, r2, model));
        // magnitude/angle GeoTIFF, polar plot, JSON summary and colour table beside the classes
        return result.withAttachment(SideOutputs.class, (main, ctx) -> CvaOutputs.write(result, main, ctx).paths());
    }

    private static Product source(Map<String, Product> sources, String name) {
        Product p = sources.get(name);
        if (p == null) throw Ai4cException.usage("S2-CD: missing source product --" + name + ".");
        return p;
    }

    private static S2Product l2a(Product p, String name) {
        S2Product s = p.attachment(S2Product.class).orElseThrow(() -> Ai4cException.usage("S2-CD: " + name + " "
                + p.name() + p.location().map(l -> " (" + l + ")").orElse("") + " is not a Sentinel-2 product; give "
                + "a Sentinel-2 L2A SAFE product (.SAFE folder or .zip)."));
        if (s.level() != S2Level.L2A) {
            throw Ai4cException.usage("S2-CD: " + name + " " + s.name() + " is a Level-1C product; change detection "
                    + "needs two Level-2A (surface reflectance) products. Process it to L2A with Sen2Cor first, or give "
                    + "the L2A product.");
        }
        return s;
    }

    /** The reference vector: the parameter, or 1 followed by zeros; its length must equal the band count. */
    static double[] referenceVector(ParameterValues params, int bandCount) {
        if (!params.has("referenceVector")) {
            double[] r = new double[bandCount];
            r[0] = 1;
            return r;
        }
        double[] r = params.getDoubles("referenceVector");
        if (r.length != bandCount) {
            throw Ai4cException.usage("S2-CD: --referenceVector has " + r.length + " values but --bands lists "
                    + bandCount + " bands; give one value per band (e.g. 1" + ",0".repeat(bandCount - 1) + ").");
        }
        double norm = 0;
        for (double v : r) norm += v * v;
        if (norm == 0) throw Ai4cException.usage("S2-CD: --referenceVector is all zeros; give a direction, e.g. 1"
                + ",0".repeat(bandCount - 1) + ".");
        return r;
    }

    private static String fmt(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.5f", v[i]));
        return sb.append(']').toString();
    }
}
