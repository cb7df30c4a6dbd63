package dev.bitzel.parser.internal.data;

/**
 * One entry of a variable's {@code :append}, {@code :prepend} or {@code :remove} list: BitBake's
 * {@code [value, override]}.
 *
 * @param value the text to append, prepend or remove
 * @param override the {@code :}-separated overrides that must all be active, or {@code null} for none
 */
public record AppendOp(String value, String override) {}
