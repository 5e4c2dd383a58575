/**
 * The AI4C engine kit: what every service builds on. {@link eu.ai4c.kit.Ai4cException} is the
 * error users see, naming the input, the problem and the fix.
 */
package eu.ai4c.kit;
