package org.esa.snap.core.datamodel;

/** SNAP API stub of {@code GeoPos}: latitude and longitude in degrees. */
public class GeoPos {
    public double lat;
    public double lon;

    public GeoPos(double lat, double lon) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }
}
