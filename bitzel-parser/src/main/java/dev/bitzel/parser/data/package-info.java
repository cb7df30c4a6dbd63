/**
 * BitBake's variable store: {@link dev.bitzel.parser.data.DataStore} holds a configuration's or recipe's variables
 * and flags and expands them with BitBake's override semantics; a
 * {@link dev.bitzel.parser.data.PythonEvaluator} runs inline Python for it.
 */
package dev.bitzel.parser.data;
