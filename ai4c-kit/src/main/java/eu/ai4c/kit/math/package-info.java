/**
 * Numerical kernels shared by services: quickselect on primitive arrays and the regularised
 * incomplete gamma function.
 */
package eu.ai4c.kit.math;
