/**
 * Processing graphs in SNAP's graph XML format, run with the AI4C engine: {@link eu.ai4c.kit.graph.GraphReader}
 * parses and substitutes variables, {@link eu.ai4c.kit.graph.GraphRunner} checks and runs the nodes.
 */
package eu.ai4c.kit.graph;
