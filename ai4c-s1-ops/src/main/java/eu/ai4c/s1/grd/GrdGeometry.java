package eu.ai4c.s1.grd;

import eu.ai4c.kit.progress.WarningListener;
import eu.ai4c.s1.geometry.AcquisitionOrbit;
import eu.ai4c.s1.geometry.Orbit;
import eu.ai4c.s1.geometry.SarGeometry;
import eu.ai4c.s1.geometry.SrgrConversion;
import eu.ai4c.s1.geometry.ZeroDoppler;
import eu.ai4c.s1.safe.Annotation;
import eu.ai4c.s1.safe.Manifest;
import eu.ai4c.s1.safe.SarGeoCoding;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the annotation of a GRD image (times, SRGR/GRSR polynomials, state vectors) onto the
 * range-Doppler model of {@link eu.ai4c.s1.geometry}: times become seconds since the first line's
 * zero-Doppler time. The orbit comes from an {@code .EOF} file when one is given, otherwise from
 * the annotation (logged, so users know which was used). Stateless.
 */
public final class GrdGeometry {
    private GrdGeometry() {
    }

    /**
     * The zero-Doppler model of a GRD image.
     *
     * @param gc        the image's annotation geometry
     * @param manifest  for mission and acquisition times (orbit file selection)
     * @param orbitPath an {@code .EOF} file or a folder of them, or null for the annotation orbit
     */
    public static ZeroDoppler zeroDoppler(SarGeoCoding gc, Manifest manifest, Path orbitPath, WarningListener warnings) {
        Annotation a = gc.annotation();
        Instant epoch = a.imageInformation().productFirstLineUtcTime();
        Orbit orbit = AcquisitionOrbit.of(a, manifest, orbitPath, epoch, epoch,
                a.imageInformation().productLastLineUtcTime(), warnings);
        List<SrgrConversion> conversions = new ArrayList<>();
        for (Annotation.CoordinateConversion c : a.coordinateConversionList()) {
            conversions.add(new SrgrConversion(Orbit.secondsBetween(epoch, c.azimuthTime()), c.sr0(),
                    c.srgrCoefficients(), c.gr0(), c.grsrCoefficients()));
        }
        Annotation.ImageInformation info = a.imageInformation();
        SarGeometry geometry = SarGeometry.groundRange(0, info.azimuthTimeInterval(), info.numberOfLines(),
                info.numberOfSamples(), info.slantRangeTime(), info.rangePixelSpacing(), conversions);
        return new ZeroDoppler(orbit, geometry);
    }
}
