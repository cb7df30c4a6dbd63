/**
 * Types shared by the whole parser: {@link dev.bitzel.parser.Diagnostic} and its
 * {@link dev.bitzel.parser.Severity}.
 */
package dev.bitzel.parser;
