/**
 * Display-free model of an operator dialog: {@link eu.ai4c.desktop.form.FormModel} built from an
 * operator descriptor, with source, parameter and target fields holding text, validated with the
 * descriptor's messages, and turned into exactly the operator call of the command line.
 */
package eu.ai4c.desktop.form;
