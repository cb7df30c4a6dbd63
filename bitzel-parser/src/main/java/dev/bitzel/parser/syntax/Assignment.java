package dev.bitzel.parser.syntax;

import dev.bitzel.parser.internal.syntax.Checks;
import java.util.Objects;

/**
 * A variable or flag assignment, as matched by {@code ConfHandler.__config_regexp__}.
 *
 * @param range where it lies
 * @param text its exact text
 * @param exported whether it starts with {@code export}
 * @param name the variable name exactly as written, overrides included, e.g. {@code FOO:append:arm} or
 *     {@code ${PN}-x}; never empty
 * @param flag the flag name between {@code [ ]}, or null if none
 * @param op the operator
 * @param value the regex group {@code value}: the text between the quotes of the joined logical line,
 *     nothing unescaped (BitBake unescapes nothing either)
 */
public record Assignment(SourceRange range, String text, boolean exported, String name, String flag, AssignOp op,
                         String value) implements Statement {

    /** Validates the components. */
    public Assignment {
        Checks.node(range, text);
        Checks.nonEmpty(name, "name");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
    }
}
