package eu.ai4c.kit.landsea;

import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;

/**
 * The parameters of the land/sea mask and of the DEM and geoid behind it, declared once for every
 * operator that masks land or sea ({@code S1-GRD-preprocess}, {@code S2-preprocess}): names,
 * defaults, value sets and texts stay identical across services, their CLI options and SNAP
 * adapters. Immutable constants.
 */
public final class LandSeaParameters {

    /** {@code landseamask}: None (default), Land or Sea — the class of pixels set to no-data. */
    public static final ParameterDescriptor MODE = ParameterDescriptor.builder("landseamask", ParameterType.CHOICE)
            .valueSet("None", "Land", "Sea").defaultValue("None").label("Land/sea mask")
            .description("Pixels to remove: Sea sets sea pixels to no-data, Land land pixels; decided "
                    + "from the DEM (elevation ≤ 0 is sea) or from --landmask-vector.")
            .build();

    /** {@code landseamaskTolerance}: metres by which the kept class is buffered; only with a mask. */
    public static final ParameterDescriptor TOLERANCE = ParameterDescriptor.builder("landseamaskTolerance",
                    ParameterType.DOUBLE)
            .defaultValue(0).interval("[0,*)").unit("m").label("Land/sea mask tolerance")
            .enabledWhen("landseamask", "Land", "Sea")
            .description("Buffer in metres added to the kept class, so that pixels near the coast are kept.")
            .build();

    /** {@code landmaskVector}: land polygons deciding land and sea instead of the DEM; only with a mask. */
    public static final ParameterDescriptor LAND_VECTOR = ParameterDescriptor.builder("landmaskVector",
                    ParameterType.PATH)
            .label("Land polygons").enabledWhen("landseamask", "Land", "Sea")
            .description("Vector file of land polygons deciding land and sea instead of the DEM.")
            .build();

    /** {@code dem}: a DEM GeoTIFF or a folder of DEM tiles. */
    public static final ParameterDescriptor DEM = ParameterDescriptor.builder("dem", ParameterType.PATH)
            .label("DEM")
            .description("DEM GeoTIFF, or a folder of GeoTIFF / SRTM .hgt / Copernicus DEM tiles "
                    + "(heights above the EGM96 geoid). Without it, the ellipsoid plus geoid is used.")
            .build();

    /** {@code geoid}: the EGM96 grid. */
    public static final ParameterDescriptor GEOID = ParameterDescriptor.builder("geoid", ParameterType.PATH)
            .label("Geoid grid")
            .description("EGM96 geoid grid (.gtx). Default: egm96_15.gtx of the proj-data package.")
            .build();

    private LandSeaParameters() {
    }
}
