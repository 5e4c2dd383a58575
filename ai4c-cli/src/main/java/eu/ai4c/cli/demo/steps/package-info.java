/**
 * The steps of {@code ai4c demo}, one per service chain: each makes its own demo inputs, runs
 * the services and returns quick-looks and a description for the report.
 */
package eu.ai4c.cli.demo.steps;
