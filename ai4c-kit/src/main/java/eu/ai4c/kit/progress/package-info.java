/**
 * Progress, cancellation and warnings of a run, and the processing context (threads, cache)
 * that carries them through the engine.
 */
package eu.ai4c.kit.progress;
