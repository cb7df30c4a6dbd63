package dev.bitzel.kas.internal.menu;

import dev.bitzel.kas.KasException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Kconfig language as kconfiglib 14 (which {@code kas menu} uses) reads and evaluates it: symbols of type
 * bool, tristate (treated as bool: there is no MODULES support, as in kas), string, int and hex; prompts,
 * defaults, {@code depends on}, {@code select}, {@code imply}, {@code range}, {@code visible if}, menus, choices
 * (optional too), {@code if} blocks, {@code source}/{@code rsource}/{@code osource}/{@code orsource} with globs,
 * {@code option env=}, and the preprocessor ({@code VAR = ...}, {@code :=}, {@code +=}, {@code $(VAR)},
 * environment variables, {@code $(shell,...)}, {@code $(info,...)}, {@code $(warning-if,...)},
 * {@code $(error-if,...)}, {@code $(filename)}, {@code $(lineno)}). Values follow kconfiglib's rules, including
 * the propagation of dependencies to prompts, defaults, selects and ranges. Not thread-safe.
 */
final class Kconfig {
    enum Type {
        UNKNOWN, BOOL, TRISTATE, STRING, INT, HEX
    }

    /** An expression: a symbol (or choice) or an operator node. */
    sealed interface Expr permits Sym, Choice, And, Or, Not, Rel {
    }

    record And(Expr a, Expr b) implements Expr {
    }

    record Or(Expr a, Expr b) implements Expr {
    }

    record Not(Expr a) implements Expr {
    }

    record Rel(String op, Sym a, Sym b) implements Expr {
    }

    record Default(Expr value, Expr cond) {
    }

    record Range(Sym low, Sym high, Expr cond) {
    }

    record Target(Sym sym, Expr cond) {
    }

    /** A Kconfig symbol (also the constants n, m, y and quoted values). */
    final class Sym implements Expr {
        final String name;
        final boolean constant;
        Type type = Type.UNKNOWN;
        final List<Node> nodes = new ArrayList<>();
        final List<Default> defaults = new ArrayList<>();
        final List<Range> ranges = new ArrayList<>();
        Expr revDep;
        Expr weakRevDep;
        Expr directDep;
        Choice choice;
        /** Integer 0/2 for bool, String otherwise; null: no user value. */
        Object userValue;
        String envVar;

        Sym(String name, boolean constant) {
            this.name = name;
            this.constant = constant;
        }

        /** The effective type: tristate is bool without modules support. */
        Type type() {
            return type == Type.TRISTATE ? Type.BOOL : type;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A choice block. */
    final class Choice implements Expr {
        final String name;
        Type type = Type.UNKNOWN;
        final List<Node> nodes = new ArrayList<>();
        final List<Default> defaults = new ArrayList<>();
        final List<Sym> syms = new ArrayList<>();
        boolean optional;
        Integer userValue;
        Sym userSelection;
        Expr directDep;

        Choice(String name) {
            this.name = name;
        }

        Type type() {
            return type == Type.TRISTATE ? Type.BOOL : type;
        }
    }

    /** What a menu node holds besides a symbol or choice. */
    enum Marker {
        MENU, COMMENT, IF, TOP
    }

    /** A node of the menu tree (kconfiglib's MenuNode). */
    static final class Node {
        Object item;
        String prompt;
        Expr promptCond;
        Expr dep;
        Expr visibility;
        final List<Default> defaults = new ArrayList<>();
        final List<Range> ranges = new ArrayList<>();
        final List<Target> selects = new ArrayList<>();
        final List<Target> implies = new ArrayList<>();
        final List<Node> children = new ArrayList<>();
        boolean menuconfig;
        String help;
        String file;
        int line;
    }

    final Sym n = new Sym("n", true);
    final Sym m = new Sym("m", true);
    final Sym y = new Sym("y", true);
    /** Every non-constant symbol in order of first appearance (defined or referenced), MODULES first. */
    final Map<String, Sym> syms = new LinkedHashMap<>();
    private final Map<String, Sym> constSyms = new HashMap<>();
    final Map<String, Choice> namedChoices = new HashMap<>();
    final List<Choice> choices = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final Sym modules;
    final Node top = new Node();
    String mainmenuText = "Main menu";
    private final Map<String, String> env;
    private final Path srctree;
    private final Map<String, String[]> variables = new HashMap<>();
    private final Set<String> expanding = new HashSet<>();

    // parser state
    private List<String> lines;
    private int lineIdx;
    private String file;
    private int lineNr;
    private Object[] tokens;
    private int tokenIdx;
    private boolean reuseTokens;
    private final Deque<Path> includeStack = new ArrayDeque<>();

    private Kconfig(Map<String, String> env, Path cwd) {
        this.env = env;
        String st = env.get("srctree");
        this.srctree = st != null && !st.isEmpty() ? cwd.resolve(st) : cwd;
        for (Sym c : List.of(n, m, y)) {
            constSyms.put(c.name, c);
        }
        n.type = Type.TRISTATE;
        m.type = Type.TRISTATE;
        y.type = Type.TRISTATE;
        modules = lookupSym("MODULES");
        top.item = Marker.TOP;
        top.prompt = "Main menu";
        top.promptCond = y;
        top.dep = y;
        top.visibility = y;
    }

    /** Parses {@code file} (and what it sources) and finalizes the menu tree. */
    static Kconfig parse(Path file, Map<String, String> env, Path cwd) {
        Kconfig k = new Kconfig(env, cwd);
        k.enterFile(file);
        k.parseBlock(null, k.top, k.top.children);
        k.leaveFile();
        k.top.prompt = k.mainmenuText;
        k.finalizeNode(k.top, k.y);
        for (Sym s : k.syms.values()) {
            if (s.directDep == null) {
                s.directDep = k.n;
            }
            if (s.revDep == null) {
                s.revDep = k.n;
            }
            if (s.weakRevDep == null) {
                s.weakRevDep = k.n;
            }
        }
        return k;
    }

    // ------------------------------------------------------------------ reading lines

    private record Saved(List<String> lines, int lineIdx, String file, int lineNr) {
    }

    private final Deque<Saved> saved = new ArrayDeque<>();

    private void enterFile(Path f) {
        Path abs = f.toAbsolutePath().normalize();
        if (includeStack.contains(abs)) {
            throw error("recursive 'source' of '" + abs + "'");
        }
        if (file != null) {
            saved.push(new Saved(lines, lineIdx, file, lineNr));
        }
        try {
            lines = Files.readAllLines(abs);
        } catch (IOException e) {
            throw new KasException((file != null ? file + ":" + lineNr + ": " : "") + "Could not open '" + abs
                    + "' (in '" + (file != null ? "source" : "Kconfig") + "'): " + e.getMessage());
        }
        includeStack.push(abs);
        lineIdx = 0;
        lineNr = 0;
        file = abs.toString();
    }

    private void leaveFile() {
        includeStack.pop();
        if (!saved.isEmpty()) {
            Saved s = saved.pop();
            lines = s.lines();
            lineIdx = s.lineIdx();
            file = s.file();
            lineNr = s.lineNr();
        }
    }

    private String readRawLine() {
        if (lineIdx >= lines.size()) {
            return null;
        }
        lineNr++;
        return lines.get(lineIdx++) + "\n";
    }

    /** The next logical line (continuations joined), tokenized; false at the end of the file. */
    private boolean nextLine() {
        if (reuseTokens) {
            reuseTokens = false;
            tokenIdx = 1;
            return true;
        }
        String line = readRawLine();
        if (line == null) {
            return false;
        }
        while (line.endsWith("\\\n")) {
            String more = readRawLine();
            line = line.substring(0, line.length() - 2) + (more == null ? "" : more);
        }
        tokens = tokenize(line);
        tokenIdx = 1;
        return true;
    }

    private KasException error(String msg) {
        return new KasException(file + ":" + lineNr + ": error: " + msg);
    }

    void warn(String msg) {
        warnings.add("warning: " + msg);
    }

    // ------------------------------------------------------------------ tokens

    enum Kw {
        ALLNOCONFIG_Y, AND, BOOL, CHOICE, CLOSE_PAREN, COMMENT, CONFIG, DEFAULT, DEFCONFIG_LIST, DEF_BOOL, DEF_HEX,
        DEF_INT, DEF_STRING, DEF_TRISTATE, DEPENDS, ENDCHOICE, ENDIF, ENDMENU, ENV, EQUAL, GREATER, GREATER_EQUAL,
        HELP, HEX, IF, IMPLY, INT, LESS, LESS_EQUAL, MAINMENU, MENU, MENUCONFIG, MODULES, NOT, ON, OPEN_PAREN,
        OPTION, OPTIONAL, OR, ORSOURCE, OSOURCE, PROMPT, RANGE, RSOURCE, SELECT, SOURCE, STRING, TRISTATE, UNEQUAL,
        VISIBLE
    }

    private static final Map<String, Kw> KEYWORDS = new HashMap<>();

    static {
        for (String s : List.of("allnoconfig_y", "bool", "choice", "comment", "config", "default", "defconfig_list",
                "def_bool", "def_hex", "def_int", "def_string", "def_tristate", "depends", "endchoice", "endif",
                "endmenu", "env", "help", "hex", "if", "imply", "int", "mainmenu", "menu", "menuconfig", "modules",
                "on", "option", "optional", "orsource", "osource", "prompt", "range", "rsource", "select", "source",
                "string", "tristate", "visible")) {
            KEYWORDS.put(s, Kw.valueOf(s.toUpperCase(Locale.ROOT)));
        }
        KEYWORDS.put("boolean", Kw.BOOL);
        KEYWORDS.put("---help---", Kw.HELP);
    }

    private static final Set<Kw> STRING_LEX = Set.of(Kw.BOOL, Kw.CHOICE, Kw.COMMENT, Kw.HEX, Kw.INT, Kw.MAINMENU,
            Kw.MENU, Kw.ORSOURCE, Kw.OSOURCE, Kw.PROMPT, Kw.RSOURCE, Kw.SOURCE, Kw.STRING, Kw.TRISTATE);
    private static final Set<Kw> TYPE_TOKENS = Set.of(Kw.BOOL, Kw.TRISTATE, Kw.INT, Kw.HEX, Kw.STRING);
    private static final Set<Kw> SOURCE_TOKENS = Set.of(Kw.SOURCE, Kw.RSOURCE, Kw.OSOURCE, Kw.ORSOURCE);
    private static final Set<Kw> RELATIONS = Set.of(Kw.EQUAL, Kw.UNEQUAL, Kw.LESS, Kw.LESS_EQUAL, Kw.GREATER,
            Kw.GREATER_EQUAL);
    private static final Pattern COMMAND = Pattern.compile("\\s*([A-Za-z0-9_-]+)\\s*");
    private static final Pattern ID_KEYWORD = Pattern.compile("([A-Za-z0-9_$/.-]+)\\s*");
    private static final Pattern ASSIGNMENT_LHS = Pattern.compile("[A-Za-z0-9_-]*");
    private static final Pattern ASSIGNMENT_RHS = Pattern.compile("\\s*(=|:=|\\+=)\\s*(.*)", Pattern.DOTALL);

    private Object[] tokenize(String s) {
        Matcher cm = COMMAND.matcher(s);
        if (!cm.lookingAt()) {
            if (s.isBlank() || s.stripLeading().startsWith("#")) {
                return new Object[] {null};
            }
            throw error("unknown token at start of line");
        }
        Kw first = KEYWORDS.get(cm.group(1));
        if (first == null) {
            if (s.strip().replaceAll("^[ \\t\\n-]+|[ \\t\\n-]+$", "").equals("help")) {
                return new Object[] {Kw.HELP, null};
            }
            parseAssignment(s);
            return new Object[] {null};
        }
        List<Object> out = new ArrayList<>();
        out.add(first);
        Object token = first;
        int i = cm.end();
        while (i < s.length()) {
            Matcher idm = ID_KEYWORD.matcher(s);
            idm.region(i, s.length());
            if (idm.lookingAt()) {
                String name = idm.group(1);
                Kw kw = KEYWORDS.get(name);
                if (kw != null) {
                    token = kw;
                    i = idm.end();
                } else if (!(token instanceof Kw k && STRING_LEX.contains(k))) {
                    if (name.contains("$")) {
                        String[] r = expandName(s, i);
                        name = r[0];
                        s = r[1];
                        i = Integer.parseInt(r[2]);
                    } else {
                        i = idm.end();
                    }
                    token = constSyms.containsKey(name) && List.of("n", "m", "y").contains(name) ? constSyms.get(name)
                            : lookupSym(name);
                } else {
                    if (token != Kw.CHOICE) {
                        warn("style: quotes recommended around '" + name + "' in '" + s.strip() + "'");
                    }
                    token = name;
                    i = idm.end();
                }
            } else {
                char c = s.charAt(i);
                if (c == '"' || c == '\'') {
                    String[] r = expandString(s, i, c);
                    String val = r[0];
                    s = r[1];
                    i = Integer.parseInt(r[2]);
                    val = expandVars(val);
                    token = (token instanceof Kw k && STRING_LEX.contains(k)) || out.get(0) == Kw.OPTION ? val
                            : lookupConstSym(val);
                } else if (s.startsWith("&&", i)) {
                    token = Kw.AND;
                    i += 2;
                } else if (s.startsWith("||", i)) {
                    token = Kw.OR;
                    i += 2;
                } else if (c == '=') {
                    token = Kw.EQUAL;
                    i += 1;
                } else if (s.startsWith("!=", i)) {
                    token = Kw.UNEQUAL;
                    i += 2;
                } else if (c == '!') {
                    token = Kw.NOT;
                    i += 1;
                } else if (c == '(') {
                    token = Kw.OPEN_PAREN;
                    i += 1;
                } else if (c == ')') {
                    token = Kw.CLOSE_PAREN;
                    i += 1;
                } else if (c == '#') {
                    break;
                } else if (s.startsWith("<=", i)) {
                    token = Kw.LESS_EQUAL;
                    i += 2;
                } else if (c == '<') {
                    token = Kw.LESS;
                    i += 1;
                } else if (s.startsWith(">=", i)) {
                    token = Kw.GREATER_EQUAL;
                    i += 2;
                } else if (c == '>') {
                    token = Kw.GREATER;
                    i += 1;
                } else {
                    throw error("unknown tokens in line");
                }
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
            }
            out.add(token);
        }
        out.add(null);
        return out.toArray();
    }

    /** Python's os.path.expandvars: $NAME and ${NAME} of set environment variables. */
    private String expandVars(String s) {
        if (s.indexOf('$') < 0) {
            return s;
        }
        Matcher mm = Pattern.compile("\\$(\\w+|\\{[^}]*\\})").matcher(s);
        StringBuilder sb = new StringBuilder();
        while (mm.find()) {
            String name = mm.group(1);
            if (name.startsWith("{")) {
                name = name.substring(1, name.length() - 1);
            }
            String v = env.get(name);
            mm.appendReplacement(sb, Matcher.quoteReplacement(v != null ? v : mm.group()));
        }
        mm.appendTail(sb);
        return sb.toString();
    }

    /** Reads a quoted string at {@code i}, expanding macros; answers value, the new line and the index after it. */
    private String[] expandString(String s, int i, char quote) {
        StringBuilder val = new StringBuilder();
        int j = i + 1;
        while (true) {
            if (j >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(j);
            if (c == quote) {
                j++;
                break;
            }
            if (c == '\\' && j + 1 < s.length()) {
                val.append(s.charAt(j + 1));
                j += 2;
            } else if (s.startsWith("$(", j)) {
                String[] r = expandMacro(s, j, List.of());
                String before = r[0].substring(0, Integer.parseInt(r[2]));
                val.append(before.substring(j));
                s = r[0];
                j = Integer.parseInt(r[2]);
            } else {
                val.append(c);
                j++;
            }
        }
        while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
            j++;
        }
        return new String[] {val.toString(), s, String.valueOf(j)};
    }

    private String[] expandName(String s, int i) {
        StringBuilder name = new StringBuilder();
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (s.startsWith("$(", j)) {
                String[] r = expandMacro(s, j, List.of());
                int end = Integer.parseInt(r[2]);
                name.append(r[0], j, end);
                s = r[0];
                j = end;
            } else if (Character.isLetterOrDigit(c) || "_/.-".indexOf(c) >= 0) {
                name.append(c);
                j++;
            } else {
                break;
            }
        }
        while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
            j++;
        }
        if (name.length() == 0) {
            throw error("macro expanded to blank string");
        }
        return new String[] {name.toString(), s, String.valueOf(j)};
    }

    /**
     * Expands the macro at {@code s[i] = "$("}: answers the line with the expansion in place, as element 0, and
     * the index after the expansion, as element 2.
     */
    private String[] expandMacro(String s, int i, List<String> args) {
        StringBuilder res = new StringBuilder(s.substring(0, i));
        int j = i + 2;
        int argStart = j;
        List<String> newArgs = new ArrayList<>();
        int nesting = 0;
        while (true) {
            int k = j;
            while (k < s.length() && s.charAt(k) != '(' && s.charAt(k) != ')' && s.charAt(k) != ','
                    && !s.startsWith("$(", k)) {
                k++;
            }
            if (k >= s.length()) {
                throw error("missing end parenthesis in macro expansion");
            }
            if (s.startsWith("$(", k)) {
                String[] r = expandMacro(s, k, args);
                s = r[0];
                j = Integer.parseInt(r[2]);
            } else if (s.charAt(k) == '(') {
                nesting++;
                j = k + 1;
            } else if (s.charAt(k) == ')') {
                if (nesting > 0) {
                    nesting--;
                    j = k + 1;
                    continue;
                }
                newArgs.add(s.substring(argStart, k));
                String value;
                try {
                    value = args.get(Integer.parseInt(newArgs.get(0).strip()));
                } catch (NumberFormatException | IndexOutOfBoundsException e) {
                    value = fnVal(newArgs);
                }
                res.append(value);
                int end = res.length();
                return new String[] {res + s.substring(k + 1), null, String.valueOf(end)};
            } else {
                j = k + 1;
                if (nesting > 0) {
                    continue;
                }
                newArgs.add(s.substring(argStart, k));
                argStart = j;
            }
        }
    }

    private String expandWhole(String s, List<String> args) {
        int i = 0;
        while ((i = s.indexOf("$(", i)) >= 0) {
            String[] r = expandMacro(s, i, args);
            s = r[0];
            i = Integer.parseInt(r[2]);
        }
        return s;
    }

    private String fnVal(List<String> args) {
        String fn = args.get(0);
        String[] var = variables.get(fn);
        if (var != null) {
            if (args.size() == 1 && expanding.contains(fn)) {
                throw error("Preprocessor variable " + fn + " recursively references itself");
            }
            expanding.add(fn);
            try {
                return expandWhole(var[0], args);
            } finally {
                expanding.remove(fn);
            }
        }
        switch (fn) {
            case "filename":
                return file;
            case "lineno":
                return String.valueOf(lineNr);
            case "info":
                warnings.add(file + ":" + lineNr + ": " + (args.size() > 1 ? args.get(1) : ""));
                return "";
            case "warning-if":
                if (args.size() > 2 && args.get(1).equals("y")) {
                    warn(file + ":" + lineNr + ": " + args.get(2));
                }
                return "";
            case "error-if":
                if (args.size() > 2 && args.get(1).equals("y")) {
                    throw new KasException(file + ":" + lineNr + ": " + args.get(2));
                }
                return "";
            case "shell":
                return shell(args.size() > 1 ? args.get(1) : "");
            default:
                break;
        }
        String e = env.get(fn);
        return e != null ? e : "";
    }

    private String shell(String cmd) {
        try {
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", cmd).redirectErrorStream(false);
            pb.environment().clear();
            pb.environment().putAll(env);
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
            return out.replaceAll("\n+$", "").replace('\n', ' ');
        } catch (IOException e) {
            throw error("$(shell," + cmd + ") could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw error("interrupted in $(shell," + cmd + ")");
        }
    }

    private void parseAssignment(String s) {
        s = s.stripLeading();
        int i = 0;
        while (true) {
            Matcher lm = ASSIGNMENT_LHS.matcher(s);
            lm.region(i, s.length());
            lm.lookingAt();
            i = lm.end();
            if (s.startsWith("$(", i)) {
                String[] r = expandMacro(s, i, List.of());
                s = r[0];
                i = Integer.parseInt(r[2]);
            } else {
                break;
            }
        }
        if (s.isBlank()) {
            return;
        }
        String name = s.substring(0, i);
        Matcher rm = ASSIGNMENT_RHS.matcher(s);
        rm.region(i, s.length());
        if (!rm.lookingAt()) {
            throw error("syntax error");
        }
        String op = rm.group(1);
        String val = rm.group(2).replaceAll("\\s+$", "");
        String[] var = variables.get(name);
        if (var == null) {
            var = new String[] {"", "true"};
            variables.put(name, var);
            if (op.equals("+=")) {
                op = "=";
            }
        }
        switch (op) {
            case "=" -> {
                var[0] = val;
                var[1] = "true";
            }
            case ":=" -> {
                var[0] = expandWhole(val, List.of());
                var[1] = "false";
            }
            default -> var[0] = var[0] + " " + (var[1].equals("true") ? val : expandWhole(val, List.of()));
        }
    }

    private Sym lookupSym(String name) {
        Sym s = syms.get(name);
        if (s == null) {
            s = new Sym(name, false);
            syms.put(name, s);
        }
        return s;
    }

    private Sym lookupConstSym(String name) {
        return constSyms.computeIfAbsent(name, k -> new Sym(k, true));
    }

    private Object peek() {
        return tokens[tokenIdx];
    }

    private boolean checkToken(Kw kw) {
        if (tokens[tokenIdx] == kw) {
            tokenIdx++;
            return true;
        }
        return false;
    }

    private void expectEol() {
        if (tokens[tokenIdx] != null) {
            throw error("extra tokens at end of line");
        }
    }

    private String expectStrAndEol() {
        Object t = tokens[tokenIdx];
        if (!(t instanceof String s)) {
            throw error("expected string");
        }
        tokenIdx++;
        expectEol();
        return s;
    }

    private Sym expectSym() {
        Object t = tokens[tokenIdx];
        if (!(t instanceof Sym s)) {
            throw error("expected symbol");
        }
        tokenIdx++;
        return s;
    }

    private Sym expectNonConstSym() {
        Sym s = expectSym();
        if (s.constant) {
            throw error("expected nonconstant symbol");
        }
        return s;
    }

    private Expr parseCond() {
        Expr e = checkToken(Kw.IF) ? parseExpr(true) : y;
        expectEol();
        return e;
    }

    private Expr parseExpr(boolean transformM) {
        Expr a = parseAndExpr(transformM);
        return checkToken(Kw.OR) ? new Or(a, parseExpr(transformM)) : a;
    }

    private Expr parseAndExpr(boolean transformM) {
        Expr f = parseFactor(transformM);
        return checkToken(Kw.AND) ? new And(f, parseAndExpr(transformM)) : f;
    }

    private Expr parseFactor(boolean transformM) {
        Object token = tokens[tokenIdx++];
        if (token instanceof Sym s) {
            Object next = tokens[tokenIdx];
            if (!(next instanceof Kw k && RELATIONS.contains(k))) {
                if (transformM && s == m) {
                    return new And(m, modules);
                }
                return s;
            }
            tokenIdx++;
            return new Rel(((Kw) next).name(), s, expectSym());
        }
        if (token == Kw.NOT) {
            return new Not(parseFactor(transformM));
        }
        if (token == Kw.OPEN_PAREN) {
            Expr e = parseExpr(transformM);
            if (checkToken(Kw.CLOSE_PAREN)) {
                return e;
            }
        }
        throw error("malformed expression");
    }

    // ------------------------------------------------------------------ blocks

    private void parseBlock(Kw endToken, Node parent, List<Node> into) {
        while (nextLine()) {
            Object t0 = tokens[0];
            if (t0 == Kw.CONFIG || t0 == Kw.MENUCONFIG) {
                if (!(tokens[1] instanceof Sym sym) || sym.constant) {
                    throw error("missing or bad symbol name");
                }
                if (tokens[2] != null) {
                    throw error("extra tokens at end of line");
                }
                Node node = newNode(sym);
                node.menuconfig = t0 == Kw.MENUCONFIG;
                sym.nodes.add(node);
                parseProps(node);
                if (node.menuconfig && node.prompt == null) {
                    warn("the menuconfig symbol " + sym.name + " has no prompt");
                }
                into.add(node);
            } else if (t0 == null) {
                continue;
            } else if (t0 instanceof Kw k && SOURCE_TOKENS.contains(k)) {
                tokenIdx = 1;
                String pattern = expectStrAndEol();
                if (k == Kw.RSOURCE || k == Kw.ORSOURCE) {
                    pattern = Path.of(file).getParent().resolve(pattern).toString();
                }
                List<Path> files = glob(srctree.resolve(pattern));
                if (files.isEmpty() && (k == Kw.SOURCE || k == Kw.RSOURCE)) {
                    throw new KasException(file + ":" + lineNr + ": '" + pattern + "' not found (in '" + k.name()
                            .toLowerCase(Locale.ROOT) + " \"" + pattern + "\"'). Check that environment variables are "
                            + "set correctly (e.g. $srctree, which is " + (env.containsKey("srctree")
                            ? "set to '" + env.get("srctree") + "'" : "unset or blank") + ").");
                }
                for (Path f : files) {
                    enterFile(f);
                    parseBlock(null, parent, into);
                    leaveFile();
                }
            } else if (t0 == endToken) {
                if (tokens[1] != null) {
                    throw error("extra tokens at end of line");
                }
                return;
            } else if (t0 == Kw.IF) {
                Node node = new Node();
                node.item = Marker.IF;
                tokenIdx = 1;
                node.dep = parseExpr(true);
                expectEol();
                parseBlock(Kw.ENDIF, node, node.children);
                into.add(node);
            } else if (t0 == Kw.MENU) {
                Node node = newNode(Marker.MENU);
                node.menuconfig = true;
                tokenIdx = 1;
                node.prompt = expectStrAndEol();
                node.promptCond = y;
                node.visibility = y;
                parseProps(node);
                parseBlock(Kw.ENDMENU, node, node.children);
                into.add(node);
            } else if (t0 == Kw.COMMENT) {
                Node node = newNode(Marker.COMMENT);
                tokenIdx = 1;
                node.prompt = expectStrAndEol();
                node.promptCond = y;
                parseProps(node);
                into.add(node);
            } else if (t0 == Kw.CHOICE) {
                Choice choice;
                if (tokens[1] == null) {
                    choice = new Choice(null);
                } else {
                    tokenIdx = 1;
                    String name = expectStrAndEol();
                    choice = namedChoices.computeIfAbsent(name, Choice::new);
                }
                if (!choices.contains(choice)) {
                    choices.add(choice);
                }
                Node node = newNode(choice);
                node.menuconfig = true;
                choice.nodes.add(node);
                parseProps(node);
                parseBlock(Kw.ENDCHOICE, node, node.children);
                into.add(node);
            } else if (t0 == Kw.MAINMENU) {
                tokenIdx = 1;
                mainmenuText = expectStrAndEol();
            } else {
                throw error(t0 == Kw.ENDCHOICE ? "no corresponding 'choice'" : t0 == Kw.ENDIF
                        ? "no corresponding 'if'" : t0 == Kw.ENDMENU ? "no corresponding 'menu'"
                        : "unrecognized construct");
            }
        }
        if (endToken != null) {
            throw new KasException("error: expected '" + endToken.name().toLowerCase(Locale.ROOT) + "' at end of '"
                    + file + "'");
        }
    }

    private Node newNode(Object item) {
        Node node = new Node();
        node.item = item;
        node.file = file;
        node.line = lineNr;
        return node;
    }

    private static List<Path> glob(Path pattern) {
        String p = pattern.toString();
        if (!p.contains("*") && !p.contains("?") && !p.contains("[")) {
            return Files.exists(pattern) ? List.of(pattern) : List.of();
        }
        Path base = pattern.getRoot();
        List<Path> out = new ArrayList<>();
        int firstGlob = 0;
        for (int i = 0; i < pattern.getNameCount(); i++) {
            String part = pattern.getName(i).toString();
            if (part.contains("*") || part.contains("?") || part.contains("[")) {
                firstGlob = i;
                break;
            }
            base = base.resolve(part);
        }
        if (!Files.isDirectory(base)) {
            return out;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + p);
        int depth = pattern.getNameCount() - firstGlob;
        try (Stream<Path> s = Files.walk(base, depth)) {
            s.filter(matcher::matches).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new KasException("cannot list " + base + " for source \"" + pattern + "\": " + e.getMessage());
        }
        return out;
    }

    private void parseProps(Node node) {
        node.dep = y;
        while (nextLine()) {
            Object t0 = tokens[0];
            if (t0 instanceof Kw k && TYPE_TOKENS.contains(k)) {
                setType(node.item, typeOf(k));
                if (tokens[1] != null) {
                    parsePrompt(node);
                }
            } else if (t0 == Kw.DEPENDS) {
                if (!checkToken(Kw.ON)) {
                    throw error("expected 'on' after 'depends'");
                }
                Expr e = parseExpr(true);
                expectEol();
                node.dep = and(node.dep, e);
            } else if (t0 == Kw.HELP) {
                parseHelp(node);
            } else if (t0 == Kw.SELECT) {
                if (!(node.item instanceof Sym)) {
                    throw error("only symbols can select");
                }
                node.selects.add(new Target(expectNonConstSym(), parseCond()));
            } else if (t0 == null) {
                continue;
            } else if (t0 == Kw.DEFAULT) {
                Expr v = parseExpr(false);
                node.defaults.add(new Default(v, parseCond()));
            } else if (t0 == Kw.DEF_BOOL || t0 == Kw.DEF_TRISTATE || t0 == Kw.DEF_INT || t0 == Kw.DEF_HEX
                    || t0 == Kw.DEF_STRING) {
                setType(node.item, switch ((Kw) t0) {
                    case DEF_BOOL -> Type.BOOL;
                    case DEF_TRISTATE -> Type.TRISTATE;
                    case DEF_INT -> Type.INT;
                    case DEF_HEX -> Type.HEX;
                    default -> Type.STRING;
                });
                Expr v = parseExpr(false);
                node.defaults.add(new Default(v, parseCond()));
            } else if (t0 == Kw.PROMPT) {
                parsePrompt(node);
            } else if (t0 == Kw.RANGE) {
                Sym low = expectSym();
                Sym high = expectSym();
                node.ranges.add(new Range(low, high, parseCond()));
            } else if (t0 == Kw.IMPLY) {
                if (!(node.item instanceof Sym)) {
                    throw error("only symbols can imply");
                }
                node.implies.add(new Target(expectNonConstSym(), parseCond()));
            } else if (t0 == Kw.VISIBLE) {
                if (!checkToken(Kw.IF)) {
                    throw error("expected 'if' after 'visible'");
                }
                Expr e = parseExpr(true);
                expectEol();
                node.visibility = and(node.visibility, e);
            } else if (t0 == Kw.OPTION) {
                if (checkToken(Kw.ENV)) {
                    if (!checkToken(Kw.EQUAL)) {
                        throw error("expected '=' after 'env'");
                    }
                    String var = expectStrAndEol();
                    Sym sym = (Sym) node.item;
                    sym.envVar = var;
                    if (env.containsKey(var)) {
                        node.defaults.add(new Default(lookupConstSym(env.get(var)), y));
                    } else {
                        warn(sym.name + " has 'option env=\"" + var + "\"', but the environment variable " + var
                                + " is not set");
                    }
                } else if (checkToken(Kw.DEFCONFIG_LIST) || checkToken(Kw.MODULES)
                        || checkToken(Kw.ALLNOCONFIG_Y)) {
                    expectEol();
                } else {
                    throw error("unrecognized option");
                }
            } else if (t0 == Kw.OPTIONAL) {
                if (!(node.item instanceof Choice c)) {
                    throw error("\"optional\" is only valid for choices");
                }
                c.optional = true;
            } else {
                reuseTokens = true;
                return;
            }
        }
    }

    private static Type typeOf(Kw k) {
        return switch (k) {
            case BOOL -> Type.BOOL;
            case TRISTATE -> Type.TRISTATE;
            case INT -> Type.INT;
            case HEX -> Type.HEX;
            default -> Type.STRING;
        };
    }

    private void setType(Object item, Type t) {
        if (item instanceof Sym s) {
            if (s.type != Type.UNKNOWN && s.type != t) {
                warn(s.name + " defined with multiple types, " + t.name().toLowerCase(Locale.ROOT) + " will be used");
            }
            s.type = t;
        } else if (item instanceof Choice c) {
            c.type = t;
        }
    }

    private void parsePrompt(Node node) {
        Object p = tokens[1];
        tokenIdx = 2;
        if (!(p instanceof String prompt)) {
            throw error("expected prompt string");
        }
        node.prompt = prompt.strip();
        node.promptCond = parseCond();
    }

    private void parseHelp(Node node) {
        String line;
        while (true) {
            line = readRawLine();
            if (line == null) {
                node.help = "";
                return;
            }
            if (!line.isBlank()) {
                break;
            }
        }
        String exp = expandTabs(line);
        int indent = exp.length() - exp.stripLeading().length();
        if (indent == 0) {
            node.help = "";
            pushBack();
            return;
        }
        StringBuilder sb = new StringBuilder(exp.substring(indent));
        while (true) {
            line = readRawLine();
            if (line == null) {
                break;
            }
            if (line.isBlank()) {
                sb.append('\n');
                continue;
            }
            exp = expandTabs(line);
            if (exp.length() - exp.stripLeading().length() < indent) {
                pushBack();
                break;
            }
            sb.append(exp.substring(indent));
        }
        node.help = sb.toString().stripTrailing();
    }

    private void pushBack() {
        lineIdx--;
        lineNr--;
    }

    private static String expandTabs(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\t') {
                sb.append(" ".repeat(8 - sb.length() % 8));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ finalizing

    Expr and(Expr a, Expr b) {
        if (a == y) {
            return b;
        }
        if (b == y) {
            return a;
        }
        if (a == n || b == n) {
            return n;
        }
        return new And(a, b);
    }

    Expr or(Expr a, Expr b) {
        if (a == null || a == n) {
            return b;
        }
        if (b == n) {
            return a;
        }
        if (a == y || b == y) {
            return y;
        }
        return new Or(a, b);
    }

    private void finalizeNode(Node node, Expr visibleIf) {
        if (node.item instanceof Sym) {
            addPropsToSym(node);
        } else if (!node.children.isEmpty()) {
            if (node.item == Marker.MENU) {
                visibleIf = and(visibleIf, node.visibility);
            }
            propagateDeps(node, visibleIf);
            for (Node c : node.children) {
                finalizeNode(c, visibleIf);
            }
        }
        if (!node.children.isEmpty()) {
            List<Node> flat = new ArrayList<>();
            for (Node c : node.children) {
                if (c.item == Marker.IF) {
                    flat.addAll(c.children);
                } else {
                    flat.add(c);
                }
            }
            node.children.clear();
            node.children.addAll(flat);
        }
        if (node.item instanceof Choice choice) {
            choice.directDep = or(choice.directDep == null ? n : choice.directDep, node.dep);
            choice.defaults.addAll(node.defaults);
            for (Node c : node.children) {
                if (c.item instanceof Sym s) {
                    s.choice = choice;
                    if (!choice.syms.contains(s)) {
                        choice.syms.add(s);
                    }
                }
            }
            if (choice.type == Type.UNKNOWN) {
                for (Sym s : choice.syms) {
                    if (s.type != Type.UNKNOWN) {
                        choice.type = s.type;
                        break;
                    }
                }
            }
            for (Sym s : choice.syms) {
                if (s.type == Type.UNKNOWN) {
                    s.type = choice.type;
                }
            }
        }
    }

    private void propagateDeps(Node node, Expr visibleIf) {
        Expr basedep = node.item instanceof Choice c ? c : node.dep;
        for (Node cur : node.children) {
            Expr dep = cur.dep = and(cur.dep, basedep);
            if (cur.item instanceof Sym || cur.item instanceof Choice) {
                if (cur.prompt != null) {
                    cur.promptCond = and(cur.promptCond, and(visibleIf, dep));
                }
                replaceAll(cur.defaults, d -> new Default(d.value(), and(d.cond(), dep)));
                replaceAll(cur.ranges, r -> new Range(r.low(), r.high(), and(r.cond(), dep)));
                replaceAll(cur.selects, t -> new Target(t.sym(), and(t.cond(), dep)));
                replaceAll(cur.implies, t -> new Target(t.sym(), and(t.cond(), dep)));
            } else if (cur.prompt != null) {
                cur.promptCond = and(cur.promptCond, dep);
            }
        }
    }

    private static <T> void replaceAll(List<T> list, java.util.function.UnaryOperator<T> f) {
        list.replaceAll(f);
    }

    private void addPropsToSym(Node node) {
        Sym sym = (Sym) node.item;
        sym.directDep = or(sym.directDep == null ? n : sym.directDep, node.dep);
        sym.defaults.addAll(node.defaults);
        sym.ranges.addAll(node.ranges);
        for (Target t : node.selects) {
            t.sym().revDep = or(t.sym().revDep == null ? n : t.sym().revDep, and(sym, t.cond()));
        }
        for (Target t : node.implies) {
            t.sym().weakRevDep = or(t.sym().weakRevDep == null ? n : t.sym().weakRevDep, and(sym, t.cond()));
        }
    }

    // ------------------------------------------------------------------ values (kconfiglib's semantics)

    private record Key(char kind, Object item) {
    }

    private final Map<Key, Object> cache = new HashMap<>();
    private final Set<Key> computing = new HashSet<>();

    /** Forgets computed values (after a user value changed). */
    void invalidate() {
        cache.clear();
    }

    private Object cached(char kind, Object item, java.util.function.Supplier<Object> compute) {
        Key k = new Key(kind, item);
        Object v = cache.get(k);
        if (v != null) {
            return v;
        }
        if (!computing.add(k)) {
            throw new KasException("Kconfig dependency loop through " + item);
        }
        try {
            v = compute.get();
        } finally {
            computing.remove(k);
        }
        cache.put(k, v);
        return v;
    }

    int exprValue(Expr e) {
        if (e instanceof Sym s) {
            return tri(s);
        }
        if (e instanceof Choice c) {
            return tri(c);
        }
        if (e instanceof And a) {
            int v1 = exprValue(a.a());
            return v1 == 0 ? 0 : Math.min(v1, exprValue(a.b()));
        }
        if (e instanceof Or o) {
            int v1 = exprValue(o.a());
            return v1 == 2 ? 2 : Math.max(v1, exprValue(o.b()));
        }
        if (e instanceof Not nt) {
            return 2 - exprValue(nt.a());
        }
        Rel r = (Rel) e;
        int comp;
        if (r.a().type() == Type.STRING && r.b().type() == Type.STRING) {
            comp = str(r.a()).compareTo(str(r.b()));
        } else {
            Long x = toNum(r.a());
            Long z = toNum(r.b());
            comp = x != null && z != null ? Long.compare(x, z) : str(r.a()).compareTo(str(r.b()));
        }
        boolean res = switch (r.op()) {
            case "EQUAL" -> comp == 0;
            case "UNEQUAL" -> comp != 0;
            case "LESS" -> comp < 0;
            case "LESS_EQUAL" -> comp <= 0;
            case "GREATER" -> comp > 0;
            default -> comp >= 0;
        };
        return res ? 2 : 0;
    }

    private Long toNum(Sym s) {
        if (s.type() == Type.BOOL) {
            return (long) tri(s);
        }
        int base = s.type() == Type.HEX ? 16 : s.type() == Type.INT ? 10 : 0;
        return parseNum(str(s), base);
    }

    /** Python's {@code int(s, base)} (base 0: with prefixes), or null when it does not parse. */
    static Long parseNum(String s, int base) {
        String t = s.strip().replace("_", "");
        boolean neg = false;
        if (t.startsWith("-") || t.startsWith("+")) {
            neg = t.startsWith("-");
            t = t.substring(1);
        }
        int b = base;
        String lower = t.toLowerCase(Locale.ROOT);
        if ((base == 16 || base == 0) && lower.startsWith("0x")) {
            t = t.substring(2);
            b = 16;
        } else if (base == 0 && lower.startsWith("0o")) {
            t = t.substring(2);
            b = 8;
        } else if (base == 0 && lower.startsWith("0b")) {
            t = t.substring(2);
            b = 2;
        } else if (base == 0) {
            if (t.length() > 1 && t.startsWith("0") && !t.chars().allMatch(c -> c == '0')) {
                return null;
            }
            b = 10;
        }
        if (t.isEmpty()) {
            return null;
        }
        try {
            long v = Long.parseLong(t, b);
            return neg ? -v : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    int visibility(Object sc) {
        return (Integer) cached('v', sc, () -> {
            List<Node> nodes = sc instanceof Sym s ? s.nodes : ((Choice) sc).nodes;
            int vis = 0;
            for (Node node : nodes) {
                if (node.prompt != null) {
                    vis = Math.max(vis, exprValue(node.promptCond));
                }
            }
            Type type = sc instanceof Sym s ? s.type() : ((Choice) sc).type();
            if (vis == 1 && type != Type.TRISTATE) {
                return 2;
            }
            return vis;
        });
    }

    int tri(Choice c) {
        return (Integer) cached('c', c, () -> {
            int val = c.optional ? 0 : 1;
            if (c.userValue != null) {
                val = Math.max(val, c.userValue);
            }
            val = Math.min(val, visibility(c));
            return val == 1 && c.type() == Type.BOOL ? 2 : val;
        });
    }

    /** The selected symbol of a choice in y mode, or null. */
    Sym selection(Choice c) {
        Object v = cached('s', c, () -> {
            if (tri(c) != 2) {
                return Boolean.FALSE;
            }
            if (c.userSelection != null && visibility(c.userSelection) > 0) {
                return c.userSelection;
            }
            for (Default d : c.defaults) {
                if (exprValue(d.cond()) > 0 && d.value() instanceof Sym s && visibility(s) > 0) {
                    return s;
                }
            }
            for (Sym s : c.syms) {
                if (visibility(s) > 0) {
                    return s;
                }
            }
            return Boolean.FALSE;
        });
        return v instanceof Sym s ? s : null;
    }

    int tri(Sym s) {
        if (s.constant) {
            return s == y ? 2 : s == m ? 1 : 0;
        }
        return (Integer) cached('t', s, () -> {
            if (s.type() != Type.BOOL) {
                return 0;
            }
            int val = 0;
            int vis = visibility(s);
            if (s.choice == null) {
                if (vis > 0 && s.userValue != null) {
                    val = Math.min((Integer) s.userValue, vis);
                } else {
                    for (Default d : s.defaults) {
                        int depVal = exprValue(d.cond());
                        if (depVal > 0) {
                            val = Math.min(exprValue(d.value()), depVal);
                            break;
                        }
                    }
                    int depVal = exprValue(s.weakRevDep);
                    if (depVal > 0 && exprValue(s.directDep) > 0) {
                        val = Math.max(depVal, val);
                    }
                }
                int depVal = exprValue(s.revDep);
                if (depVal > 0) {
                    if (exprValue(s.directDep) < depVal) {
                        warn(s.name + " has direct dependencies " + exprStr(s.directDep) + " with value "
                                + triStr(exprValue(s.directDep)) + ", but is currently being selected");
                    }
                    val = Math.max(depVal, val);
                }
                if (val == 1 && (s.type() == Type.BOOL || exprValue(s.weakRevDep) == 2)) {
                    val = 2;
                }
            } else if (vis == 2) {
                val = selection(s.choice) == s ? 2 : 0;
            } else if (vis > 0 && s.userValue != null && (Integer) s.userValue != 0) {
                val = 1;
            }
            return val;
        });
    }

    static String triStr(int v) {
        return v == 2 ? "y" : v == 1 ? "m" : "n";
    }

    String str(Sym s) {
        if (s.constant) {
            return s.name;
        }
        return (String) cached('x', s, () -> {
            Type t = s.type();
            if (t == Type.BOOL) {
                return triStr(tri(s));
            }
            if (t == Type.UNKNOWN) {
                return s.name;
            }
            String val = "";
            int vis = visibility(s);
            if (t == Type.INT || t == Type.HEX) {
                int base = t == Type.HEX ? 16 : 10;
                Long low = null;
                Long high = null;
                boolean hasRange = false;
                for (Range r : s.ranges) {
                    if (exprValue(r.cond()) > 0) {
                        hasRange = true;
                        Long l = parseNum(str(r.low()), base);
                        Long h = parseNum(str(r.high()), base);
                        low = l == null ? 0L : l;
                        high = h == null ? 0L : h;
                        break;
                    }
                }
                boolean useDefaults = true;
                if (vis > 0 && s.userValue instanceof String u && !u.isEmpty()) {
                    Long uv = parseNum(u, base);
                    if (hasRange && (uv == null || uv < low || uv > high)) {
                        warn("user value " + u + " on the " + t.name().toLowerCase(Locale.ROOT) + " symbol " + s.name
                                + " ignored due to being outside the active range ([" + numStr(low, t) + ", "
                                + numStr(high, t) + "]) -- falling back on defaults");
                    } else {
                        val = u;
                        useDefaults = false;
                    }
                }
                if (useDefaults) {
                    boolean hasDefault = false;
                    long valNum = 0;
                    for (Default d : s.defaults) {
                        if (exprValue(d.cond()) > 0) {
                            hasDefault = true;
                            val = strOf(d.value());
                            Long v = parseNum(val, base);
                            valNum = v == null ? 0 : v;
                            break;
                        }
                    }
                    if (hasRange) {
                        Long clamp = valNum < low ? low : valNum > high ? high : null;
                        if (clamp != null) {
                            val = numStr(clamp, t);
                            if (hasDefault) {
                                warn("default value " + valNum + " on " + s.name + " clamped to " + val
                                        + " due to being outside the active range");
                            }
                        }
                    }
                }
            } else {
                if (vis > 0 && s.userValue instanceof String u) {
                    val = u;
                } else {
                    for (Default d : s.defaults) {
                        if (exprValue(d.cond()) > 0) {
                            val = strOf(d.value());
                            break;
                        }
                    }
                }
            }
            return val;
        });
    }

    private String strOf(Expr e) {
        if (e instanceof Sym s) {
            return str(s);
        }
        return triStr(exprValue(e));
    }

    private static String numStr(long v, Type t) {
        if (t == Type.HEX) {
            return (v < 0 ? "-0x" : "0x") + Long.toHexString(Math.abs(v));
        }
        return String.valueOf(v);
    }

    /** kconfiglib's set_value: the user value, if valid for the type (else a warning and false). */
    boolean setValue(Sym s, Object value) {
        Object v = value;
        if (s.type() == Type.BOOL && v instanceof String str && List.of("n", "m", "y").contains(str)) {
            v = str.equals("y") ? 2 : str.equals("m") ? 1 : 0;
        }
        boolean ok = s.type() == Type.BOOL && v instanceof Integer i && (i == 0 || i == 2)
                || v instanceof String str && (s.type() == Type.STRING
                        || s.type() == Type.INT && parseNum(str, 10) != null
                        || s.type() == Type.HEX && parseNum(str, 16) != null && parseNum(str, 16) >= 0);
        if (!ok) {
            warn("the value " + (v instanceof Integer i ? triStr(i) : "'" + v + "'") + " is invalid for " + s.name
                    + ", which has type " + s.type().name().toLowerCase(Locale.ROOT) + " -- assignment ignored");
            return false;
        }
        s.userValue = v;
        if (s.choice != null && Integer.valueOf(2).equals(v)) {
            s.choice.userSelection = s;
        }
        invalidate();
        return true;
    }

    String exprStr(Expr e) {
        if (e instanceof Sym s) {
            return s.constant && !List.of("n", "m", "y").contains(s.name) ? "\"" + s.name + "\"" : s.name;
        }
        if (e instanceof Choice c) {
            return "<choice" + (c.name != null ? " " + c.name : "") + ">";
        }
        if (e instanceof And a) {
            return exprStr(a.a()) + " && " + exprStr(a.b());
        }
        if (e instanceof Or o) {
            return "(" + exprStr(o.a()) + " || " + exprStr(o.b()) + ")";
        }
        if (e instanceof Not nt) {
            return "!" + exprStr(nt.a());
        }
        Rel r = (Rel) e;
        return exprStr(r.a()) + " " + r.op() + " " + exprStr(r.b());
    }
}
