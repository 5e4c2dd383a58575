/**
 * STAC 1.0 Items for the products AI4C writes: one {@code <name>.json} beside each main output,
 * with its footprint in WGS 84, acquisition time, the projection and processing extensions and
 * its files as assets, so catalogues and notebooks find the outputs of every service.
 */
package eu.ai4c.kit.stac;
