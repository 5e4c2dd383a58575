/**
 * The human-features services as declarative engine operators ({@link eu.ai4c.kit.op.FileOperator}),
 * so that the desktop dialog, the SNAP adapter and graphs are generated from one descriptor.
 */
package eu.ai4c.vector.ops;
