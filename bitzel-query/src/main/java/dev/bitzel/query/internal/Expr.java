package dev.bitzel.query.internal;

import java.util.List;
import java.util.regex.Pattern;

/** The syntax tree of a query; every node knows the offset of its first token, for error messages. */
public sealed interface Expr extends Arg {

    /** A target pattern: {@code busybox}, {@code lib*}, {@code busybox:do_compile}, {@code //...:*}. */
    record Literal(String word, int offset) implements Expr {
        @Override
        public void render(StringBuilder out) {
            Words.append(out, word);
        }
    }

    /** A reference to a {@code let} variable, {@code $name}. */
    record Var(String name, int offset) implements Expr {
        @Override
        public void render(StringBuilder out) {
            out.append('$').append(name);
        }
    }

    /** {@code let name = value in body}. */
    record Let(String name, Expr value, Expr body, int offset) implements Expr {
        @Override
        public void render(StringBuilder out) {
            out.append("(let ").append(name).append(" = ");
            value.render(out);
            out.append(" in ");
            body.render(out);
            out.append(')');
        }
    }

    /** A set operator; its operands are evaluated left to right. */
    record Binary(Op op, Expr left, Expr right, int offset) implements Expr {
        @Override
        public void render(StringBuilder out) {
            out.append('(');
            left.render(out);
            out.append(' ').append(op.symbol).append(' ');
            right.render(out);
            out.append(')');
        }
    }

    /** {@code set(a b c)}: the union of target patterns. */
    record SetOf(List<Literal> words, int offset) implements Expr {
        @Override
        public void render(StringBuilder out) {
            out.append("set(");
            for (int i = 0; i < words.size(); i++) {
                if (i > 0) {
                    out.append(' ');
                }
                words.get(i).render(out);
            }
            out.append(')');
        }
    }

    /** A function call. */
    record Call(Function function, List<Arg> args, int offset) implements Expr {
        @Override
        public void render(StringBuilder out) {
            out.append(function.queryName()).append('(');
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                args.get(i).render(out);
            }
            out.append(')');
        }
    }

    /** A word argument: a variable or flag name, a file name. */
    record Word(String text, int offset) implements Arg {
        @Override
        public void render(StringBuilder out) {
            Words.append(out, text);
        }
    }

    /** A regular-expression argument, compiled when the query is parsed. */
    record Regex(String text, Pattern pattern, int offset) implements Arg {
        @Override
        public void render(StringBuilder out) {
            Words.append(out, text);
        }
    }

    /** An integer argument (a depth or a count). */
    record Int(int value, int offset) implements Arg {
        @Override
        public void render(StringBuilder out) {
            out.append(value);
        }
    }

    /** The set operators; all have equal precedence and associate to the left, as in Bazel. */
    enum Op {
        UNION("+"), EXCEPT("-"), INTERSECT("^");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    /** Quoting of words in canonical text. */
    final class Words {
        private Words() {
        }

        static void append(StringBuilder out, String word) {
            boolean plain = !word.isEmpty() && word.charAt(0) != '-' && word.charAt(0) != '$';
            for (int i = 0; plain && i < word.length(); i++) {
                plain = Lexer.isWordChar(word.charAt(i));
            }
            if (plain && !isKeyword(word)) {
                out.append(word);
            } else {
                char quote = word.indexOf('"') >= 0 ? '\'' : '"';
                out.append(quote).append(word).append(quote);
            }
        }

        private static boolean isKeyword(String word) {
            switch (word) {
                case "let":
                case "in":
                case "set":
                case "union":
                case "except":
                case "intersect":
                    return true;
                default:
                    return false;
            }
        }
    }
}
