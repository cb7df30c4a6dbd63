/**
 * Lossless syntax trees of BitBake metadata files, reproducing BitBake 2.8.1's line grammar.
 *
 * <p>Start with {@link dev.bitzel.parser.syntax.Syntax}, which returns a
 * {@link dev.bitzel.parser.syntax.SyntaxTree} of {@link dev.bitzel.parser.syntax.Node}s: each is
 * {@link dev.bitzel.parser.syntax.Trivia}, an {@link dev.bitzel.parser.syntax.ErrorNode} or one of the
 * {@link dev.bitzel.parser.syntax.Statement} records.
 */
package dev.bitzel.parser.syntax;
