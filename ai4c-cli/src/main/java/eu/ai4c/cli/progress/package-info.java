/**
 * Progress displays for the command line: a redrawn bar on a terminal, periodic plain lines in
 * logs and pipes; both log each stage's start and end as it happens.
 */
package eu.ai4c.cli.progress;
