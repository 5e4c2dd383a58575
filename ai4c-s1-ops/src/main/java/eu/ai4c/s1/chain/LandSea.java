package eu.ai4c.s1.chain;

import eu.ai4c.kit.dem.ElevationModel;
import eu.ai4c.kit.dem.Geoid;
import eu.ai4c.kit.dem.GeoidOnlyDem;
import eu.ai4c.kit.landsea.LandSeaMask;
import eu.ai4c.kit.landsea.LandSeaMaskRaster;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.raster.Raster;

/**
 * Step 6 of the chain: the land/sea mask on the output grid ({@code --landseamask},
 * {@code --landseamask-tolerance}, decided by {@code --landmask-vector} when given, else by the
 * DEM: elevation ≤ 0 is sea, as with SRTM 3Sec in the specification).
 */
public final class LandSea {
    private LandSea() {
    }

    public static Raster apply(Raster out, ParameterValues params, ElevationModel dem, Geoid geoid) {
        LandSeaMask.Mode mode = LandSeaMask.Mode.parse(params.getString("landseamask"), "--landseamask");
        return LandSeaMaskRaster.of(out, mode, params.getDouble("landseamaskTolerance"),
                params.has("landmaskVector") ? params.getPath("landmaskVector") : null, dem,
                dem instanceof GeoidOnlyDem, geoid);
    }
}
