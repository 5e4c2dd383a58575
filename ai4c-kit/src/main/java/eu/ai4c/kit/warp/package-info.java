/**
 * Reprojection ({@code Warp}) with nearest, bilinear and bicubic kernels and a gdalwarp-like
 * approximate transformer, and the target grid every service derives.
 */
package eu.ai4c.kit.warp;
