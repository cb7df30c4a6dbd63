package dev.bitzel.parser.internal.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Python 3 {@code str} semantics the BitBake grammar depends on: {@code isspace()} (which is also what
 * {@code re}'s {@code \s}, {@code rstrip()} and {@code split()} use), {@code \w}, and {@code split()}.
 */
final class Py {

    private Py() {
    }

    /** Python's {@code str.isspace()} for one UTF-16 char. */
    static boolean isSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f');
        }
        if (c < '\u0085') {
            return false;
        }
        return c == '\u0085' || c == '\u00a0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200a')
                || c == '\u2028' || c == '\u2029' || c == '\u202f' || c == '\u205f' || c == '\u3000';
    }

    /** Python's {@code re} {@code \w} for {@code str} patterns: alphanumeric or underscore (BMP approximation). */
    static boolean isWord(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** Returns the end of {@code s[start, end)} after Python's {@code rstrip()}. */
    static int rstrip(CharSequence s, int start, int end) {
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** Returns the first index at or after {@code i} that is not whitespace, or {@code s.length()}. */
    static int skipSpace(String s, int i) {
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Python's {@code s.split()}: the non-empty runs of non-whitespace. */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (true) {
            i = skipSpace(s, i);
            if (i >= n) {
                return out;
            }
            int j = i;
            while (j < n && !isSpace(s.charAt(j))) {
                j++;
            }
            out.add(s.substring(i, j));
            i = j;
        }
    }
}
