/**
 * Build-time generator of the SNAP binding's per-operator sources (adapters, services file,
 * layer, help pages) from the engine's operator descriptors; run by ai4c-snap's build, not shipped.
 */
package eu.ai4c.snap.codegen;
