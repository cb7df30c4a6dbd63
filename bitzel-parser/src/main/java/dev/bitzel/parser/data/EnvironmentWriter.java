package dev.bitzel.parser.data;

import dev.bitzel.parser.internal.data.PyStrings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a datastore as {@code bitbake -e} does ({@code bb.data.emit_env(all=True)}): every variable with its
 * history and final value, in shell syntax, variables first, then shell functions.
 *
 * <p>Stateless and thread-safe; the store must not change while it is written.
 */
public final class EnvironmentWriter {

    private EnvironmentWriter() {
    }

    /**
     * Writes every variable of {@code d} (except internal ones starting with {@code __}) to {@code out}.
     *
     * @param d the store; its history appears when it was tracking
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void write(DataStore d, Appendable out) throws IOException {
        Objects.requireNonNull(d, "d");
        Objects.requireNonNull(out, "out");
        List<String> variables = new ArrayList<>();
        List<String> functions = new ArrayList<>();
        for (String key : d.keys()) {
            if (key.startsWith("__")) {
                continue;
            }
            (isTrue(flag(d, key, "func")) ? functions : variables).add(key);
        }
        variables.sort(null);
        functions.sort(null);
        for (String key : variables) {
            if (emit(key, out, d, true)) {
                out.append('\n');
            }
        }
        for (String key : functions) {
            if (emit(key, out, d, false)) {
                out.append('\n');
            }
        }
    }

    /**
     * Writes what a shell task script needs to run function {@code func}, as BitBake's
     * {@code bb.data.emit_func}: every exported (or unexported) variable, sorted, then {@code func} and every
     * shell function it calls, directly or through other functions (and their {@code [vardeps]}).
     *
     * <p>A function counts as called when its name appears as a word in the caller's code; naming a function
     * in an argument or a comment therefore also emits it, which is harmless for a script that only defines it.
     *
     * @param d the recipe's store
     * @param func the shell function to run, e.g. {@code do_compile}
     * @param out where to write
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if {@code func} is not a shell function of {@code d}
     */
    public static void writeFunction(DataStore d, String func, Appendable out) throws IOException {
        Objects.requireNonNull(d, "d");
        Objects.requireNonNull(func, "func");
        Objects.requireNonNull(out, "out");
        if (!isTrue(flag(d, func, "func")) || isTrue(flag(d, func, "python"))) {
            throw new IllegalArgumentException("'" + func + "' is not a shell function");
        }
        List<String> keys = new ArrayList<>();
        Set<String> shellFunctions = new HashSet<>();
        for (String key : d.keys()) {
            if (key.startsWith("__")) {
                continue;
            }
            if (isTrue(flag(d, key, "func"))) {
                if (!isTrue(flag(d, key, "python"))) {
                    shellFunctions.add(key);
                }
            } else {
                keys.add(key);
            }
        }
        keys.sort(null);
        for (String key : keys) {
            emit(key, out, d, false);
        }
        out.append('\n');
        if (emit(func, out, d, false)) {
            out.append('\n');
        }
        Set<String> seen = new HashSet<>();
        seen.add(func);
        TreeSet<String> next = calledFunctions(d, func, shellFunctions);
        while (!next.isEmpty()) {
            TreeSet<String> deps = next;
            seen.addAll(deps);
            next = new TreeSet<>();
            for (String dep : deps) {
                if (shellFunctions.contains(dep)) {
                    if (emit(dep, out, d, false)) {
                        out.append('\n');
                    }
                    next.addAll(calledFunctions(d, dep, shellFunctions));
                }
            }
            next.removeAll(seen);
        }
    }

    private static final Pattern SHELL_WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_.+\\-]*");

    private static TreeSet<String> calledFunctions(DataStore d, String func,
            Set<String> shellFunctions) {
        TreeSet<String> result = new TreeSet<>();
        String body;
        try {
            body = d.getVar(func, false);
        } catch (ExpansionException e) {
            throw new IllegalStateException("unreachable: reading without expansion failed for " + func, e);
        }
        if (body != null) {
            Matcher m = SHELL_WORD.matcher(body);
            while (m.find()) {
                if (shellFunctions.contains(m.group())) {
                    result.add(m.group());
                }
            }
        }
        String vardeps = flag(d, func, "vardeps");
        if (vardeps != null) {
            result.addAll(PyStrings.split(vardeps));
        }
        result.remove(func);
        return result;
    }

    private static String flag(DataStore d, String var, String flag) {
        try {
            return d.getVarFlag(var, flag, false);
        } catch (ExpansionException e) {
            return null;
        }
    }

    /** {@code bb.utils.to_boolean} for flag values. */
    private static boolean isTrue(String value) {
        if (value == null) {
            return false;
        }
        Object scalar = ObjectValues.scalar(value);
        if (scalar != null) {
            // an int, bool or float stored from Python: to_boolean answers its truth
            return scalar instanceof Boolean b ? b : ((Number) scalar).doubleValue() != 0;
        }
        String v = value.toLowerCase(Locale.ROOT);
        return v.equals("1") || v.equals("yes") || v.equals("y") || v.equals("true") || v.equals("t");
    }

    /** {@code bb.data.emit_var}: returns whether a blank line should follow. */
    private static boolean emit(String var, Appendable o, DataStore d, boolean all) throws IOException {
        boolean func = isTrue(flag(d, var, "func"));
        if (func && isTrue(flag(d, var, "python"))) {
            return false;
        }
        boolean export = isTrue(flag(d, var, "export"));
        boolean unexport = isTrue(flag(d, var, "unexport"));
        if (!all && !export && !unexport && !func) {
            return false;
        }
        String oval;
        String val;
        try {
            oval = all ? d.getVar(var, false) : null;
            val = d.getVar(var);
        } catch (ExpansionException | UncheckedExpansionException e) {
            o.append("# expansion of ").append(var).append(" threw ExpansionError: ")
                    .append(String.valueOf(e.getMessage())).append('\n');
            return false;
        }
        if (all) {
            emitHistory(var, oval, d, o);
        }
        if (!all && (var.contains("-") || var.contains(".") || var.contains("{") || var.contains("}")
                || var.contains("+"))) {
            return false;
        }
        String expanded;
        try {
            expanded = d.expand(var);
        } catch (ExpansionException e) {
            expanded = var;
        }
        if (unexport) {
            o.append("unset ").append(expanded).append('\n');
            return false;
        }
        if (val == null) {
            return false;
        }
        if (ObjectValues.isObject(val)) {
            try {
                val = ObjectValues.describe(val, d.python()).text(); // emit_var's str(val)
            } catch (IllegalArgumentException e) {
                o.append("# ").append(var).append(" holds a Python object that is not available: ")
                        .append(String.valueOf(e.getMessage())).append('\n');
                return false;
            }
        }
        if (func) {
            o.append("# line: ").append(orNone(flag(d, var, "lineno"))).append(", file: ")
                    .append(orNone(flag(d, var, "filename"))).append('\n');
            o.append(expanded).append("() {\n").append(stripTrailingNewlines(val)).append("\n}\n");
            return true;
        }
        if (export) {
            o.append("export ");
        }
        String alter = val.replace("\"", "\\\"").replace("\n", " \\\n").replace("$", "\\$");
        o.append(expanded).append("=\"").append(alter).append("\"\n");
        return false;
    }

    /** Python's {@code str(None)} for an unset flag, as BitBake's format string prints it. */
    private static String orNone(String s) {
        return s == null ? "None" : s;
    }

    private static String stripTrailingNewlines(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * Where an operation happened: {@code file:line}; operations Bitzel itself made (BitBake prints the Python
     * source line of its own code there) show the step in brackets, e.g. {@code [expandVarref]}.
     */
    private static String location(HistoryEntry event) {
        if (event.file() == null) {
            return "[bitzel]";
        }
        if (event.line() == 0 && event.file().startsWith("[")) {
            return event.file();
        }
        return event.file() + ":" + event.line();
    }

    /** {@code VariableHistory.emit}. */
    private static void emitHistory(String var, String oval, DataStore d, Appendable o) throws IOException {
        List<HistoryEntry> history = d.history(var);
        String commentVal = String.valueOf(oval).replace("\n", "\n#");
        if (history.isEmpty()) {
            o.append("#\n# $").append(var).append("\n#   [no history recorded]\n#\n");
            o.append("#   \"").append(commentVal).append("\"\n");
            return;
        }
        if (history.size() == 1) {
            o.append("#\n# $").append(var).append('\n');
        } else {
            o.append("#\n# $").append(var).append(" [").append(String.valueOf(history.size()))
                    .append(" operations]\n");
        }
        for (HistoryEntry event : history) {
            String flag = event.flag() == null ? "" : "[" + event.flag() + "] ";
            o.append("#   ").append(event.op()).append(' ').append(location(event)).append("\n#     ").append(flag)
                    .append('"')
                    .append(String.valueOf(event.detail()).replace("\n", "\n#     ")).append("\"\n");
        }
        if (history.size() > 1) {
            o.append("# pre-expansion value:\n#   \"").append(commentVal).append("\"\n");
        }
    }
}
