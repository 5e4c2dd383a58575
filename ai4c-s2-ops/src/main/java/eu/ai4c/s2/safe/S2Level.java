package eu.ai4c.s2.safe;

/** Processing level of a Sentinel-2 product: top-of-atmosphere (L1C) or bottom-of-atmosphere (L2A) reflectance. */
public enum S2Level {
    /** Level-1C, top-of-atmosphere reflectance ({@code S2MSI1C}). */
    L1C,
    /** Level-2A, bottom-of-atmosphere reflectance with scene classification ({@code S2MSI2A}). */
    L2A
}
