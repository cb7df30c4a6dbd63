package dev.bitzel.parser.internal.python;

import dev.bitzel.parser.internal.data.PyStrings;
import dev.bitzel.parser.internal.python.Lexer.Kind;
import dev.bitzel.parser.internal.python.Lexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A recursive-descent parser from tokens straight to executable nodes, recording scopes as it goes. */
final class Parser {
    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield");

    private final List<Token> toks;
    private final String file;
    private final int lineOffset;
    private final Lexer lexer;
    private int p;
    private Scope scope;
    private String qualPrefix = "";
    private int loopDepth;

    private Parser(List<Token> toks, String file, int lineOffset, Lexer lexer, Scope scope) {
        this.toks = toks;
        this.file = file;
        this.lineOffset = lineOffset;
        this.lexer = lexer;
        this.scope = scope;
    }

    /** Parses a module (exec mode). */
    static Code parseModule(String src, String file, int firstLine) {
        Lexer lx = new Lexer(src, file, firstLine);
        Scope module = new Scope(Scope.Kind.MODULE, null, "<module>");
        Parser ps = new Parser(lx.tokenize(), file, firstLine - 1, lx, module);
        List<Stmt> body = new ArrayList<>();
        while (ps.peek().kind() != Kind.EOF) {
            if (ps.peek().kind() == Kind.NEWLINE) {
                ps.p++;
                continue;
            }
            if (ps.peek().kind() == Kind.INDENT) {
                throw ps.error("unexpected indent", ps.peek());
            }
            body.addAll(ps.statement());
        }
        module.resolveTree(file);
        return new Code(file, module, body.toArray(new Stmt[0]), null);
    }

    /** Parses one expression (eval mode). */
    static Code parseExpression(String src, String file, int firstLine) {
        Lexer lx = new Lexer(src.strip(), file, firstLine);
        Scope module = new Scope(Scope.Kind.MODULE, null, "<module>");
        Parser ps = new Parser(lx.tokenize(), file, firstLine - 1, lx, module);
        Expr e = ps.starExpressions();
        while (ps.peek().kind() == Kind.NEWLINE) {
            ps.p++;
        }
        if (ps.peek().kind() != Kind.EOF) {
            throw ps.error("invalid syntax", ps.peek());
        }
        module.resolveTree(file);
        return new Code(file, module, null, e);
    }

    // ---------------------------------------------------------------- tokens

    private Token peek() {
        return toks.get(p);
    }

    private Token peek(int k) {
        return toks.get(Math.min(p + k, toks.size() - 1));
    }

    private Token next() {
        return toks.get(p++);
    }

    private boolean at(String s) {
        Token t = toks.get(p);
        return (t.kind() == Kind.OP || t.kind() == Kind.NAME) && t.text().equals(s);
    }

    private boolean accept(String s) {
        if (at(s)) {
            p++;
            return true;
        }
        return false;
    }

    private Token expect(String s) {
        if (!at(s)) {
            Token t = peek();
            if (s.equals(":") || s.equals("=") || s.equals("in") || s.equals("import")) {
                throw error("expected '" + s + "'", t);
            }
            if (s.equals(")") || s.equals("]") || s.equals("}")) {
                throw error(t.kind() == Kind.EOF ? "unexpected EOF while parsing" : "invalid syntax", t);
            }
            throw error("invalid syntax", t);
        }
        return next();
    }

    private String expectName() {
        Token t = peek();
        if (t.kind() != Kind.NAME || KEYWORDS.contains(t.text())) {
            throw error("invalid syntax", t);
        }
        p++;
        return t.text();
    }

    private boolean atName() {
        Token t = peek();
        return t.kind() == Kind.NAME && !KEYWORDS.contains(t.text());
    }

    PythonSyntaxError error(String msg, Token t) {
        if (lexer.unclosed != null && t.kind() != Kind.NAME && t.kind() != Kind.OP && t.kind() != Kind.NUMBER
                && t.kind() != Kind.STRING && t.line() + lineOffset >= lexer.unclosed.line()) {
            return lexer.unclosed;
        }
        return new PythonSyntaxError(file, t.line() + lineOffset, t.col(), msg);
    }

    private <T extends Stmt> T at(T s, Token t) {
        s.line = t.line() + lineOffset;
        return s;
    }

    private <T extends Expr> T at(T e, Token t) {
        e.line = t.line() + lineOffset;
        e.col = t.col();
        return e;
    }

    private Exprs.Name name(String id, Token t) {
        Exprs.Name n = at(new Exprs.Name(id), t);
        scope.refs.add(n);
        return n;
    }

    private Exprs.Name storeName(String id, Token t) {
        Exprs.Name n = name(id, t);
        scope.locals.add(id);
        return n;
    }

    private void markStore(Expr e, Token t) {
        if (e instanceof Exprs.Name n) {
            if (KEYWORDS.contains(n.id)) {
                throw error("cannot assign to " + n.id, t);
            }
            scope.locals.add(n.id);
        } else if (e instanceof Exprs.TupleExpr te) {
            for (Expr x : te.items) {
                markStore(x, t);
            }
        } else if (e instanceof Exprs.ListExpr le) {
            for (Expr x : le.items) {
                markStore(x, t);
            }
        } else if (e instanceof Exprs.Starred s) {
            markStore(s.value, t);
        } else if (!(e instanceof Exprs.Attribute) && !(e instanceof Exprs.Subscript)) {
            String what = e.describe();
            throw new PythonSyntaxError(file, e.line == 0 ? t.line() + lineOffset : e.line, e.col == 0 ? t.col() : e.col,
                    "cannot assign to " + what + (e instanceof Exprs.Call || e instanceof Exprs.Const
                            ? " here. Maybe you meant '==' instead of '='?" : ""));
        }
    }

    // ---------------------------------------------------------------- statements

    private List<Stmt> statement() {
        Token t = peek();
        if (t.kind() == Kind.NAME) {
            switch (t.text()) {
                case "if": return List.of(ifStmt());
                case "while": return List.of(whileStmt());
                case "for": return List.of(forStmt());
                case "try": return List.of(tryStmt());
                case "with": return List.of(withStmt());
                case "def": return List.of(funcDef(new Expr[0]));
                case "class": return List.of(classDef(new Expr[0]));
                case "async": return asyncStmt(t, new Expr[0]);
                case "match": {
                    Stmt m = matchStmt();
                    if (m != null) {
                        return List.of(m);
                    }
                    break;
                }
                default: break;
            }
        }
        if (at("@")) {
            return decorated();
        }
        return simpleStmts();
    }

    /**
     * {@code match subject:} and its cases, or null (nothing consumed) when {@code match} starts another
     * statement: it is a soft keyword, a statement only when an expression and a {@code :} ending the line
     * follow it.
     */
    private Stmt matchStmt() {
        // decided on the tokens alone (the line ends with ':'), so that nothing is parsed twice
        int end = p + 1;
        while (peek(end - p).kind() != Kind.NEWLINE && peek(end - p).kind() != Kind.EOF) {
            end++;
        }
        Token after = peek(1);
        boolean operator = after.kind() == Kind.OP && !after.is("(") && !after.is("[") && !after.is("{")
                && !after.is("-") && !after.is("+") && !after.is("~") && !after.is("*");
        if (end == p + 1 || operator || !peek(end - p - 1).is(":")) {
            return null;
        }
        Token t = next();
        Expr subject = starExpressions();
        expect(":");
        p++;
        if (peek().kind() != Kind.INDENT) {
            throw error("expected an indented block after 'match' statement on line " + (t.line() + lineOffset),
                    peek());
        }
        p++;
        List<Match.Case> cases = new ArrayList<>();
        while (peek().kind() != Kind.DEDENT && peek().kind() != Kind.EOF) {
            if (peek().kind() == Kind.NEWLINE) {
                p++;
                continue;
            }
            Token c = peek();
            if (!c.is("case")) {
                throw error("invalid syntax", c);
            }
            p++;
            Match.Pattern pattern = openSequencePattern();
            Expr guard = accept("if") ? namedExpr() : null;
            cases.add(new Match.Case(pattern, guard, block("'case' statement", c)));
        }
        if (cases.isEmpty()) {
            throw error("invalid syntax", peek());
        }
        if (peek().kind() == Kind.DEDENT) {
            p++;
        }
        return at(new Match.MatchStmt(subject, cases.toArray(new Match.Case[0])), t);
    }

    /** A case's patterns: {@code p1, p2} without brackets is a sequence pattern. */
    private Match.Pattern openSequencePattern() {
        Match.Pattern first = maybeStarPattern();
        if (!at(",")) {
            return first instanceof Match.Star ? new Match.Sequence(new Match.Pattern[] {first}) : first;
        }
        List<Match.Pattern> items = new ArrayList<>(List.of(first));
        while (accept(",") && !at(":") && !at("if")) {
            items.add(maybeStarPattern());
        }
        return new Match.Sequence(items.toArray(new Match.Pattern[0]));
    }

    private Match.Pattern maybeStarPattern() {
        if (accept("*")) {
            Token n = peek();
            String id = expectName();
            return new Match.Star(id.equals("_") ? null : storeName(id, n));
        }
        return asPattern();
    }

    private Match.Pattern asPattern() {
        Match.Pattern pattern = orPattern();
        if (accept("as")) {
            Token n = peek();
            String id = expectName();
            if (id.equals("_")) {
                throw error("cannot use '_' as a target", n);
            }
            return new Match.As(pattern, storeName(id, n));
        }
        return pattern;
    }

    private Match.Pattern orPattern() {
        Match.Pattern first = closedPattern();
        if (!at("|")) {
            return first;
        }
        List<Match.Pattern> alternatives = new ArrayList<>(List.of(first));
        while (accept("|")) {
            alternatives.add(closedPattern());
        }
        return new Match.Or(alternatives.toArray(new Match.Pattern[0]));
    }

    private Match.Pattern closedPattern() {
        Token t = peek();
        if (t.kind() == Kind.NUMBER || t.is("-") || t.kind() == Kind.STRING) {
            return new Match.Value(literalPatternValue());
        }
        if (t.is("None") || t.is("True") || t.is("False")) {
            p++;
            return new Match.Singleton(t.is("None") ? PyNone.NONE : (Object) t.is("True"));
        }
        if (accept("(")) {
            if (accept(")")) {
                return new Match.Sequence(new Match.Pattern[0]);
            }
            Match.Pattern first = maybeStarPattern();
            if (accept(")")) {
                return first instanceof Match.Star ? new Match.Sequence(new Match.Pattern[] {first}) : first;
            }
            List<Match.Pattern> items = new ArrayList<>(List.of(first));
            while (accept(",") && !at(")")) {
                items.add(maybeStarPattern());
            }
            expect(")");
            return new Match.Sequence(items.toArray(new Match.Pattern[0]));
        }
        if (accept("[")) {
            List<Match.Pattern> items = new ArrayList<>();
            while (!at("]")) {
                items.add(maybeStarPattern());
                if (!accept(",")) {
                    break;
                }
            }
            expect("]");
            return new Match.Sequence(items.toArray(new Match.Pattern[0]));
        }
        if (accept("{")) {
            return mappingPattern();
        }
        if (t.kind() == Kind.NAME && !KEYWORDS.contains(t.text())) {
            p++;
            if (!at(".") && !at("(")) {
                return t.text().equals("_") ? new Match.Wildcard() : new Match.Capture(storeName(t.text(), t));
            }
            Expr value = name(t.text(), t);
            while (accept(".")) {
                Token a = peek();
                value = at(new Exprs.Attribute(value, expectName()), a);
            }
            return at("(") ? classPattern(value) : new Match.Value(value);
        }
        throw error("invalid syntax", t);
    }

    /** A number (signed, or a sum with an imaginary part), strings, or a dotted name: a literal or value key. */
    private Expr literalPatternValue() {
        return peek().kind() == Kind.STRING ? strings() : arith();
    }

    private Match.Pattern mappingPattern() {
        List<Expr> keys = new ArrayList<>();
        List<Match.Pattern> values = new ArrayList<>();
        Exprs.Name rest = null;
        while (!at("}")) {
            if (accept("**")) {
                Token n = peek();
                rest = storeName(expectName(), n);
            } else {
                Token k = peek();
                if (k.is("None") || k.is("True") || k.is("False")) {
                    p++;
                    keys.add(at(new Exprs.Const(k.is("None") ? PyNone.NONE : (Object) k.is("True")), k));
                } else if (k.kind() == Kind.NAME) {
                    p++;
                    Expr key = name(k.text(), k);
                    while (accept(".")) {
                        Token a = peek();
                        key = at(new Exprs.Attribute(key, expectName()), a);
                    }
                    keys.add(key);
                } else {
                    keys.add(literalPatternValue());
                }
                expect(":");
                values.add(asPattern());
            }
            if (!accept(",")) {
                break;
            }
        }
        expect("}");
        return new Match.Mapping(keys.toArray(new Expr[0]), values.toArray(new Match.Pattern[0]), rest);
    }

    private Match.Pattern classPattern(Expr cls) {
        expect("(");
        List<Match.Pattern> positional = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Match.Pattern> keywords = new ArrayList<>();
        while (!at(")")) {
            if (atName() && peek(1).is("=")) {
                names.add(expectName());
                p++;
                keywords.add(asPattern());
            } else {
                if (!names.isEmpty()) {
                    throw error("positional patterns follow keyword patterns", peek());
                }
                positional.add(asPattern());
            }
            if (!accept(",")) {
                break;
            }
        }
        expect(")");
        return new Match.ClassPattern(cls, positional.toArray(new Match.Pattern[0]), names.toArray(new String[0]),
                keywords.toArray(new Match.Pattern[0]));
    }

    private List<Stmt> asyncStmt(Token t, Expr[] decorators) {
        // parsed for syntax, but running coroutines is not supported
        p++;
        Stmt s = at("def") ? funcDef(decorators) : at("for") ? forStmt() : at("with") ? withStmt() : null;
        if (s == null) {
            throw error("invalid syntax", peek());
        }
        if (s instanceof Stmts.FunctionDef fd) {
            Stmt[] stub = {at(new Stmts.Unsupported("async def " + fd.code.name), t)};
            FuncCode c = fd.code;
            FuncCode async = new FuncCode(c.name, c.qualname, c.scope, c.posNames, c.nposonly, c.varargName,
                    c.kwonlyNames, c.kwargName, stub, null, c.file, c.firstLine, c.doc, 0);
            c.scope.generator = false;
            return List.of(at(new Stmts.FunctionDef(fd.target, fd.decorators, async, fd.defaults,
                    fd.kwdefaultNames, fd.kwdefaults), t));
        }
        return List.of(at(new Stmts.Unsupported("async " + (s instanceof Stmts.For ? "for" : "with")), t));
    }

    private List<Stmt> simpleStmts() {
        List<Stmt> r = new ArrayList<>();
        while (true) {
            r.add(simpleStmt());
            if (accept(";")) {
                if (peek().kind() == Kind.NEWLINE || peek().kind() == Kind.EOF) {
                    break;
                }
                continue;
            }
            break;
        }
        Token t = peek();
        if (t.kind() == Kind.NEWLINE) {
            p++;
        } else if (t.kind() != Kind.EOF) {
            throw error("invalid syntax", t);
        }
        return r;
    }

    private Stmt[] block(String what, Token owner) {
        expect(":");
        if (peek().kind() == Kind.NEWLINE) {
            p++;
            if (peek().kind() != Kind.INDENT) {
                throw error("expected an indented block after " + what + " on line " + (owner.line() + lineOffset),
                        peek());
            }
            p++;
            List<Stmt> body = new ArrayList<>();
            while (peek().kind() != Kind.DEDENT && peek().kind() != Kind.EOF) {
                if (peek().kind() == Kind.NEWLINE) {
                    p++;
                    continue;
                }
                if (peek().kind() == Kind.INDENT) {
                    throw error("unexpected indent", peek());
                }
                body.addAll(statement());
            }
            if (peek().kind() == Kind.DEDENT) {
                p++;
            }
            return body.toArray(new Stmt[0]);
        }
        return simpleStmts().toArray(new Stmt[0]);
    }

    private Stmt simpleStmt() {
        Token t = peek();
        if (t.kind() == Kind.NAME) {
            switch (t.text()) {
                case "pass":
                    p++;
                    return at(new Stmts.Pass(), t);
                case "break":
                    p++;
                    if (loopDepth == 0) {
                        throw error("'break' outside loop", t);
                    }
                    return at(new Stmts.Break(), t);
                case "continue":
                    p++;
                    if (loopDepth == 0) {
                        throw error("'continue' not properly in loop", t);
                    }
                    return at(new Stmts.Continue(), t);
                case "return": {
                    p++;
                    if (scope.kind != Scope.Kind.FUNCTION) {
                        throw error("'return' outside function", t);
                    }
                    Expr v = atEndOfSimple() ? null : starExpressions();
                    return at(new Stmts.Return(v), t);
                }
                case "raise": {
                    p++;
                    Expr e = null;
                    Expr cause = null;
                    if (!atEndOfSimple()) {
                        e = test();
                        if (accept("from")) {
                            cause = test();
                        }
                    }
                    return at(new Stmts.Raise(e, cause), t);
                }
                case "global":
                case "nonlocal": {
                    p++;
                    do {
                        Token nt = peek();
                        String n = expectName();
                        if (scope.kind != Scope.Kind.MODULE || t.text().equals("nonlocal")) {
                            if (t.text().equals("global")) {
                                scope.globals.add(n);
                            } else {
                                if (scope.kind == Scope.Kind.MODULE) {
                                    throw error("nonlocal declaration not allowed at module level", t);
                                }
                                if (scope.params.contains(n)) {
                                    throw error("name '" + n + "' is parameter and nonlocal", nt);
                                }
                                scope.nonlocals.add(n);
                            }
                        }
                    } while (accept(","));
                    return at(new Stmts.Pass(), t);
                }
                case "del": {
                    p++;
                    List<Expr> targets = new ArrayList<>();
                    do {
                        if (atEndOfSimple()) {
                            break;
                        }
                        Expr e = bitOr();
                        if (!e.isAssignable()) {
                            throw new PythonSyntaxError(file, e.line, e.col, "cannot delete " + e.describe());
                        }
                        markStore(e, t);
                        targets.add(e);
                    } while (accept(","));
                    return at(new Stmts.Del(targets.toArray(new Expr[0])), t);
                }
                case "assert": {
                    p++;
                    Expr test = test();
                    Expr msg = accept(",") ? test() : null;
                    return at(new Stmts.Assert(test, msg), t);
                }
                case "import":
                    return importStmt();
                case "from":
                    return fromImport();
                default:
                    break;
            }
        }
        Expr e = at("yield") ? yieldExpr() : starExpressions();
        if (e instanceof Exprs.Name pn && (pn.id.equals("print") || pn.id.equals("exec"))
                && (peek().kind() == Kind.STRING || peek().kind() == Kind.NAME || peek().kind() == Kind.NUMBER)) {
            throw error("Missing parentheses in call to '" + pn.id + "'. Did you mean " + pn.id + "(...)?", t);
        }
        if (at("=")) {
            List<Expr> parts = new ArrayList<>();
            parts.add(e);
            while (accept("=")) {
                parts.add(at("yield") ? yieldExpr() : starExpressions());
            }
            Expr[] targets = new Expr[parts.size() - 1];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = parts.get(i);
                markStore(targets[i], t);
            }
            return at(new Stmts.Assign(targets, parts.get(parts.size() - 1)), t);
        }
        Token op = peek();
        if (op.kind() == Kind.OP && op.text().length() >= 2 && op.text().endsWith("=") && !op.text().equals("==")
                && !op.text().equals("<=") && !op.text().equals(">=") && !op.text().equals("!=")) {
            p++;
            String sym = op.text().substring(0, op.text().length() - 1);
            int code = -1;
            for (int i = 0; i < Ops.OP_SYMBOLS.length; i++) {
                if (Ops.OP_SYMBOLS[i].equals(sym)) {
                    code = i;
                }
            }
            if (!(e instanceof Exprs.Name || e instanceof Exprs.Attribute || e instanceof Exprs.Subscript)) {
                throw error("'" + e.describe() + "' is an illegal expression for augmented assignment", t);
            }
            markStore(e, t);
            Expr v = at("yield") ? yieldExpr() : starExpressions();
            return at(new Stmts.AugAssign(e, code, v), t);
        }
        if (at(":")) {
            p++;
            Expr annotation = test();
            Stmt assign = null;
            if (accept("=")) {
                markStore(e, t);
                Expr v = at("yield") ? yieldExpr() : starExpressions();
                assign = at(new Stmts.Assign(new Expr[] {e}, v), t);
            } else if (e instanceof Exprs.Name n) {
                scope.locals.add(n.id);
            }
            if (e instanceof Exprs.Name n && scope.kind != Scope.Kind.FUNCTION) {
                // module and class bodies record the annotations of names (dataclasses read them)
                return at(new Stmts.Annotated(assign, n.id, annotation), t);
            }
            return assign != null ? assign : at(new Stmts.Pass(), t);
        }
        return at(new Stmts.ExprStmt(e), t);
    }

    private boolean atEndOfSimple() {
        Token t = peek();
        return t.kind() == Kind.NEWLINE || t.kind() == Kind.EOF || at(";");
    }

    private String dottedName() {
        StringBuilder sb = new StringBuilder(expectName());
        while (accept(".")) {
            sb.append('.').append(expectName());
        }
        return sb.toString();
    }

    private Stmt importStmt() {
        Token t = next();
        List<String> mods = new ArrayList<>();
        List<Exprs.Name> targets = new ArrayList<>();
        List<Boolean> aliased = new ArrayList<>();
        do {
            Token nt = peek();
            String m = dottedName();
            mods.add(m);
            if (accept("as")) {
                targets.add(storeName(expectName(), nt));
                aliased.add(true);
            } else {
                int dot = m.indexOf('.');
                targets.add(storeName(dot < 0 ? m : m.substring(0, dot), nt));
                aliased.add(false);
            }
        } while (accept(","));
        boolean[] al = new boolean[aliased.size()];
        for (int i = 0; i < al.length; i++) {
            al[i] = aliased.get(i);
        }
        return at(new Stmts.Import(mods.toArray(new String[0]), targets.toArray(new Exprs.Name[0]), al), t);
    }

    private Stmt fromImport() {
        Token t = next();
        int level = 0;
        while (at(".") || at("...")) {
            level += next().text().length();
        }
        String module = null;
        if (!at("import")) {
            module = dottedName();
        }
        expect("import");
        if (accept("*")) {
            if (scope.kind == Scope.Kind.FUNCTION) {
                throw error("import * only allowed at module level", t);
            }
            return at(new Stmts.ImportFrom(module, level, null, null), t);
        }
        boolean paren = accept("(");
        List<String> names = new ArrayList<>();
        List<Exprs.Name> targets = new ArrayList<>();
        do {
            if (paren && at(")")) {
                break;
            }
            Token nt = peek();
            String n = expectName();
            names.add(n);
            targets.add(storeName(accept("as") ? expectName() : n, nt));
        } while (accept(","));
        if (paren) {
            expect(")");
        }
        return at(new Stmts.ImportFrom(module, level, names.toArray(new String[0]), targets.toArray(new Exprs.Name[0])),
                t);
    }

    private Stmt ifStmt() {
        Token t = next();
        Expr test = namedExpr();
        Stmt[] body = block("'" + t.text() + "' statement", t);
        Stmt[] orelse = null;
        if (at("elif")) {
            orelse = new Stmt[] {ifStmt()};
        } else if (at("else")) {
            Token e = next();
            orelse = block("'else' statement", e);
        }
        return at(new Stmts.If(test, body, orelse), t);
    }

    private Stmt whileStmt() {
        Token t = next();
        Expr test = namedExpr();
        loopDepth++;
        Stmt[] body;
        try {
            body = block("'while' statement", t);
        } finally {
            loopDepth--;
        }
        Stmt[] orelse = null;
        if (at("else")) {
            Token e = next();
            orelse = block("'else' statement", e);
        }
        return at(new Stmts.While(test, body, orelse), t);
    }

    private Expr targetList() {
        Token t = peek();
        List<Expr> items = new ArrayList<>();
        boolean comma = false;
        do {
            if (at("in") || at("=")) {
                break;
            }
            if (at("*")) {
                Token s = next();
                items.add(at(new Exprs.Starred(bitOr()), s));
            } else {
                items.add(bitOr());
            }
            if (at(",")) {
                comma = true;
            }
        } while (accept(","));
        Expr e = items.size() == 1 && !comma ? items.get(0) : at(new Exprs.TupleExpr(items.toArray(new Expr[0])), t);
        markStore(e, t);
        return e;
    }

    private Stmt forStmt() {
        Token t = next();
        Expr target = targetList();
        expect("in");
        Expr iter = starExpressions();
        loopDepth++;
        Stmt[] body;
        try {
            body = block("'for' statement", t);
        } finally {
            loopDepth--;
        }
        Stmt[] orelse = null;
        if (at("else")) {
            Token e = next();
            orelse = block("'else' statement", e);
        }
        return at(new Stmts.For(target, iter, body, orelse), t);
    }

    private Stmt tryStmt() {
        Token t = next();
        Stmt[] body = block("'try' statement", t);
        List<Stmts.Handler> handlers = new ArrayList<>();
        while (at("except")) {
            Token e = next();
            Expr type = null;
            Exprs.Name nm = null;
            if (!at(":")) {
                type = test();
                if (at(",")) {
                    List<Expr> types = new ArrayList<>();
                    types.add(type);
                    while (accept(",")) {
                        types.add(test());
                    }
                    type = at(new Exprs.TupleExpr(types.toArray(new Expr[0])), e);
                }
                if (accept("as")) {
                    Token nt = peek();
                    nm = storeName(expectName(), nt);
                }
            }
            handlers.add(new Stmts.Handler(type, nm, block("'except' statement", e)));
        }
        Stmt[] orelse = null;
        if (at("else")) {
            Token e = next();
            orelse = block("'else' statement", e);
        }
        Stmt[] fin = null;
        if (at("finally")) {
            Token e = next();
            fin = block("'finally' statement", e);
        }
        if (handlers.isEmpty() && fin == null) {
            throw error("expected 'except' or 'finally' block", peek());
        }
        return at(new Stmts.Try(body, handlers.toArray(new Stmts.Handler[0]), orelse, fin), t);
    }

    private Stmt withStmt() {
        Token t = next();
        List<Expr> ctxs = new ArrayList<>();
        List<Expr> targets = new ArrayList<>();
        boolean paren = false;
        if (at("(")) {
            // parenthesized with-items (3.10) or a parenthesized expression
            int save = p;
            int depth = 0;
            int q = p;
            for (; q < toks.size(); q++) {
                Token k = toks.get(q);
                if (k.is("(") || k.is("[") || k.is("{")) {
                    depth++;
                } else if (k.is(")") || k.is("]") || k.is("}")) {
                    depth--;
                    if (depth == 0) {
                        break;
                    }
                }
            }
            paren = q + 1 < toks.size() && toks.get(q + 1).is(":");
            boolean hasAs = false;
            for (int k = p; k < q; k++) {
                hasAs |= toks.get(k).kind() == Kind.NAME && toks.get(k).text().equals("as");
            }
            paren &= hasAs;
            p = save;
            if (paren) {
                p++;
            }
        }
        do {
            if (paren && at(")")) {
                break;
            }
            ctxs.add(test());
            if (accept("as")) {
                targets.add(targetSingle());
            } else {
                targets.add(null);
            }
        } while (accept(","));
        if (paren) {
            expect(")");
        }
        Stmt[] body = block("'with' statement", t);
        for (int i = ctxs.size() - 1; i >= 0; i--) {
            body = new Stmt[] {at(new Stmts.With(ctxs.get(i), targets.get(i), body), t)};
        }
        return body[0];
    }

    private Expr targetSingle() {
        Token t = peek();
        Expr e;
        if (at("(") || at("[")) {
            e = atomExpr();
        } else {
            e = bitOr();
        }
        markStore(e, t);
        return e;
    }

    private List<Stmt> decorated() {
        List<Expr> decs = new ArrayList<>();
        while (at("@")) {
            p++;
            decs.add(namedExpr());
            if (peek().kind() != Kind.NEWLINE) {
                throw error("invalid syntax", peek());
            }
            p++;
        }
        if (at("def")) {
            return List.of(funcDef(decs.toArray(new Expr[0])));
        }
        if (at("class")) {
            return List.of(classDef(decs.toArray(new Expr[0])));
        }
        if (at("async") && peek(1).is("def")) {
            return asyncStmt(peek(), decs.toArray(new Expr[0]));
        }
        throw error("invalid syntax", peek());
    }

    /** Parameter list parsed in the enclosing scope (defaults are evaluated there). */
    private final class Params {
        final List<String> pos = new ArrayList<>();
        int nposonly;
        String vararg;
        final List<String> kwonly = new ArrayList<>();
        String kwarg;
        final List<Expr> defaults = new ArrayList<>();
        final List<String> kwdefNames = new ArrayList<>();
        final List<Expr> kwdefs = new ArrayList<>();

        List<String> all() {
            List<String> r = new ArrayList<>(pos);
            if (vararg != null) {
                r.add(vararg);
            }
            r.addAll(kwonly);
            if (kwarg != null) {
                r.add(kwarg);
            }
            return r;
        }
    }

    private Params params(String close, boolean annotations) {
        Params ps = new Params();
        boolean star = false;
        while (!at(close)) {
            Token t = peek();
            if (accept("/")) {
                ps.nposonly = ps.pos.size();
            } else if (accept("**")) {
                ps.kwarg = expectName();
                if (annotations && accept(":")) {
                    test();
                }
            } else if (accept("*")) {
                star = true;
                if (atName()) {
                    ps.vararg = expectName();
                    if (annotations && accept(":")) {
                        test();
                    }
                }
            } else {
                String n = expectName();
                if (ps.all().contains(n)) {
                    throw error("duplicate argument '" + n + "' in function definition", t);
                }
                if (annotations && accept(":")) {
                    test();
                }
                Expr def = accept("=") ? test() : null;
                if (star) {
                    ps.kwonly.add(n);
                    if (def != null) {
                        ps.kwdefNames.add(n);
                        ps.kwdefs.add(def);
                    }
                } else {
                    ps.pos.add(n);
                    if (def != null) {
                        ps.defaults.add(def);
                    } else if (!ps.defaults.isEmpty()) {
                        throw error("non-default argument follows default argument", t);
                    }
                }
            }
            if (!accept(",")) {
                break;
            }
        }
        return ps;
    }

    private Stmt funcDef(Expr[] decorators) {
        Token t = next();
        Token nt = peek();
        String fname = expectName();
        Exprs.Name target = storeName(fname, nt);
        expect("(");
        Params ps = params(")", true);
        expect(")");
        if (accept("->")) {
            test();
        }
        String qual = qualPrefix + fname;
        Scope outer = scope;
        String outerPrefix = qualPrefix;
        int outerLoop = loopDepth;
        Scope fs = new Scope(Scope.Kind.FUNCTION, outer, fname);
        fs.params.addAll(ps.all());
        fs.locals.addAll(ps.all());
        scope = fs;
        qualPrefix = qual + ".<locals>.";
        loopDepth = 0;
        Stmt[] body;
        try {
            body = block("function definition", t);
        } finally {
            scope = outer;
            qualPrefix = outerPrefix;
            loopDepth = outerLoop;
        }
        Object doc = PyNone.NONE;
        if (body.length > 0 && body[0] instanceof Stmts.ExprStmt es && es.value instanceof Exprs.Const c
                && c.value instanceof String) {
            doc = c.value;
        }
        int resumeSlots = 0;
        if (fs.generator) {
            GeneratorLowering.Lowered lowered = GeneratorLowering.lower(body);
            body = lowered.body();
            resumeSlots = lowered.slots();
        }
        FuncCode code = new FuncCode(fname, qual, fs, ps.pos.toArray(new String[0]), ps.nposonly, ps.vararg,
                ps.kwonly.toArray(new String[0]), ps.kwarg, body, null, file, t.line() + lineOffset, doc, resumeSlots);
        return at(new Stmts.FunctionDef(target, decorators, code, ps.defaults.toArray(new Expr[0]),
                ps.kwdefNames.toArray(new String[0]), ps.kwdefs.toArray(new Expr[0])), t);
    }

    private Stmt classDef(Expr[] decorators) {
        Token t = next();
        Token nt = peek();
        String cname = expectName();
        Exprs.Name target = storeName(cname, nt);
        List<Expr> bases = new ArrayList<>();
        List<String> keywordNames = new ArrayList<>();
        List<Expr> keywords = new ArrayList<>();
        Expr metaclass = null;
        if (accept("(")) {
            while (!at(")")) {
                if (atName() && peek(1).is("=")) {
                    String keyword = expectName();
                    p++;
                    Expr value = test();
                    if (keyword.equals("metaclass")) {
                        metaclass = value;
                    } else {
                        keywordNames.add(keyword);
                        keywords.add(value);
                    }
                } else if (at("*")) {
                    Token s = next();
                    bases.add(at(new Exprs.Starred(test()), s));
                } else {
                    bases.add(test());
                }
                if (!accept(",")) {
                    break;
                }
            }
            expect(")");
        }
        String qual = qualPrefix + cname;
        Scope outer = scope;
        String outerPrefix = qualPrefix;
        int outerLoop = loopDepth;
        Scope cs = new Scope(Scope.Kind.CLASS, outer, cname);
        scope = cs;
        qualPrefix = qual + ".";
        loopDepth = 0;
        Stmt[] body;
        try {
            body = block("class definition", t);
        } finally {
            scope = outer;
            qualPrefix = outerPrefix;
            loopDepth = outerLoop;
        }
        return at(new Stmts.ClassDef(target, qual, decorators, bases.toArray(new Expr[0]),
                keywordNames.toArray(new String[0]), keywords.toArray(new Expr[0]), metaclass, cs, body), t);
    }

    // ---------------------------------------------------------------- expressions

    /** Comma-separated expressions with starred items; a tuple when there is a comma. */
    Expr starExpressions() {
        Token t = peek();
        Expr first = starOrNamed();
        if (!at(",")) {
            return first;
        }
        List<Expr> items = new ArrayList<>();
        items.add(first);
        while (accept(",")) {
            if (atExprEnd()) {
                break;
            }
            items.add(starOrNamed());
        }
        return at(new Exprs.TupleExpr(items.toArray(new Expr[0])), t);
    }

    private boolean atExprEnd() {
        Token t = peek();
        if (t.kind() == Kind.NEWLINE || t.kind() == Kind.EOF) {
            return true;
        }
        if (t.kind() == Kind.OP) {
            switch (t.text()) {
                case ")": case "]": case "}": case "=": case ";": case ":":
                    return true;
                default:
                    return t.text().endsWith("=") && t.text().length() >= 2 && !t.text().equals("==")
                            && !t.text().equals("<=") && !t.text().equals(">=") && !t.text().equals("!=");
            }
        }
        return false;
    }

    private Expr starOrNamed() {
        if (at("*")) {
            Token s = next();
            return at(new Exprs.Starred(bitOr()), s);
        }
        return namedExpr();
    }

    private Expr namedExpr() {
        if (atName() && peek(1).is(":=")) {
            Token t = next();
            p++;
            Exprs.Name target = storeName(t.text(), t);
            Expr v = test();
            return at(new Exprs.NamedExpr(target, v), t);
        }
        return test();
    }

    Expr test() {
        if (at("lambda")) {
            return lambda();
        }
        Token t = peek();
        Expr e = orTest();
        if (at("if")) {
            int save = p;
            p++;
            Expr cond = orTest();
            if (!at("else")) {
                throw error("expected 'else' after 'if' expression", t);
            }
            p++;
            Expr orelse = test();
            return at(new Exprs.IfExp(cond, e, orelse), t);
        }
        return e;
    }

    private Expr lambda() {
        Token t = next();
        Params ps = params(":", false);
        expect(":");
        Scope outer = scope;
        Scope ls = new Scope(Scope.Kind.FUNCTION, outer, "<lambda>");
        ls.params.addAll(ps.all());
        ls.locals.addAll(ps.all());
        scope = ls;
        Expr body;
        try {
            body = test();
        } finally {
            scope = outer;
        }
        Stmt[] generatorBody = null;
        int resumeSlots = 0;
        if (ls.generator) {
            // a lambda with a yield is a generator function returning its expression's value
            GeneratorLowering.Lowered lowered = GeneratorLowering.lower(new Stmt[] {at(new Stmts.Return(body), t)});
            generatorBody = lowered.body();
            resumeSlots = lowered.slots();
            body = null;
        }
        FuncCode code = new FuncCode("<lambda>", qualPrefix + "<lambda>", ls, ps.pos.toArray(new String[0]),
                ps.nposonly, ps.vararg, ps.kwonly.toArray(new String[0]), ps.kwarg, generatorBody, body, file,
                t.line() + lineOffset, PyNone.NONE, resumeSlots);
        return at(new Exprs.Lambda(code, ps.defaults.toArray(new Expr[0]), ps.kwdefNames.toArray(new String[0]),
                ps.kwdefs.toArray(new Expr[0])), t);
    }

    private Expr orTest() {
        Token t = peek();
        Expr e = andTest();
        if (!at("or")) {
            return e;
        }
        List<Expr> vs = new ArrayList<>();
        vs.add(e);
        while (accept("or")) {
            vs.add(andTest());
        }
        return at(new Exprs.BoolOp(false, vs.toArray(new Expr[0])), t);
    }

    private Expr andTest() {
        Token t = peek();
        Expr e = notTest();
        if (!at("and")) {
            return e;
        }
        List<Expr> vs = new ArrayList<>();
        vs.add(e);
        while (accept("and")) {
            vs.add(notTest());
        }
        return at(new Exprs.BoolOp(true, vs.toArray(new Expr[0])), t);
    }

    private Expr notTest() {
        if (at("not")) {
            Token t = next();
            return at(new Exprs.Unary('!', notTest()), t);
        }
        return comparison();
    }

    private String compOp() {
        Token t = peek();
        if (t.kind() == Kind.OP) {
            switch (t.text()) {
                case "<": case ">": case "==": case ">=": case "<=": case "!=":
                    p++;
                    return t.text();
                default:
                    return null;
            }
        }
        if (t.kind() == Kind.NAME) {
            if (t.text().equals("in")) {
                p++;
                return "in";
            }
            if (t.text().equals("not") && peek(1).is("in")) {
                p += 2;
                return "not in";
            }
            if (t.text().equals("is")) {
                p++;
                return accept("not") ? "is not" : "is";
            }
        }
        return null;
    }

    private Expr comparison() {
        Token t = peek();
        Expr e = bitOr();
        String op = compOp();
        if (op == null) {
            return e;
        }
        List<String> ops = new ArrayList<>();
        List<Expr> rest = new ArrayList<>();
        while (op != null) {
            ops.add(op);
            rest.add(bitOr());
            op = compOp();
        }
        return at(new Exprs.Compare(e, ops.toArray(new String[0]), rest.toArray(new Expr[0])), t);
    }

    private Expr bitOr() {
        Token t = peek();
        Expr e = bitXor();
        while (at("|")) {
            p++;
            e = at(new Exprs.BinOp(Ops.OR, e, bitXor()), t);
        }
        return e;
    }

    private Expr bitXor() {
        Token t = peek();
        Expr e = bitAnd();
        while (at("^")) {
            p++;
            e = at(new Exprs.BinOp(Ops.XOR, e, bitAnd()), t);
        }
        return e;
    }

    private Expr bitAnd() {
        Token t = peek();
        Expr e = shift();
        while (at("&")) {
            p++;
            e = at(new Exprs.BinOp(Ops.AND, e, shift()), t);
        }
        return e;
    }

    private Expr shift() {
        Token t = peek();
        Expr e = arith();
        while (at("<<") || at(">>")) {
            int op = next().text().equals("<<") ? Ops.LSHIFT : Ops.RSHIFT;
            e = at(new Exprs.BinOp(op, e, arith()), t);
        }
        return e;
    }

    private Expr arith() {
        Token t = peek();
        Expr e = term();
        while (at("+") || at("-")) {
            int op = next().text().equals("+") ? Ops.ADD : Ops.SUB;
            e = at(new Exprs.BinOp(op, e, term()), t);
        }
        return e;
    }

    private Expr term() {
        Token t = peek();
        Expr e = factor();
        while (true) {
            int op;
            if (at("*")) {
                op = Ops.MUL;
            } else if (at("/")) {
                op = Ops.TRUEDIV;
            } else if (at("//")) {
                op = Ops.FLOORDIV;
            } else if (at("%")) {
                op = Ops.MOD;
            } else if (at("@")) {
                op = Ops.MATMUL;
            } else {
                return e;
            }
            p++;
            e = at(new Exprs.BinOp(op, e, factor()), t);
        }
    }

    private Expr factor() {
        Token t = peek();
        if (at("-") || at("+") || at("~")) {
            char op = next().text().charAt(0);
            Expr operand = factor();
            if (op == '-' && operand instanceof Exprs.Const c && (c.value instanceof Long || c.value instanceof Double
                    || c.value instanceof java.math.BigInteger)) {
                return at(new Exprs.Const(Ops.neg(c.value)), t);
            }
            return at(new Exprs.Unary(op, operand), t);
        }
        return power();
    }

    private Expr power() {
        Token t = peek();
        Expr e = atomExpr();
        if (at("**")) {
            p++;
            return at(new Exprs.BinOp(Ops.POW, e, factor()), t);
        }
        return e;
    }

    private Expr atomExpr() {
        if (at("await")) {
            Token t = next();
            atomExpr();
            return at(new Exprs.Unsupported("await"), t);
        }
        Token start = peek();
        Expr e = atom();
        while (true) {
            Token t = peek();
            if (at("(")) {
                p++;
                e = call(e, t);
                e.col = start.col();
            } else if (at("[")) {
                p++;
                Expr idx = subscriptList();
                expect("]");
                e = at(new Exprs.Subscript(e, idx), t);
            } else if (at(".")) {
                p++;
                Token nt = peek();
                if (nt.kind() != Kind.NAME) {
                    throw error("invalid syntax", nt);
                }
                p++;
                e = at(new Exprs.Attribute(e, nt.text()), t);
            } else {
                return e;
            }
        }
    }

    private Expr call(Expr func, Token t) {
        List<Expr> args = new ArrayList<>();
        List<String> kwnames = new ArrayList<>();
        List<Expr> kwvalues = new ArrayList<>();
        while (!at(")")) {
            Token a = peek();
            if (accept("*")) {
                if (kwnames.contains(null)) {
                    throw error("iterable argument unpacking follows keyword argument unpacking", a);
                }
                args.add(at(new Exprs.Starred(test()), a));
            } else if (accept("**")) {
                kwnames.add(null);
                kwvalues.add(test());
            } else if (a.kind() == Kind.NAME && peek(1).is("=") && !KEYWORDS.contains(a.text())) {
                p += 2;
                if (kwnames.contains(a.text())) {
                    throw error("keyword argument repeated: " + a.text(), a);
                }
                kwnames.add(a.text());
                kwvalues.add(test());
            } else {
                int refMark = scope.refs.size();
                int childMark = scope.children.size();
                Expr e = namedExpr();
                if (at("for")) {
                    e = comprehension(Exprs.Comprehension.GEN, e, null, refMark, childMark, a);
                    if (!args.isEmpty() || !kwnames.isEmpty() || at(",") && !peek(1).is(")")) {
                        throw error("Generator expression must be parenthesized", a);
                    }
                }
                if (!kwnames.isEmpty() && kwnames.stream().anyMatch(k -> k != null)) {
                    throw error("positional argument follows keyword argument", a);
                }
                if (kwnames.contains(null)) {
                    throw error("positional argument follows keyword argument unpacking", a);
                }
                args.add(e);
            }
            if (!accept(",")) {
                break;
            }
        }
        expect(")");
        if (func instanceof Exprs.Name n && args.isEmpty() && kwnames.isEmpty()) {
            if (n.id.equals("super")) {
                return at(new Exprs.SuperCall(), t);
            }
            if (n.id.equals("globals") || n.id.equals("locals") || n.id.equals("vars")) {
                return at(new Exprs.FrameCall(n), t);
            }
        }
        return at(new Exprs.Call(func, args.toArray(new Expr[0]), kwnames.toArray(new String[0]),
                kwvalues.toArray(new Expr[0])), t);
    }

    private Expr subscriptList() {
        Token t = peek();
        Expr first = sliceItem();
        if (!at(",")) {
            return first;
        }
        List<Expr> items = new ArrayList<>();
        items.add(first);
        while (accept(",")) {
            if (at("]")) {
                break;
            }
            items.add(sliceItem());
        }
        return at(new Exprs.TupleExpr(items.toArray(new Expr[0])), t);
    }

    private Expr sliceItem() {
        Token t = peek();
        Expr lo = null;
        if (!at(":")) {
            lo = starOrNamed();
            if (!at(":")) {
                return lo;
            }
        }
        p++;
        Expr hi = at("]") || at(",") || at(":") ? null : test();
        Expr step = null;
        if (accept(":")) {
            step = at("]") || at(",") ? null : test();
        }
        return at(new Exprs.Slice(lo, hi, step), t);
    }

    private Expr yieldExpr() {
        Token t = next();
        if (scope.kind != Scope.Kind.FUNCTION) {
            throw error("'yield' outside function", t);
        }
        scope.generator = true;
        if (accept("from")) {
            return at(new Exprs.Yield(test(), true), t);
        }
        Expr v = atEndOfSimple() || at(")") ? null : starExpressions();
        return at(new Exprs.Yield(v, false), t);
    }

    private Expr comprehension(int kind, Expr elt, Expr value, int refMark, int childMark, Token t) {
        Scope outer = scope;
        String label = kind == Exprs.Comprehension.LIST ? "<listcomp>" : kind == Exprs.Comprehension.SET ? "<setcomp>"
                : kind == Exprs.Comprehension.DICT ? "<dictcomp>" : "<genexpr>";
        Scope cs = new Scope(Scope.Kind.FUNCTION, null, label);
        List<Exprs.Name> moved = outer.refs.subList(refMark, outer.refs.size());
        cs.refs.addAll(moved);
        moved.clear();
        List<Scope> movedChildren = outer.children.subList(childMark, outer.children.size());
        for (Scope c : movedChildren) {
            c.parent = cs;
            cs.children.add(c);
        }
        movedChildren.clear();
        cs.parent = outer;
        outer.children.add(cs);
        List<Expr> targets = new ArrayList<>();
        List<Expr> iters = new ArrayList<>();
        List<Expr[]> conds = new ArrayList<>();
        scope = cs;
        try {
            while (accept("for")) {
                targets.add(targetList());
                expect("in");
                if (iters.isEmpty()) {
                    scope = outer;
                    iters.add(orTest());
                    scope = cs;
                } else {
                    iters.add(orTest());
                }
                List<Expr> cs2 = new ArrayList<>();
                while (accept("if")) {
                    cs2.add(orTestNoCond());
                }
                conds.add(cs2.toArray(new Expr[0]));
            }
        } finally {
            scope = outer;
        }
        checkNoYield(label, t, elt, value);
        for (int i = 0; i < iters.size(); i++) {
            checkNoYield(label, t, i == 0 ? null : iters.get(i));
            checkNoYield(label, t, conds.get(i));
        }
        return at(new Exprs.Comprehension(kind, elt, value, targets.toArray(new Expr[0]), iters.toArray(new Expr[0]),
                conds.toArray(new Expr[0][]), cs), t);
    }

    /** A yield in a comprehension's body would belong to its implicit function: CPython rejects it. */
    private void checkNoYield(String label, Token t, Expr... parts) {
        for (Expr e : parts) {
            if (GeneratorLowering.containsYield(e)) {
                String what = label.equals("<genexpr>") ? "generator expression"
                        : label.substring(1, label.length() - 5) + " comprehension";
                throw error("'yield' inside " + what, t);
            }
        }
    }

    private Expr orTestNoCond() {
        if (at("lambda")) {
            return lambda();
        }
        return orTest();
    }

    private Expr atom() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER:
                p++;
                return at(new Exprs.Const(t.value()), t);
            case STRING:
                return strings();
            case NAME: {
                switch (t.text()) {
                    case "None": p++; return at(new Exprs.Const(PyNone.NONE), t);
                    case "True": p++; return at(new Exprs.Const(Boolean.TRUE), t);
                    case "False": p++; return at(new Exprs.Const(Boolean.FALSE), t);
                    default:
                        if (KEYWORDS.contains(t.text())) {
                            throw error("invalid syntax", t);
                        }
                        p++;
                        return name(t.text(), t);
                }
            }
            case OP:
                break;
            default:
                throw error(t.kind() == Kind.INDENT ? "unexpected indent" : t.kind() == Kind.EOF
                        ? "unexpected EOF while parsing" : "invalid syntax", t);
        }
        switch (t.text()) {
            case "(": {
                p++;
                if (accept(")")) {
                    return at(new Exprs.TupleExpr(new Expr[0]), t);
                }
                if (at("yield")) {
                    Expr y = yieldExpr();
                    expect(")");
                    return y;
                }
                int refMark = scope.refs.size();
                int childMark = scope.children.size();
                Expr first = starOrNamed();
                if (at("for")) {
                    Expr g = comprehension(Exprs.Comprehension.GEN, first, null, refMark, childMark, t);
                    expect(")");
                    return g;
                }
                if (accept(")")) {
                    if (first instanceof Exprs.Starred) {
                        throw error("cannot use starred expression here", t);
                    }
                    return first;
                }
                List<Expr> items = new ArrayList<>();
                items.add(first);
                while (accept(",")) {
                    if (at(")")) {
                        break;
                    }
                    items.add(starOrNamed());
                }
                expect(")");
                return at(new Exprs.TupleExpr(items.toArray(new Expr[0])), t);
            }
            case "[": {
                p++;
                if (accept("]")) {
                    return at(new Exprs.ListExpr(new Expr[0]), t);
                }
                int refMark = scope.refs.size();
                int childMark = scope.children.size();
                Expr first = starOrNamed();
                if (at("for")) {
                    Expr c = comprehension(Exprs.Comprehension.LIST, first, null, refMark, childMark, t);
                    expect("]");
                    return c;
                }
                List<Expr> items = new ArrayList<>();
                items.add(first);
                while (accept(",")) {
                    if (at("]")) {
                        break;
                    }
                    items.add(starOrNamed());
                }
                expect("]");
                return at(new Exprs.ListExpr(items.toArray(new Expr[0])), t);
            }
            case "{":
                return braces();
            case "...":
                p++;
                return at(new Exprs.Const(Builtins.ELLIPSIS), t);
            default:
                throw error(t.text().equals(")") || t.text().equals("]") || t.text().equals("}")
                        ? "unmatched '" + t.text() + "'" : "invalid syntax", t);
        }
    }

    private Expr braces() {
        Token t = next();
        if (accept("}")) {
            return at(new Exprs.DictExpr(new Expr[0], new Expr[0]), t);
        }
        int refMark = scope.refs.size();
        int childMark = scope.children.size();
        if (at("**")) {
            return dictRest(t, null, null);
        }
        Expr first = starOrNamed();
        if (accept(":")) {
            Expr v = test();
            if (at("for")) {
                Expr c = comprehension(Exprs.Comprehension.DICT, first, v, refMark, childMark, t);
                expect("}");
                return c;
            }
            return dictRest(t, first, v);
        }
        if (at("for")) {
            Expr c = comprehension(Exprs.Comprehension.SET, first, null, refMark, childMark, t);
            expect("}");
            return c;
        }
        List<Expr> items = new ArrayList<>();
        items.add(first);
        while (accept(",")) {
            if (at("}")) {
                break;
            }
            items.add(starOrNamed());
        }
        expect("}");
        return at(new Exprs.SetExpr(items.toArray(new Expr[0])), t);
    }

    private Expr dictRest(Token t, Expr k0, Expr v0) {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        boolean first = k0 != null;
        if (first) {
            keys.add(k0);
            values.add(v0);
        }
        while (true) {
            if (first) {
                first = false;
                if (!accept(",")) {
                    break;
                }
                if (at("}")) {
                    break;
                }
            }
            if (accept("**")) {
                keys.add(null);
                values.add(bitOr());
            } else {
                Token kt = peek();
                keys.add(test());
                if (!at(":")) {
                    throw error("':' expected after dictionary key", kt);
                }
                p++;
                values.add(test());
            }
            if (!accept(",") || at("}")) {
                break;
            }
        }
        expect("}");
        return at(new Exprs.DictExpr(keys.toArray(new Expr[0]), values.toArray(new Expr[0])), t);
    }

    // ---------------------------------------------------------------- strings and f-strings

    private Expr strings() {
        Token first = peek();
        List<Expr> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        boolean anyF = false;
        boolean bytes = false;
        boolean str = false;
        java.io.ByteArrayOutputStream bout = new java.io.ByteArrayOutputStream();
        while (peek().kind() == Kind.STRING) {
            Token t = next();
            if (t.value() instanceof byte[] b) {
                bytes = true;
                bout.write(b, 0, b.length);
            } else {
                str = true;
                if (t.fstring()) {
                    anyF = true;
                    fstring(t, t.text(), t.raw(), parts, lit);
                } else {
                    lit.append((String) t.value());
                }
            }
        }
        if (bytes && str) {
            throw error("cannot mix bytes and nonbytes literals", first);
        }
        if (bytes) {
            return at(new Exprs.Const(new PyBytes(bout.toByteArray())), first);
        }
        if (!anyF) {
            return at(new Exprs.Const(PyStrings.canonical(lit.toString())), first);
        }
        if (lit.length() > 0) {
            parts.add(new Exprs.Const(lit.toString()));
        }
        if (parts.size() == 1 && parts.get(0) instanceof Exprs.Const) {
            return at(parts.get(0), first);
        }
        return at(new Exprs.JoinedStr(parts.toArray(new Expr[0])), first);
    }

    private void fstring(Token t, String body, boolean raw, List<Expr> parts, StringBuilder lit) {
        int n = body.length();
        int i = 0;
        StringBuilder seg = new StringBuilder();
        while (i < n) {
            char c = body.charAt(i);
            if (c == '{') {
                if (i + 1 < n && body.charAt(i + 1) == '{') {
                    seg.append('{');
                    i += 2;
                    continue;
                }
                lit.append(raw ? seg : lexer.unescape(seg.toString(), false, t.line(), t.col()));
                seg.setLength(0);
                i = replacementField(t, body, i + 1, raw, parts, lit);
                continue;
            }
            if (c == '}') {
                if (i + 1 < n && body.charAt(i + 1) == '}') {
                    seg.append('}');
                    i += 2;
                    continue;
                }
                throw error("f-string: single '}' is not allowed", t);
            }
            if (c == '\\' && !raw && i + 1 < n) {
                seg.append(c).append(body.charAt(i + 1));
                i += 2;
                continue;
            }
            seg.append(c);
            i++;
        }
        lit.append(raw ? seg : lexer.unescape(seg.toString(), false, t.line(), t.col()));
    }

    /** Parses {@code expr[=][!c][:spec]}} starting after the brace; returns the index after the closing brace. */
    private int replacementField(Token t, String body, int start, boolean raw, List<Expr> parts, StringBuilder lit) {
        int n = body.length();
        int depth = 0;
        int i = start;
        char quote = 0;
        while (i < n) {
            char c = body.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                i++;
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && (c == ':' || (c == '!' && i + 1 < n && body.charAt(i + 1) != '='))) {
                break;
            } else if (depth == 0 && c == '=' && i + 1 < n && "}!:".indexOf(body.charAt(i + 1)) >= 0
                    && i > start && "=!<>".indexOf(body.charAt(i - 1)) < 0) {
                break;
            }
            i++;
        }
        if (i >= n) {
            throw error("f-string: expecting '}'", t);
        }
        String exprText = body.substring(start, i);
        if (exprText.isBlank()) {
            throw error("f-string: valid expression required before '}'", t);
        }
        Expr e = subExpression(exprText, t);
        char conv = 0;
        boolean debug = false;
        if (body.charAt(i) == '=') {
            debug = true;
            i++;
        }
        if (body.charAt(i) == '!') {
            conv = body.charAt(i + 1);
            if ("rsa".indexOf(conv) < 0) {
                throw error("f-string: invalid conversion character: expected 's', 'r', or 'a'", t);
            }
            i += 2;
        }
        Expr spec = null;
        if (body.charAt(i) == ':') {
            i++;
            int specStart = i;
            int d = 0;
            while (i < n) {
                char c = body.charAt(i);
                if (c == '{') {
                    d++;
                } else if (c == '}') {
                    if (d == 0) {
                        break;
                    }
                    d--;
                }
                i++;
            }
            List<Expr> specParts = new ArrayList<>();
            StringBuilder specLit = new StringBuilder();
            fstring(t, body.substring(specStart, i), raw, specParts, specLit);
            if (specLit.length() > 0) {
                specParts.add(new Exprs.Const(specLit.toString()));
            }
            spec = specParts.size() == 1 && specParts.get(0) instanceof Exprs.Const c ? c
                    : new Exprs.JoinedStr(specParts.toArray(new Expr[0]));
        }
        if (i >= n || body.charAt(i) != '}') {
            throw error("f-string: expecting '}'", t);
        }
        if (debug) {
            lit.append(exprText).append('=');
            if (conv == 0 && spec == null) {
                conv = 'r';
            }
        }
        if (lit.length() > 0) {
            parts.add(new Exprs.Const(lit.toString()));
            lit.setLength(0);
        }
        parts.add(at(new Exprs.FormattedValue(e, conv, spec), t));
        return i + 1;
    }

    private Expr subExpression(String text, Token t) {
        Lexer lx = new Lexer("(" + text.strip() + ")", file, t.line() + lineOffset);
        List<Token> sub;
        try {
            sub = lx.tokenize();
        } catch (PythonSyntaxError e) {
            throw new PythonSyntaxError(file, t.line() + lineOffset, t.col(), "f-string: " + e.reason());
        }
        Parser ps = new Parser(sub, file, t.line() + lineOffset - 1, lx, scope);
        ps.qualPrefix = qualPrefix;
        Expr e = ps.starExpressions();
        while (ps.peek().kind() == Kind.NEWLINE) {
            ps.p++;
        }
        if (ps.peek().kind() != Kind.EOF) {
            throw error("f-string: invalid syntax", t);
        }
        return e;
    }
}
