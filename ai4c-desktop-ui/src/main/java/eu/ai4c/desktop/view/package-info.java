/**
 * Viewers of outputs in the desktop: the quick-look window (decimated reads, stretch, ramp and
 * legend choices; the rendering itself is the kit's {@code eu.ai4c.kit.render}), the histogram and
 * the interactive CVA polar scatter of S2-CD results.
 */
package eu.ai4c.desktop.view;
