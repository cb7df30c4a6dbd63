package dev.bitzel.parser.internal.eval;

/**
 * A {@code python () { ... }} block queued to run at finalization, as BitBake's {@code __BBANONFUNCS}.
 *
 * @param name the generated function name ({@code __anon_LINE_FILE})
 * @param body the function body as written
 * @param file the file it came from
 * @param line the line of its first body line
 */
record AnonymousFunction(String name, String body, String file, int line) {
}
