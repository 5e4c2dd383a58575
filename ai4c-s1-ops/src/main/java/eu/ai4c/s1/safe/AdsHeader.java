package eu.ai4c.s1.safe;

import java.time.Instant;

/**
 * The {@code adsHeader} shared by the annotation, calibration and noise XML files: which image of
 * the product a file describes. Immutable.
 *
 * @param missionId           {@code S1A}, {@code S1B}, {@code S1C}
 * @param productType         {@code GRD}, {@code SLC}
 * @param polarisation        e.g. {@code VV}
 * @param mode                {@code SM}, {@code IW}, {@code EW}
 * @param swath               {@code IW} for GRD, {@code IW1}…{@code IW3} for SLC, {@code S1}…{@code S6} for SM
 * @param startTime           first line time (UTC)
 * @param stopTime            last line time (UTC)
 * @param absoluteOrbitNumber absolute orbit
 * @param imageNumber         e.g. {@code 001}
 */
public record AdsHeader(String missionId, String productType, String polarisation, String mode, String swath,
                        Instant startTime, Instant stopTime, int absoluteOrbitNumber, String imageNumber) {

    static AdsHeader parse(SafeXml root) {
        SafeXml h = root.child("adsHeader");
        return new AdsHeader(h.text("missionId"), h.text("productType"), h.text("polarisation"), h.text("mode"),
                h.text("swath"), h.instant("startTime"), h.instant("stopTime"), h.intValue("absoluteOrbitNumber"),
                h.text("imageNumber"));
    }
}
