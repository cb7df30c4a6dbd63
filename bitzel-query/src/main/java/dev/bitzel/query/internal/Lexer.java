package dev.bitzel.query.internal;

import dev.bitzel.query.QuerySyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a query into tokens as Bazel's query lexer does: words are runs of {@code A-Za-z0-9} and
 * {@code * / @ . - _ : $ ~ [ ]} or anything between single or double quotes (no escapes); {@code (} {@code )}
 * {@code ,} {@code =} {@code +} {@code -} {@code ^} are punctuation; {@code let in set union except intersect}
 * are keywords unless quoted. A {@code -} that starts a token is the except operator, so {@code a -b} is
 * {@code a except b} while {@code zlib-native} is one word. Unlike Bazel, an unquoted word may start with
 * {@code *} ({@code *-native}), since {@code *} is no operator here, and may hold {@code %}
 * ({@code lib_%.bbappend}).
 */
final class Lexer {
    private Lexer() {
    }

    static List<Token> scan(String query) throws QuerySyntaxException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            switch (c) {
                case '(':
                    tokens.add(new Token(Token.Kind.LPAREN, "(", i++, false));
                    continue;
                case ')':
                    tokens.add(new Token(Token.Kind.RPAREN, ")", i++, false));
                    continue;
                case ',':
                    tokens.add(new Token(Token.Kind.COMMA, ",", i++, false));
                    continue;
                case '=':
                    tokens.add(new Token(Token.Kind.EQUALS, "=", i++, false));
                    continue;
                case '+':
                    tokens.add(new Token(Token.Kind.PLUS, "+", i++, false));
                    continue;
                case '-':
                    tokens.add(new Token(Token.Kind.MINUS, "-", i++, false));
                    continue;
                case '^':
                    tokens.add(new Token(Token.Kind.CARET, "^", i++, false));
                    continue;
                case '\'':
                case '"': {
                    int end = query.indexOf(c, i + 1);
                    if (end < 0) {
                        throw new QuerySyntaxException(query, i, "unterminated quoted word: no closing " + c);
                    }
                    tokens.add(new Token(Token.Kind.WORD, query.substring(i + 1, end), i, true));
                    i = end + 1;
                    continue;
                }
                default:
                    break;
            }
            if (!isWordChar(c)) {
                throw new QuerySyntaxException(query, i, "unexpected character '" + c + "'"
                        + (c == '|' || c == '&' ? "; set operators are + (union), - (except) and ^ (intersect)"
                                : "; quote words that contain it"));
            }
            int start = i;
            while (i < n && isWordChar(query.charAt(i))) {
                i++;
            }
            String word = query.substring(start, i);
            tokens.add(new Token(keyword(word), word, start, false));
        }
        tokens.add(new Token(Token.Kind.EOF, "", n, false));
        return tokens;
    }

    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "*/@.-_:$~[]%".indexOf(c) >= 0;
    }

    private static Token.Kind keyword(String word) {
        switch (word) {
            case "let":
                return Token.Kind.LET;
            case "in":
                return Token.Kind.IN;
            case "set":
                return Token.Kind.SET;
            case "union":
                return Token.Kind.UNION;
            case "except":
                return Token.Kind.EXCEPT;
            case "intersect":
                return Token.Kind.INTERSECT;
            default:
                return Token.Kind.WORD;
        }
    }
}
