/**
 * The {@code ai4c} command line: one subcommand per registered service, built from its
 * descriptor (see {@code OperatorCommand}), plus {@code list}, {@code graph},
 * {@code bench} and {@code demo}. Processing code returns results and throws; only this layer
 * prints, maps exceptions to exit codes ({@link eu.ai4c.cli.ExitCodes}) and exits.
 */
package eu.ai4c.cli;
