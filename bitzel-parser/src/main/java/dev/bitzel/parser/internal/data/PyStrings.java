package dev.bitzel.parser.internal.data;

import java.util.ArrayList;
import java.util.List;

/** Python's string operations the datastore relies on, with Python's exact whitespace definition. */
public final class PyStrings {

    private PyStrings() {}

    /** Python's {@code str.isspace()} for one character. */
    public static boolean isSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f');
        }
        return c == '\u0085' || c == '\u00a0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200a')
                || c == '\u2028' || c == '\u2029' || c == '\u202f' || c == '\u205f' || c == '\u3000';
    }

    /** Python's {@code s.split()}: runs of whitespace separate words, no empty words. */
    public static List<String> split(String s) {
        List<String> words = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(s.substring(start, i));
            }
        }
        return words;
    }

    /** Python's {@code s.split(sep)} for a one-character separator: keeps empty parts. */
    public static List<String> split(String s, char sep) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == sep) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    /**
     * Python's {@code re.split(r'(\s)', s)}: the text between single whitespace characters and each whitespace
     * character itself, with empty strings between adjacent whitespace.
     */
    public static List<String> splitKeepingSpaces(String s) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (isSpace(s.charAt(i))) {
                parts.add(s.substring(start, i));
                parts.add(String.valueOf(s.charAt(i)));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** Strings longer than this are not interned by {@link #canonical}. */
    private static final int CANONICAL_MAX_LENGTH = 64;

    /**
     * The one shared instance of a short string (interned): keys and constants that are the same instance compare by
     * identity, so a map lookup does not read their characters. Longer strings are returned as they are.
     *
     * @param s a string
     * @return an equal string, the JVM's interned instance when {@code s} is short
     */
    public static String canonical(String s) {
        return s.length() <= CANONICAL_MAX_LENGTH ? s.intern() : s;
    }
}
