package eu.ai4c.s1.coreg;

import eu.ai4c.kit.dem.ElevationModel;
import java.util.Arrays;

/** Heights 0 above the WGS 84 ellipsoid: the surface synthetic repeat-pass pairs are made on. */
public final class EllipsoidSurface implements ElevationModel {
    public static final EllipsoidSurface INSTANCE = new EllipsoidSurface();

    private EllipsoidSurface() {
    }

    @Override
    public void heights(double[] lon, double[] lat, double[] out, int count) {
        Arrays.fill(out, 0, count, 0);
    }

    @Override
    public String describe() {
        return "ellipsoid";
    }
}
