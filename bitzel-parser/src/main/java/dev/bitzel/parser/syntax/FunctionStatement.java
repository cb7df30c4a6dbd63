package dev.bitzel.parser.syntax;

import dev.bitzel.parser.internal.syntax.Checks;
import java.util.Objects;

/**
 * A shell or python function: <code>foo() &#123;</code>, <code>python foo() &#123;</code>,
 * <code>fakeroot foo() &#123;</code>, <code>python () &#123;</code>, up to a line that is exactly
 * <code>&#125;</code> (trailing whitespace allowed).
 *
 * @param range where it lies, header to closing brace
 * @param text its exact text
 * @param name the function name as written; {@code ""} for an anonymous function (no name, or the name
 *     {@code __anonymous})
 * @param python whether BitBake treats it as python: it was marked {@code python}, or it is anonymous
 *     ({@code MethodNode.eval} makes every anonymous function python)
 * @param fakeroot whether it was marked {@code fakeroot}
 * @param body the lines between header and closing brace, each right-stripped, joined with {@code \n} and
 *     ending with {@code \n} ({@code '\n'.join(body + [''])}, as {@code BBHandler} builds it); lines ending
 *     in {@code \} are not joined inside functions
 * @param bodyLine the line BitBake records in the function's {@code lineno} flag: the closing brace's line
 *     minus the number of body entries, which is the (last) header line
 */
public record FunctionStatement(SourceRange range, String text, String name, boolean python, boolean fakeroot,
                                String body, int bodyLine) implements Statement {

    /** Validates the components. */
    public FunctionStatement {
        Checks.node(range, text);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        if (bodyLine < 1) {
            throw new IllegalArgumentException("bodyLine must be >= 1, was " + bodyLine);
        }
    }

    /** Returns whether this is an anonymous python function, run when the recipe is finalized. */
    public boolean anonymous() {
        return name.isEmpty();
    }
}
