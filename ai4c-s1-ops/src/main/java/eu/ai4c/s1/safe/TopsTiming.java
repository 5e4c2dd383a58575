package eu.ai4c.s1.safe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What TOPS processing (deburst, merge, deramping) needs from an SLC annotation beyond the image
 * description: the burst layout, the azimuth FM rates and the Doppler centroid estimates. Both
 * annotation layouts of the FM rate are read: the polynomial as one list
 * ({@code azimuthFmRatePolynomial}, recent IPFs) or as {@code c0}/{@code c1}/{@code c2} elements
 * (older IPFs). Immutable.
 *
 * @param swathTiming  the bursts; empty for stripmap and GRD images
 * @param fmRates      azimuth FM rate estimates in azimuth order
 * @param dcEstimates  Doppler centroid estimates in azimuth order
 */
public record TopsTiming(Optional<SwathTiming> swathTiming, List<AzimuthFmRate> fmRates,
                         List<DopplerCentroid> dcEstimates) {
    public TopsTiming {
        fmRates = List.copyOf(fmRates);
        dcEstimates = List.copyOf(dcEstimates);
    }

    /** Parses annotation XML bytes; {@code fileName} is used in messages. */
    public static TopsTiming parse(byte[] xml, String fileName) {
        SafeXml root = SafeXml.parse(xml, fileName);
        if (!root.name().equals("product")) throw root.error("is not a product annotation (root <" + root.name() + ">)");
        int imageLines = root.at("imageAnnotation/imageInformation").intValue("numberOfLines");
        Optional<SwathTiming> timing = SwathTiming.parse(root, imageLines);
        List<AzimuthFmRate> rates = new ArrayList<>();
        root.optAt("generalAnnotation/azimuthFmRateList").ifPresent(list -> {
            for (SafeXml r : list.listItems("azimuthFmRate")) {
                double[] c = r.optChild("azimuthFmRatePolynomial").isPresent() ? r.doubles("azimuthFmRatePolynomial")
                        : new double[] {r.doubleValue("c0"), r.doubleValue("c1"), r.doubleValue("c2")};
                rates.add(new AzimuthFmRate(r.instant("azimuthTime"), r.doubleValue("t0"), c));
            }
        });
        List<DopplerCentroid> dcs = new ArrayList<>();
        root.optAt("dopplerCentroid/dcEstimateList").ifPresent(list -> {
            for (SafeXml d : list.listItems("dcEstimate")) {
                dcs.add(new DopplerCentroid(d.instant("azimuthTime"), d.doubleValue("t0"),
                        d.doubles("geometryDcPolynomial"), d.doubles("dataDcPolynomial")));
            }
        });
        if (timing.isPresent() && (rates.isEmpty() || dcs.isEmpty())) {
            throw root.error("is a TOPS annotation without " + (rates.isEmpty() ? "azimuth FM rates" : "Doppler centroid estimates"));
        }
        return new TopsTiming(timing, rates, dcs);
    }
}
