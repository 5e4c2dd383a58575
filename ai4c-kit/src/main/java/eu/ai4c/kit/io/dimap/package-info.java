/**
 * BEAM-DIMAP, SNAP's own product format: the {@code .dim} document and the {@code .data/}
 * folder of ENVI band files.
 */
package eu.ai4c.kit.io.dimap;
