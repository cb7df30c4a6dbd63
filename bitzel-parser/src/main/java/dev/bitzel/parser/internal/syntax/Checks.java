package dev.bitzel.parser.internal.syntax;

import dev.bitzel.parser.syntax.SourceRange;
import java.util.Objects;

/** Precondition checks shared by the syntax records. */
public final class Checks {

    private Checks() {
    }

    /**
     * Checks a node's range and text agree.
     *
     * @param range the range, never null
     * @param text the text, never null, as long as the range
     */
    public static void node(SourceRange range, String text) {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(text, "text");
        if (text.length() != range.length()) {
            throw new IllegalArgumentException(
                    "text length " + text.length() + " does not match range " + range);
        }
    }

    /**
     * Checks a string is neither null nor empty.
     *
     * @param value the value
     * @param name the parameter name for the message
     */
    public static void nonEmpty(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }
}
