package dev.bitzel.parser.internal.syntax;

import dev.bitzel.parser.syntax.AddHandlerStatement;
import dev.bitzel.parser.syntax.AddTaskStatement;
import dev.bitzel.parser.syntax.DelTaskStatement;
import dev.bitzel.parser.syntax.ExportFunctionsStatement;
import dev.bitzel.parser.syntax.FunctionStatement;
import dev.bitzel.parser.syntax.InheritStatement;
import dev.bitzel.parser.syntax.PythonDefStatement;
import java.util.List;

/**
 * {@code BBHandler.get_statements} and {@code BBHandler.feeder}: the per-line state machine of recipes,
 * classes and include files, with its globals {@code __infunc__}, {@code __inpython__}, {@code __body__}
 * and {@code __residue__} as fields.
 */
final class RecipeMachine {

    private enum Mode { NORMAL, FUNCTION, PYTHON_DEF }

    private static final List<String> SETVAR_KEYWORDS = List.of(":append_", ":prepend_", ":remove_");

    private final SyntaxParser p;
    private Mode mode = Mode.NORMAL;

    // __residue__: lines ending in a backslash, waiting to be joined.
    private int residueStart = -1;
    private final StringBuilder residue = new StringBuilder();
    private boolean residueFirstEmpty;
    private char residueFirst;

    // __infunc__ and __body__ of a brace function.
    private int funcStart;
    private int funcHeaderEnd;
    private String funcName;
    private boolean funcPython;
    private boolean funcFakeroot;
    private final StringBuilder body = new StringBuilder();
    private int bodyLines;
    private int diagnosticMark;
    /** Set once a function ran to the end of file: no later line is a lone brace, so no later function closes. */
    private boolean noCloserFollows;

    // __inpython__ and __body__ of a def block.
    private int defStart;
    private String defName;
    private final StringBuilder defSource = new StringBuilder();

    RecipeMachine(SyntaxParser parser) {
        this.p = parser;
    }

    void run() {
        int count = p.lines().count();
        int i = 0;
        while (true) {
            for (; i < count; i++) {
                feed(i);
            }
            if (mode != Mode.FUNCTION) {
                break;
            }
            // BitBake fails ("Shell function ... is never closed"); recover by reading the lines after the
            // header as ordinary statements, discarding warnings given while they were taken as a body.
            p.truncateDiagnostics(diagnosticMark);
            p.error(funcStart, funcHeaderEnd, unclosedMessage(funcName, funcHeaderEnd));
            mode = Mode.NORMAL;
            noCloserFollows = true;
            i = funcHeaderEnd + 1;
        }
        if (mode == Mode.PYTHON_DEF) {
            // feeder(lineno, "", eof=True) with lineno one past the last line.
            emitDef(count - 1, count + 1);
        }
        if (residueStart >= 0) {
            p.error(residueStart, count - 1, "unparsed lines at end of file: line " + count
                    + " ends with '\\' but no line follows");
        }
    }

    private static String unclosedMessage(String name, int headerEnd) {
        String what = name.isEmpty() ? "anonymous python function" : "function " + name;
        return "expected '}' to close " + what + " started at line " + (headerEnd + 1);
    }

    private void feed(int i) {
        String s = p.stripped(i);
        if (mode == Mode.PYTHON_DEF || (mode == Mode.FUNCTION && funcPython)) {
            checkTabs(s, i);
        }
        if (mode == Mode.FUNCTION) {
            if (s.equals("}")) {
                int entries = bodyLines + 1;
                int lineno = i + 1;
                p.add(new FunctionStatement(p.range(funcStart, i), p.slice(funcStart, i), funcName, funcPython,
                        funcFakeroot, body.toString(), lineno - entries), funcStart, i);
                mode = Mode.NORMAL;
            } else {
                body.append(s).append('\n');
                bodyLines++;
            }
            return;
        }
        if (mode == Mode.PYTHON_DEF) {
            if (s.isEmpty() || Py.isSpace(s.charAt(0)) || s.charAt(0) == '#') {
                defSource.append('\n').append(s);
                return;
            }
            emitDef(i - 1, i + 1);
        }

        boolean comment = !s.isEmpty() && s.charAt(0) == '#';
        if (residueStart >= 0) {
            if (residueFirstEmpty) {
                p.error(residueStart, i - 1, "line " + (residueStart + 1) + " is a lone '\\', which makes BitBake"
                        + " 2.8.1 fail with IndexError (string index out of range) on the next line");
                clearResidue();
            } else if (comment && residueFirst != '#') {
                p.error(residueStart, i, "comment on line " + (i + 1) + " is in the middle of the multiline"
                        + " expression started at line " + (residueStart + 1));
                clearResidue();
                return;
            } else if (residueFirst == '#' && !comment) {
                p.error(residueStart, i - 1, "confusing multiline, partially commented expression: the comment"
                        + " on line " + (residueStart + 1) + " ends with '\\' but line " + (i + 1)
                        + " is not a comment; clarify whether this is all a comment or should be parsed");
                clearResidue();
            }
        }
        if (!s.isEmpty() && s.charAt(s.length() - 1) == '\\') {
            if (residueStart < 0) {
                residueStart = i;
                residueFirstEmpty = s.length() == 1;
                residueFirst = s.charAt(0);
            }
            residue.append(s, 0, s.length() - 1);
            return;
        }
        int from = i;
        if (residueStart >= 0) {
            from = residueStart;
            s = residue.append(s).toString();
            clearResidue();
        }
        statement(from, i, s);
    }

    private void clearResidue() {
        residueStart = -1;
        residue.setLength(0);
    }

    private void checkTabs(String s, int i) {
        int k = 0;
        while (k < s.length() && s.charAt(k) == ' ') {
            k++;
        }
        if (k < s.length() && s.charAt(k) == '\t') {
            p.warning(i + 1, k + 1, "python should use 4 spaces indentation, but found tabs in "
                    + p.baseName() + ", line " + (i + 1));
        }
    }

    private void emitDef(int to, int lineno) {
        p.add(new PythonDefStatement(p.range(defStart, to), p.slice(defStart, to), defName, defSource.toString(),
                lineno), defStart, to);
        defSource.setLength(0);
        mode = Mode.NORMAL;
    }

    /** The part of {@code feeder} after joining: one logical line {@code s} spanning lines from..to. */
    private void statement(int from, int to, String s) {
        if (s.isEmpty() || s.charAt(0) == '#') {
            p.trivia(from, to);
            return;
        }
        Grammar.FuncStart fs = Grammar.funcStart(s);
        if (fs != null) {
            String name = fs.name() == null || fs.name().equals("__anonymous") ? "" : fs.name();
            if (noCloserFollows) {
                p.error(from, to, unclosedMessage(name, to));
                return;
            }
            mode = Mode.FUNCTION;
            funcStart = from;
            funcHeaderEnd = to;
            funcName = name;
            funcPython = fs.python() || name.isEmpty();
            funcFakeroot = fs.fakeroot();
            body.setLength(0);
            bodyLines = 0;
            diagnosticMark = p.diagnosticCount();
            return;
        }
        String name = Grammar.def(s);
        if (name != null) {
            mode = Mode.PYTHON_DEF;
            defStart = from;
            defName = name;
            defSource.setLength(0);
            defSource.append(s);
            return;
        }
        String rest;
        if ((rest = Grammar.keywordRest(s, "EXPORT_FUNCTIONS")) != null) {
            p.add(new ExportFunctionsStatement(p.range(from, to), p.slice(from, to), Py.split(rest)), from, to);
            return;
        }
        Grammar.AddTask task = Grammar.addTask(s);
        if (task != null) {
            addTask(from, to, s, task);
            return;
        }
        if ((rest = Grammar.keywordRest(s, "deltask")) != null) {
            p.add(new DelTaskStatement(p.range(from, to), p.slice(from, to), Py.split(rest)), from, to);
            return;
        }
        if ((rest = Grammar.keywordRest(s, "addhandler")) != null) {
            p.add(new AddHandlerStatement(p.range(from, to), p.slice(from, to), Py.split(rest)), from, to);
            return;
        }
        if ((rest = Grammar.keywordRest(s, "inherit")) != null) {
            p.add(new InheritStatement(p.range(from, to), p.slice(from, to), false, rest), from, to);
            return;
        }
        if ((rest = Grammar.keywordRest(s, "inherit_defer")) != null) {
            p.add(new InheritStatement(p.range(from, to), p.slice(from, to), true, rest), from, to);
            return;
        }
        p.confFeeder(from, to, s, false);
    }

    private void addTask(int from, int to, String s, Grammar.AddTask task) {
        List<String> words = Py.split(s);
        for (String word : words) {
            for (String keyword : SETVAR_KEYWORDS) {
                if (word.contains(keyword)) {
                    p.error(from, to, "task name '" + word + "' contains a keyword which is not"
                            + " recommended/supported (:append, :prepend, :remove); please rename the task");
                    return;
                }
            }
        }
        if (Py.split(s.substring(0, task.matchEnd())).size() == 2 && task.funcEnd() < s.length()) {
            p.warning(to + 1, 1, "addtask ignored: \"" + s.substring(task.funcEnd()) + "\"");
        }
        for (String keyword : List.of("before", "after")) {
            if (words.stream().filter(keyword::equals).count() > 1) {
                p.warning(to + 1, 1, "addtask contained multiple '" + keyword + "' keywords, only one is supported");
            }
        }
        p.add(new AddTaskStatement(p.range(from, to), p.slice(from, to), List.of(task.func()),
                task.after() == null ? List.of() : Py.split(task.after()),
                task.before() == null ? List.of() : Py.split(task.before())), from, to);
    }
}
