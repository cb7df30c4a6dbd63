package dev.bitzel.parser.syntax;

import dev.bitzel.parser.Diagnostic;
import dev.bitzel.parser.Severity;
import java.util.List;
import java.util.Objects;

/**
 * The lossless syntax tree of one metadata file: a flat list of {@link Node}s covering the text
 * contiguously, plus the syntax errors found.
 *
 * <p>Immutable and thread-safe. Obtain one from {@link Syntax}.
 */
public final class SyntaxTree {

    private final String fileName;
    private final Dialect dialect;
    private final String text;
    private final List<Node> nodes;
    private final List<Diagnostic> diagnostics;

    SyntaxTree(String fileName, Dialect dialect, String text, List<Node> nodes, List<Diagnostic> diagnostics) {
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.text = Objects.requireNonNull(text, "text");
        this.nodes = List.copyOf(nodes);
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** Returns the file name given to the parser, used in diagnostics. */
    public String fileName() {
        return fileName;
    }

    /** Returns the dialect the file was parsed in. */
    public Dialect dialect() {
        return dialect;
    }

    /** Returns the parsed text. */
    public String text() {
        return text;
    }

    /** Returns the nodes in file order; they cover {@link #text()} without gaps or overlaps. */
    public List<Node> nodes() {
        return nodes;
    }

    /** Returns the syntax errors and warnings, in file order of discovery. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Returns whether any diagnostic is an {@link Severity#ERROR}, i.e. BitBake would reject the file. */
    public boolean hasErrors() {
        for (Diagnostic d : diagnostics) {
            if (d.severity() == Severity.ERROR) {
                return true;
            }
        }
        return false;
    }

    /** Returns the concatenated text of all nodes, which equals {@link #text()}. */
    public String print() {
        StringBuilder sb = new StringBuilder(text.length());
        for (Node node : nodes) {
            sb.append(node.text());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "SyntaxTree[" + fileName + ", " + dialect + ", " + nodes.size() + " nodes, "
                + diagnostics.size() + " diagnostics]";
    }
}
