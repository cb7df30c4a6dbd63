package dev.bitzel.parser.internal.eval;

/**
 * An {@code addpylib DIR NAMESPACE} of a layer: Python modules under {@code directory} importable as
 * {@code namespace}.
 *
 * @param directory the expanded library directory
 * @param namespace the package name
 */
record PythonLibrary(String directory, String namespace) {
}
