/**
 * The tile engine: rasters computed tile by tile in parallel, with a bounded cache, so memory
 * does not depend on the scene size.
 */
package eu.ai4c.kit.tile;
