/**
 * Reads BitBake metadata exactly as BitBake does: lossless syntax trees of {@code .bb}, {@code .bbappend},
 * {@code .bbclass}, {@code .inc} and {@code .conf} files, the variable store with BitBake's expansion and
 * override semantics, layers, configuration and recipes.
 *
 * <p>Start from {@link dev.bitzel.parser.BuildDirectory} to load a build directory and parse its recipes,
 * {@link dev.bitzel.parser.Configuration} to parse a lone recipe against configuration files,
 * {@link dev.bitzel.parser.syntax.Syntax} to parse one file into a lossless tree, or
 * {@link dev.bitzel.parser.data.DataStore} for the variable store.
 */
module dev.bitzel.parser {
    requires com.google.common;

    exports dev.bitzel.parser;
    exports dev.bitzel.parser.syntax;
    exports dev.bitzel.parser.data;
}
