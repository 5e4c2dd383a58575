package eu.ai4c.kit.op;

/**
 * A kind of product a source takes, stated in its descriptor beside the description text, so that a
 * front end can offer an open product to the services that take it (AI4C Desktop's "Run" menu on a
 * product) without reading prose.
 */
public enum ProductKind {
    /** A Sentinel-1 Level-1 GRD product (SAFE folder, manifest or zip). */
    SENTINEL1_GRD,
    /** A Sentinel-1 Level-1 SLC product. */
    SENTINEL1_SLC,
    /** A Sentinel-2 Level-1C product. */
    SENTINEL2_L1C,
    /** A Sentinel-2 Level-2A product. */
    SENTINEL2_L2A,
    /** A SAR product: any Sentinel-1 product, or bands of backscatter (sigma0, gamma0, beta0, intensity, amplitude). */
    SAR,
    /** A product on a map grid: GeoTIFF, BEAM-DIMAP, terrain-corrected or resampled outputs. */
    MAP_GRID,
    /** A product on a regular latitude-longitude grid (a map grid in a geographic CRS). */
    LAT_LON_GRID
}
