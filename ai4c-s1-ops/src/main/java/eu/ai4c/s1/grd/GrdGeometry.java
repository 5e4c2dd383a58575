package eu.ai4c.s1.grd;

import eu.ai4c.kit.progress.WarningListener;
import eu.ai4c.s1.geometry.Orbit;
import eu.ai4c.s1.geometry.OrbitFile;
import eu.ai4c.s1.geometry.OrbitFiles;
import eu.ai4c.s1.geometry.OrbitStateVector;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the annotation of a GRD image (times, SRGR/GRSR polynomials, state vectors) onto the
 * range-Doppler model of {@link eu.ai4c.s1.geometry}: times become seconds since the first line's
 * zero-Doppler time. The orbit comes from an {@code .EOF} file when one is given, otherwise from
 * the annotation (logged, so users know which was used). Stateless.
 */
public final class GrdGeometry {
    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c");

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
        Orbit orbit;
        if (orbitPath != null) {
            Instant start = epoch;
            Instant stop = a.imageInformation().productLastLineUtcTime();
            OrbitFile file = OrbitFiles.select(orbitPath, manifest.mission(), start, stop);
            orbit = file.orbit(epoch, start, stop);
            LOG.info("Orbit: {} ({} state vectors used)", file.header().file().getFileName(), orbit.vectors().size());
        } else {
            List<OrbitStateVector> vectors = new ArrayList<>();
            for (Annotation.OrbitStateVector v : a.orbitList()) {
                vectors.add(new OrbitStateVector(Orbit.secondsBetween(epoch, v.time()), v.x(), v.y(), v.z(),
                        v.vx(), v.vy(), v.vz()));
            }
            orbit = new Orbit(epoch, vectors);
            LOG.info("Orbit: the {} state vectors of the annotation (no --orbit file given)", vectors.size());
        }
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
