package dev.bitzel.parser.internal.syntax;

import dev.bitzel.parser.Diagnostic;
import dev.bitzel.parser.syntax.AddHandlerStatement;
import dev.bitzel.parser.syntax.AddPylibStatement;
import dev.bitzel.parser.syntax.AddTaskStatement;
import dev.bitzel.parser.syntax.Assignment;
import dev.bitzel.parser.syntax.DelTaskStatement;
import dev.bitzel.parser.syntax.Dialect;
import dev.bitzel.parser.syntax.ErrorNode;
import dev.bitzel.parser.syntax.ExportFunctionsStatement;
import dev.bitzel.parser.syntax.ExportStatement;
import dev.bitzel.parser.syntax.FunctionStatement;
import dev.bitzel.parser.syntax.IncludeKind;
import dev.bitzel.parser.syntax.IncludeStatement;
import dev.bitzel.parser.syntax.InheritStatement;
import dev.bitzel.parser.syntax.Node;
import dev.bitzel.parser.syntax.PythonDefStatement;
import dev.bitzel.parser.syntax.SourceRange;
import dev.bitzel.parser.syntax.Trivia;
import dev.bitzel.parser.syntax.UnsetStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * The line state machines of BitBake 2.8.1: {@code BBHandler.get_statements}/{@code feeder} for
 * {@link Dialect#RECIPE} and {@code ConfHandler.handle}/{@code feeder} for {@link Dialect#CONF}.
 *
 * <p>Where BitBake stops with an error, this records a diagnostic, turns the offending lines into an
 * {@link ErrorNode} and goes on with the following line. Not thread-safe; {@link #parse} makes a fresh
 * instance per call.
 */
public final class SyntaxParser {

    /**
     * What {@link #parse} found.
     *
     * @param nodes the nodes, covering the text
     * @param diagnostics errors and warnings
     */
    public record Result(List<Node> nodes, List<Diagnostic> diagnostics) {
    }

    private static final int MAX_QUOTED_LINE = 1000;

    private final String file;
    private final String text;
    private final String baseName;
    private final Lines lines;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int nextLine;

    private SyntaxParser(String file, String text) {
        this.file = file;
        this.text = text;
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        this.baseName = file.substring(slash + 1);
        this.lines = Lines.of(text);
    }

    /**
     * Parses a whole file.
     *
     * @param file the name for diagnostics
     * @param text the content
     * @param dialect the grammar
     * @return nodes and diagnostics
     */
    public static Result parse(String file, String text, Dialect dialect) {
        SyntaxParser parser = new SyntaxParser(file, text);
        if (dialect == Dialect.CONF) {
            parser.parseConf();
        } else {
            new RecipeMachine(parser).run();
        }
        if (parser.nextLine != parser.lines.count()) {
            throw new IllegalStateException("internal error: lines " + parser.nextLine + ".." + parser.lines.count()
                    + " of " + file + " were not covered");
        }
        return new Result(parser.nodes, parser.diagnostics);
    }

    // ---- shared plumbing -------------------------------------------------------------------------------

    Lines lines() {
        return lines;
    }

    String baseName() {
        return baseName;
    }

    /** The physical line, without terminator, right-stripped as Python's {@code rstrip()} does. */
    String stripped(int line) {
        int start = lines.start(line);
        return text.substring(start, Py.rstrip(text, start, lines.contentEnd(line)));
    }

    SourceRange range(int from, int to) {
        return new SourceRange(lines.start(from), lines.end(to), from + 1, 1, to + 1);
    }

    String slice(int from, int to) {
        return text.substring(lines.start(from), lines.end(to));
    }

    void add(Node node, int from, int to) {
        if (from != nextLine || to < from) {
            throw new IllegalStateException("internal error: node lines " + from + ".." + to + " after " + nextLine);
        }
        nodes.add(node);
        nextLine = to + 1;
    }

    void trivia(int from, int to) {
        add(new Trivia(range(from, to), slice(from, to)), from, to);
    }

    void error(int from, int to, String message) {
        add(new ErrorNode(range(from, to), slice(from, to), message), from, to);
        diagnostics.add(Diagnostic.error(file, from + 1, 1, message));
    }

    void warning(int line, int column, String message) {
        diagnostics.add(Diagnostic.warning(file, line, column, message));
    }

    int diagnosticCount() {
        return diagnostics.size();
    }

    void truncateDiagnostics(int count) {
        diagnostics.subList(count, diagnostics.size()).clear();
    }

    static String quoteLine(String s) {
        String shown = s.length() > MAX_QUOTED_LINE ? s.substring(0, MAX_QUOTED_LINE) + "..." : s;
        return "'" + shown + "'";
    }

    // ---- ConfHandler.feeder ----------------------------------------------------------------------------

    /**
     * {@code ConfHandler.feeder}: the statements both dialects share. {@code conffile} is false when
     * {@code BBHandler} delegates here, which turns {@code addpylib} into an unparsed line.
     */
    void confFeeder(int from, int to, String s, boolean conffile) {
        SourceRange range = range(from, to);
        String t = slice(from, to);
        Node node = null;
        Grammar.Config c = Grammar.config(s);
        String rest;
        if (c != null) {
            node = new Assignment(range, t, c.exported(), c.var(), c.flag(), c.op(), c.value());
        } else if ((rest = Grammar.keywordRest(s, "include")) != null) {
            node = new IncludeStatement(range, t, IncludeKind.INCLUDE, rest);
        } else if ((rest = Grammar.keywordRest(s, "require")) != null) {
            node = new IncludeStatement(range, t, IncludeKind.REQUIRE, rest);
        } else if ((rest = Grammar.bareName(s, "export")) != null) {
            node = new ExportStatement(range, t, rest);
        } else if ((rest = Grammar.bareName(s, "unset")) != null) {
            node = new UnsetStatement(range, t, rest, null);
        } else {
            String[] nameFlag = Grammar.unsetFlag(s);
            if (nameFlag != null) {
                node = new UnsetStatement(range, t, nameFlag[0], nameFlag[1]);
            } else if (conffile) {
                String[] pylib = Grammar.addPylib(s);
                if (pylib != null) {
                    node = new AddPylibStatement(range, t, pylib[0], pylib[1]);
                }
            }
        }
        if (node != null) {
            add(node, from, to);
        } else {
            error(from, to, "unparsed line: " + quoteLine(s));
        }
    }

    // ---- ConfHandler.handle ----------------------------------------------------------------------------

    private void parseConf() {
        int count = lines.count();
        int i = 0;
        outer:
        while (i < count) {
            String s = stripped(i);
            if (s.isEmpty()) {
                trivia(i, i);
                i++;
                continue;
            }
            int from = i;
            CharSequence cur = s;
            StringBuilder acc = null;
            while (cur.charAt(cur.length() - 1) == '\\') {
                i++;
                String s2 = i < count ? stripped(i) : "";
                // BitBake tests s[0] of the joined text so far, not of the first line.
                if (cur.charAt(0) == '#' && (s2.isEmpty() || s2.charAt(0) != '#')) {
                    error(from, i - 1, "confusing multiline, partially commented expression: the comment starting"
                            + " on line " + (from + 1) + " ends with '\\' but "
                            + (i < count ? "line " + (i + 1) + " is not a comment" : "the file ends")
                            + "; clarify whether this is all a comment or should be parsed");
                    continue outer;
                }
                if (acc == null) {
                    acc = new StringBuilder(s);
                }
                acc.setLength(acc.length() - 1);
                acc.append(s2);
                if (acc.length() == 0) {
                    int to = Math.min(i, count - 1);
                    error(from, to, "continuation lines that join to nothing make BitBake 2.8.1 fail with"
                            + " IndexError (string index out of range)");
                    i = to + 1;
                    continue outer;
                }
                cur = acc;
            }
            String joined = cur.toString();
            int to = Math.min(i, count - 1);
            if (joined.charAt(0) == '#') {
                trivia(from, to);
            } else {
                confFeeder(from, to, joined, true);
            }
            i = to + 1;
        }
    }
}
