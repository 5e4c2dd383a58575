package eu.ai4c.s1.grd;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.tile.TileCache;
import eu.ai4c.s1.chain.BackscatterChain;
import eu.ai4c.s1.chain.BackscatterChain.CalibrationOutput;
import eu.ai4c.s1.geometry.ZeroDoppler;
import eu.ai4c.s1.noise.NoisePowerLut;
import eu.ai4c.s1.radiometry.RadiometricRaster;
import eu.ai4c.s1.safe.S1Image;
import eu.ai4c.s1.safe.S1Product;
import eu.ai4c.s1.safe.S1Raster;
import eu.ai4c.s1.safe.SarGeoCoding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code S1-GRD-preprocess}: the Sentinel-1 GRD chain of the specification (section 2.2.1) as one
 * lazily evaluated raster chain — thermal noise, border noise, calibration ({@link RadiometricRaster}),
 * then the steps shared with the SLC chain
 * ({@link BackscatterChain}: speckle filter, range-Doppler terrain correction, dB, land/sea mask and
 * area of interest) — so a writer
 * pulling output tiles reads each needed input tile once, in parallel, without intermediate files.
 *
 * <p>Output product name: {@code <input product>_<Sigma0|Gamma0|Beta0>[_dB]_TC}, bands
 * {@code Sigma0_VV} (or {@code Sigma0_VV_db}, …) float32 with NaN no-data.</p>
 *
 * <p>Stateless and thread-safe.</p>
 */
public final class GrdPreprocessOperator implements Operator, eu.ai4c.s1.chain.ModeResolutionDefault {

    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c");

    @Override
    public OperatorDescriptor descriptor() {
        return GrdPreprocessDescriptor.DESCRIPTOR;
    }

    @Override
    public Product apply(Map<String, Product> sources, ParameterValues params, ProcessingContext context)
            throws IOException {
        String alias = descriptor().alias();
        Product input = sources.get("input");
        if (input == null) throw Ai4cException.usage(alias + ": missing source product --input.");
        S1Product s1 = input.attachment(S1Product.class).orElseThrow(() -> new Ai4cException(alias + ": input "
                + input.location().map(Path::toString).orElse(input.name()) + " is not a Sentinel-1 SAFE product. "
                + "Give a Sentinel-1 GRD product (.SAFE folder or .zip)."));
        s1.manifest().requireProductType("GRD", alias + " " + s1.name());
        S1Raster dn = (S1Raster) input.raster();

        List<String> pols = params.getList("polarization");
        int[] bands = new int[pols.size()];
        for (int i = 0; i < bands.length; i++) {
            bands[i] = dn.bandIndex("Amplitude_" + pols.get(i).toUpperCase(Locale.ROOT));
            if (bands[i] < 0) {
                throw Ai4cException.usage(alias + ": product " + s1.name() + " has no " + pols.get(i)
                        + " polarisation; it has " + s1.polarisations() + ". Choose --polarization from those.");
            }
        }
        if (params.getBoolean("verify")) {
            List<S1Image> read = new java.util.ArrayList<>();
            for (int band : bands) read.add(dn.image(band));
            s1.verifyMeasurements(read);
        }
        CalibrationOutput calibration = CalibrationOutput.parse(params.getString("calibration"));
        String prefix = calibration.prefix();
        LOG.info("{}: {} {} {}, polarisations {}, {}{}", alias, s1.manifest().mission(), s1.manifest().mode(),
                s1.productType(), pols, prefix, calibration.db() ? " in dB" : "");

        // 1-3: noise, border noise, calibration on the SAR grid
        boolean removeBorder = params.getBoolean("removeBorderNoise");
        boolean removeNoise = params.getBoolean("removeThermalNoise");
        List<RadiometricRaster.Channel> channels = new java.util.ArrayList<>();
        for (int band : bands) {
            S1Image image = dn.image(band);
            NoisePowerLut noise = removeNoise ? NoisePowerLut.of(image.noise()) : null;
            channels.add(new RadiometricRaster.Channel(band, prefix + "_" + image.polarisation(),
                    prefix + " " + image.polarisation() + ", linear", calibration.type().lut(image.calibration()), noise,
                    removeBorder && params.getInt("borderLimit") > 0 ? new BorderTrims(dn, band, noise,
                            params.getInt("borderLimit"), params.getDouble("trimThreshold")) : null));
        }
        // 4: speckle filter
        Raster sar = BackscatterChain.speckleFiltered(new RadiometricRaster(dn, channels), params,
                new TileCache(context.cacheBytes()));

        // 5-7: range-Doppler terrain correction, dB, land/sea mask, area of interest
        SarGeoCoding gc = (SarGeoCoding) dn.geoCoding();
        ZeroDoppler zeroDoppler = GrdGeometry.zeroDoppler(gc, s1.manifest(), params.has("orbit") ? params.getPath("orbit") : null,
                context.warnings());
        return BackscatterChain.terrainCorrected(sar, zeroDoppler, calibration, input, s1, params, context, alias);
    }
}
