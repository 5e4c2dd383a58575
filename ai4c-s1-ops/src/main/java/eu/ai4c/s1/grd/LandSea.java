package eu.ai4c.s1.grd;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.dem.ElevationModel;
import eu.ai4c.kit.dem.Geoid;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.raster.Raster;

/** Step 6 of the chain: the land/sea mask on the output grid. */
final class LandSea {
    private LandSea() {
    }

    static Raster apply(Raster out, ParameterValues params, ElevationModel dem, Geoid geoid, String alias) {
        String mode = params.getString("landseamask");
        if (mode.equals("None")) return out;
        throw new Ai4cException(alias + ": --landseamask " + mode + " is not available in this build.");
    }
}
