/**
 * Viewers of outputs in the desktop: the quick-look window (decimated reads, stretches, colour
 * ramps and tables, legends), the histogram and the interactive CVA polar scatter of S2-CD
 * results.
 */
package eu.ai4c.desktop.view;
