/**
 * ENVI band files and headers, as BEAM-DIMAP stores bands.
 */
package eu.ai4c.kit.io.envi;
