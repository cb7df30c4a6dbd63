package dev.bitzel.examples.cli;

/** How the parser commands treat Python in metadata. */
enum PythonMode {
    /** Evaluate it with the built-in interpreter; missing APIs are errors naming them. */
    builtin,
    /** Leave it unexpanded and count it: a survey of what Python a layer set uses. */
    survey
}
