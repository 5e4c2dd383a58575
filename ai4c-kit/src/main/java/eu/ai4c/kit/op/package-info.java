/**
 * Operators and their one declarative description each (alias, sources, parameters with type,
 * default, value set, interval and unit) that the command line, dialogs, SNAP adapters and
 * graphs all read; validation and execution.
 */
package eu.ai4c.kit.op;
