package dev.bitzel.parser.syntax;

/**
 * A piece of a {@link SyntaxTree}: whole physical lines of the file, terminators included.
 *
 * <p>The nodes of a tree cover its text contiguously, so concatenating their {@link #text()} gives the
 * file back byte for byte. Implementations are immutable records.
 */
public sealed interface Node permits Trivia, Statement, ErrorNode {

    /** Returns where the node lies in the file. */
    SourceRange range();

    /** Returns the exact source text of the node, line terminators included. */
    String text();
}
