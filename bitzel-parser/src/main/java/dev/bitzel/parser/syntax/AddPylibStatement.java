package dev.bitzel.parser.syntax;

import dev.bitzel.parser.internal.syntax.Checks;

/**
 * {@code addpylib DIR NAMESPACE} (configuration dialect only).
 *
 * <p>BitBake accepts it only while reading base configuration ({@code bblayers.conf} and the
 * {@code layer.conf} files, {@code baseconfig=True}); anywhere else it reports "unparsed line". The syntax
 * layer cannot know which file is base configuration, so it always produces this statement in the
 * {@link Dialect#CONF} dialect and leaves that check to the caller.
 *
 * @param range where it lies
 * @param text its exact text
 * @param directory the regex's first group (greedy: everything up to the last whitespace), unexpanded
 * @param namespace the regex's second group
 */
public record AddPylibStatement(SourceRange range, String text, String directory, String namespace)
        implements Statement {

    /** Validates the components. */
    public AddPylibStatement {
        Checks.node(range, text);
        Checks.nonEmpty(directory, "directory");
        Checks.nonEmpty(namespace, "namespace");
    }
}
