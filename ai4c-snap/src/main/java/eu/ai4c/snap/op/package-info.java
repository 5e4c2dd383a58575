/**
 * One GPF operator per engine service ({@code AI4C-<service>}), each with its {@code @Parameter}
 * fields mirroring the engine descriptor and a nested {@code Spi}; written by
 * {@code AdapterScaffold} and kept equal to the descriptors by {@code AdapterDescriptorTest}.
 */
package eu.ai4c.snap.op;
