/**
 * Reads BitBake metadata exactly as BitBake does: lossless syntax trees of {@code .bb}, {@code .bbappend},
 * {@code .bbclass}, {@code .inc} and {@code .conf} files, the variable store with BitBake's expansion and
 * override semantics, layers, configuration and recipes.
 */
module dev.bitzel.parser {
    requires com.google.common;

    exports dev.bitzel.parser;
    exports dev.bitzel.parser.data;
}
