/**
 * JPEG 2000 band images as {@link eu.ai4c.kit.raster.Raster}s: decoded by {@code opj_decompress}
 * when it is installed (once per image into a memory-mapped temporary file), otherwise in pure
 * Java by {@code jai-imageio-jpeg2000} (window reads through a bounded tile cache). See
 * {@link eu.ai4c.s2.jp2.Jp2Rasters}.
 */
package eu.ai4c.s2.jp2;
