package eu.ai4c.s1.geometry;

/**
 * One orbit state vector in the Earth-fixed frame (ECEF, WGS 84 / ITRF), as in the Sentinel-1
 * annotation {@code orbitList} and the {@code .EOF} orbit files. Immutable value.
 *
 * @param time seconds since the reference epoch of the {@link Orbit} it belongs to (UTC)
 * @param x    position, metres
 * @param y    position, metres
 * @param z    position, metres
 * @param vx   velocity, metres per second
 * @param vy   velocity, metres per second
 * @param vz   velocity, metres per second
 */
public record OrbitStateVector(double time, double x, double y, double z, double vx, double vy, double vz) {
}
