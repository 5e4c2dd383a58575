/**
 * Reading and writing products: the reader and writer registries, atomic outputs (temporary
 * name, renamed when whole) and side outputs written next to a product.
 */
package eu.ai4c.kit.io;
