/**
 * The {@code ai4c demo} skeleton: each service contributes a {@link eu.ai4c.cli.demo.DemoStep};
 * the demo runs them and writes an HTML report with {@link eu.ai4c.cli.demo.QuickLook} PNGs.
 */
package eu.ai4c.cli.demo;
