/**
 * NumPy {@code .npy} arrays (format versions 1 to 3, every integer and float type, either byte
 * order): reading and writing.
 */
package eu.ai4c.agri.npy;
