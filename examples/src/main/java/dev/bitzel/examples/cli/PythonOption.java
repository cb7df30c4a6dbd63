package dev.bitzel.examples.cli;

import dev.bitzel.parser.data.PythonEvaluator;
import dev.bitzel.parser.data.UnevaluatedPython;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The {@code --python} option of the parser commands, and the evaluator it selects. */
final class PythonOption {
    @Option(names = "--python", paramLabel = "MODE", description = "builtin (default): evaluate Python in "
            + "metadata with the built-in interpreter; survey: leave it unexpanded and count it.")
    PythonMode mode = PythonMode.builtin;

    private final UnevaluatedPython survey = new UnevaluatedPython();
    private PythonEvaluator evaluator;

    /** The evaluator the option selects; the same one on every call. */
    PythonEvaluator evaluator() {
        if (evaluator == null) {
            evaluator = mode == PythonMode.survey ? survey : PythonEvaluator.builtin();
        }
        return evaluator;
    }

    boolean surveying() {
        return mode == PythonMode.survey;
    }

    /** What survey mode counted (all zero in builtin mode). */
    UnevaluatedPython survey() {
        return survey;
    }

    /** Tells the user, once, that values they see may hold unexpanded Python. */
    void warnIfUnexpanded(PrintWriter err) {
        if (survey.unevaluatedExpressions() > 0) {
            err.println("WARNING: --python survey: values containing ${@...} are shown unexpanded");
        }
    }
}
