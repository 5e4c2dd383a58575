package eu.ai4c.kit.dem;

import java.util.Objects;

/**
 * The elevation model used when no DEM is given: the terrain is taken to lie on the geoid
 * (0 m above mean sea level), so the ellipsoid height is the EGM96 undulation N. Callers log a
 * warning that no DEM is used. Immutable and thread-safe.
 */
public final class GeoidOnlyDem implements ElevationModel {
    private final Geoid geoid;

    public GeoidOnlyDem(Geoid geoid) {
        this.geoid = Objects.requireNonNull(geoid, "geoid");
    }

    @Override
    public void heights(double[] lon, double[] lat, double[] outEllipsoidHeight, int count) {
        geoid.undulations(lat, lon, outEllipsoidHeight, count);
    }

    @Override
    public String describe() {
        return "no DEM (EGM96 geoid surface from " + geoid.source() + ")";
    }
}
