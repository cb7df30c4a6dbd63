package dev.bitzel.query.internal;

import dev.bitzel.query.QuerySyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Recursive-descent parser of the query language, with Bazel's grammar and precedence:
 *
 * <pre>
 * expr    ::= primary ( op primary )*            all operators of equal precedence, left-associative
 * op      ::= '+' | 'union' | '-' | 'except' | '^' | 'intersect'
 * primary ::= WORD                                a target pattern
 *           | '$' NAME                            a let variable
 *           | NAME '(' arg ( ',' arg )* ')'       a function call
 *           | 'let' NAME '=' expr 'in' expr       the body extends as far as possible
 *           | 'set' '(' WORD* ')'
 *           | '(' expr ')'
 * </pre>
 *
 * <p>So {@code a - b + c} is {@code (a - b) + c} and {@code a + b ^ c} is {@code (a + b) ^ c}. Variables are
 * resolved statically: {@code $x} outside the body of a {@code let x} is a syntax error.
 */
public final class Parser {
    private final String query;
    private final List<Token> tokens;
    private final Deque<String> scope = new ArrayDeque<>();
    private int position;

    private Parser(String query, List<Token> tokens) {
        this.query = query;
        this.tokens = tokens;
    }

    /** Parses a whole query. */
    public static Expr parse(String query) throws QuerySyntaxException {
        Parser parser = new Parser(query, Lexer.scan(query));
        if (parser.peek().kind() == Token.Kind.EOF) {
            throw new QuerySyntaxException(query, 0, "empty query: expected a target pattern such as busybox, "
                    + "busybox:do_compile or //..., or a function call such as deps(busybox)");
        }
        Expr expr = parser.expression();
        Token rest = parser.peek();
        if (rest.kind() != Token.Kind.EOF) {
            throw parser.error(rest, "unexpected " + rest.describe() + " after a complete expression"
                    + (rest.kind() == Token.Kind.WORD || rest.kind() == Token.Kind.LPAREN
                            ? "; join expressions with +, - or ^" : ""));
        }
        return expr;
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token next() {
        Token token = tokens.get(position);
        if (token.kind() != Token.Kind.EOF) {
            position++;
        }
        return token;
    }

    private QuerySyntaxException error(Token at, String message) {
        return new QuerySyntaxException(query, at.offset(), message);
    }

    private Token expect(Token.Kind kind, String what) throws QuerySyntaxException {
        Token token = peek();
        if (token.kind() != kind) {
            throw error(token, "expected " + what + ", found " + token.describe());
        }
        return next();
    }

    private Expr expression() throws QuerySyntaxException {
        Expr left = primary();
        while (peek().kind().isBinaryOperator()) {
            Token op = next();
            Expr right = primary();
            left = new Expr.Binary(operator(op.kind()), left, right, op.offset());
        }
        return left;
    }

    private static Expr.Op operator(Token.Kind kind) {
        switch (kind) {
            case PLUS:
            case UNION:
                return Expr.Op.UNION;
            case MINUS:
            case EXCEPT:
                return Expr.Op.EXCEPT;
            default:
                return Expr.Op.INTERSECT;
        }
    }

    private Expr primary() throws QuerySyntaxException {
        Token token = peek();
        switch (token.kind()) {
            case WORD:
                next();
                if (!token.quoted() && peek().kind() == Token.Kind.LPAREN) {
                    return call(token);
                }
                if (!token.quoted() && token.text().startsWith("$")) {
                    return variable(token);
                }
                return new Expr.Literal(token.text(), token.offset());
            case LET:
                return let();
            case SET:
                return set();
            case LPAREN: {
                next();
                Expr inner = expression();
                expect(Token.Kind.RPAREN, "')' to close the '(' at column " + (column(token)));
                return inner;
            }
            case EOF:
                throw error(token, "unexpected end of query: expected a target pattern, a function call, "
                        + "'let' or '('");
            default:
                throw error(token, "expected a target pattern, a function call, 'let' or '(', found "
                        + token.describe());
        }
    }

    private int column(Token token) {
        int lineStart = query.lastIndexOf('\n', token.offset() - 1) + 1;
        return token.offset() - lineStart + 1;
    }

    private Expr variable(Token token) throws QuerySyntaxException {
        String name = token.text().substring(1);
        if (!isName(name)) {
            throw error(token, "'" + token.text() + "' is not a variable reference: expected $NAME with NAME "
                    + "of letters, digits and _ (quote the word to use it as a target pattern)");
        }
        if (!scope.contains(name)) {
            throw error(token, "undefined variable $" + name + (scope.isEmpty() ? ""
                    : "; defined here: " + scope.stream().map(s -> "$" + s).collect(Collectors.joining(", "))));
        }
        return new Expr.Var(name, token.offset());
    }

    private static boolean isName(String name) {
        if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private Expr let() throws QuerySyntaxException {
        Token let = next();
        Token name = peek();
        if (name.kind() != Token.Kind.WORD || name.quoted() || !isName(name.text())) {
            throw error(name, "expected a variable name after 'let' (letters, digits and _), found "
                    + name.describe());
        }
        next();
        expect(Token.Kind.EQUALS, "'=' after 'let " + name.text() + "'");
        Expr value = expression();
        expect(Token.Kind.IN, "'in' after the value of 'let " + name.text() + " = ...'");
        scope.push(name.text());
        try {
            Expr body = expression();
            return new Expr.Let(name.text(), value, body, let.offset());
        } finally {
            scope.pop();
        }
    }

    private Expr set() throws QuerySyntaxException {
        Token set = next();
        expect(Token.Kind.LPAREN, "'(' after 'set'");
        List<Expr.Literal> words = new ArrayList<>();
        while (peek().kind() == Token.Kind.WORD) {
            Token word = next();
            words.add(new Expr.Literal(word.text(), word.offset()));
        }
        if (peek().kind() != Token.Kind.RPAREN) {
            throw error(peek(), "expected a target pattern or ')' in set(...), found " + peek().describe()
                    + " (set takes words separated by spaces)");
        }
        next();
        return new Expr.SetOf(List.copyOf(words), set.offset());
    }

    private Expr call(Token name) throws QuerySyntaxException {
        Function function = Function.byName(name.text());
        if (function == null) {
            throw error(name, "unknown function '" + name.text() + "'; functions are " + Arrays.stream(
                    Function.values()).map(Function::queryName).collect(Collectors.joining(", ")));
        }
        next(); // '('
        List<Arg> args = new ArrayList<>();
        List<Function.ArgType> types = function.args();
        while (true) {
            Token at = peek();
            if (at.kind() == Token.Kind.RPAREN) {
                if (args.size() >= function.mandatory()) {
                    next();
                    break;
                }
                throw error(at, function.queryName() + " needs " + function.mandatory() + " argument"
                        + (function.mandatory() == 1 ? "" : "s") + ", got " + args.size() + ": usage "
                        + function.usage());
            }
            if (!args.isEmpty()) {
                if (at.kind() != Token.Kind.COMMA) {
                    throw error(at, "expected ',' or ')' after argument " + args.size() + " of "
                            + function.queryName() + ", found " + at.describe() + ": usage " + function.usage());
                }
                if (args.size() >= types.size() && !function.variadic()) {
                    throw error(at, "too many arguments to " + function.queryName() + ": usage "
                            + function.usage());
                }
                next();
            }
            Function.ArgType type = types.get(Math.min(args.size(), types.size() - 1));
            args.add(argument(function, type, args.size()));
        }
        return new Expr.Call(function, List.copyOf(args), name.offset());
    }

    private Arg argument(Function function, Function.ArgType type, int index) throws QuerySyntaxException {
        if (type == Function.ArgType.EXPR) {
            return expression();
        }
        Token word = peek();
        String what = type == Function.ArgType.INT ? "an integer" : type == Function.ArgType.REGEX
                ? "a regular expression" : "a word";
        if (word.kind() != Token.Kind.WORD) {
            throw error(word, "expected " + what + " as argument " + (index + 1) + " of " + function.queryName()
                    + ", found " + word.describe() + ": usage " + function.usage());
        }
        next();
        switch (type) {
            case INT:
                try {
                    int value = Integer.parseInt(word.text());
                    if (value < 0) {
                        throw new NumberFormatException();
                    }
                    return new Expr.Int(value, word.offset());
                } catch (NumberFormatException e) {
                    throw error(word, "expected a non-negative integer as argument " + (index + 1) + " of "
                            + function.queryName() + ", found " + word.describe() + ": usage " + function.usage());
                }
            case REGEX:
                try {
                    return new Expr.Regex(word.text(), Pattern.compile(word.text()), word.offset());
                } catch (PatternSyntaxException e) {
                    int inside = e.getIndex() < 0 ? 0 : Math.min(e.getIndex(), word.text().length());
                    int offset = word.offset() + (word.quoted() ? 1 : 0) + inside;
                    throw new QuerySyntaxException(query, Math.min(offset, query.length()),
                            "bad regular expression for " + function.queryName() + ": " + e.getDescription(), e);
                }
            default:
                return new Expr.Word(word.text(), word.offset());
        }
    }
}
