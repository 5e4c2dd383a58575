/**
 * The PyTorch engine as AI4C starts it ({@link eu.ai4c.agri.torch.TorchRuntime}): offline, CPU
 * only, and with the same numerical kernels on every x86-64 CPU so that model results do not
 * depend on the machine.
 */
package eu.ai4c.agri.torch;
