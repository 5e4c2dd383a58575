package eu.ai4c.s1.geometry;

import eu.ai4c.kit.progress.WarningListener;
import eu.ai4c.s1.safe.Annotation;
import eu.ai4c.s1.safe.Manifest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orbit of an acquisition for range-Doppler geometry, GRD or SLC: from an {@code .EOF} file
 * (or a folder of them; the one covering the acquisition) when given, otherwise the state vectors
 * of the annotation. Which one is used is logged, so users know. Stateless.
 */
public final class AcquisitionOrbit {
    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c");

    private AcquisitionOrbit() {
    }

    /**
     * @param annotation an annotation of the acquisition (state vectors)
     * @param manifest   mission, for the orbit file selection
     * @param orbitPath  an {@code .EOF} file or a folder of them, or null for the annotation orbit
     * @param epoch      time 0 of the orbit (seconds are counted from it)
     * @param start      first zero-Doppler time the orbit must cover
     * @param stop       last zero-Doppler time the orbit must cover
     */
    public static Orbit of(Annotation annotation, Manifest manifest, Path orbitPath, Instant epoch, Instant start,
                           Instant stop, WarningListener warnings) {
        if (orbitPath != null) {
            OrbitFile file = OrbitFiles.select(orbitPath, manifest.mission(), start, stop);
            Orbit orbit = file.orbit(epoch, start, stop);
            LOG.info("Orbit: {} ({} state vectors used)", file.header().file().getFileName(), orbit.vectors().size());
            return orbit;
        }
        List<OrbitStateVector> vectors = new ArrayList<>();
        for (Annotation.OrbitStateVector v : annotation.orbitList()) {
            vectors.add(new OrbitStateVector(Orbit.secondsBetween(epoch, v.time()), v.x(), v.y(), v.z(),
                    v.vx(), v.vy(), v.vz()));
        }
        LOG.info("Orbit: the {} state vectors of the annotation (no --orbit file given)", vectors.size());
        return new Orbit(epoch, vectors);
    }
}
