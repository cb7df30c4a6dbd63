package dev.bitzel.parser.internal.data;

/**
 * Finds inline Python ({@code ${@...}}) as BitBake's {@code __expand_python_regexp__}, {@code \$\{@(?:\{.*?\}|.)+?\}},
 * does, in one pass and without a regular expression engine: {@code java.util.regex} matches that lazy loop by
 * recursing once per character, and was the largest single cost of expanding variables.
 *
 * <p>The match is the one the regular expression's backtracking gives:
 * <ul>
 *   <li>Neither {@code .} nor {@code .*?} crosses a newline, so a match ends before the first newline after
 *       {@code ${@}.</li>
 *   <li>After the first item, the lazy {@code +?} first tries to end at a {@code '}'}; otherwise it takes an item: a
 *       {@code '{'} tries {@code \{.*?\}} up to each later {@code '}'} in turn, then {@code .}; any other character is
 *       {@code .}.</li>
 *   <li>From a position after an item, a match can be completed exactly when a {@code '}'} follows on the line (the
 *       {@code .} items reach it). So {@code \{.*?\}} up to the next {@code '}'} succeeds when another {@code '}'}
 *       follows that one, and otherwise no longer {@code \{.*?\}} can, and the {@code '{'} is taken by {@code .}.</li>
 * </ul>
 */
public final class InlinePythonMatch {
    private InlinePythonMatch() {
    }

    /**
     * Where the match starting at {@code start} ends.
     *
     * @param s the text
     * @param start an index where {@code s} holds {@code ${@}
     * @return the index after the match's closing brace, or -1 when no match starts at {@code start}
     */
    public static int end(String s, int start) {
        int first = start + 3;
        int lineEnd = s.indexOf('\n', first);
        if (lineEnd < 0) {
            lineEnd = s.length();
        }
        int lastClose = s.lastIndexOf('}', lineEnd - 1);
        boolean firstItem = true;
        int j = first;
        while (j < lineEnd) {
            char c = s.charAt(j);
            if (c == '}' && !firstItem) {
                return j + 1;
            }
            firstItem = false;
            if (c == '{') {
                int close = s.indexOf('}', j + 1);
                if (close >= 0 && close < lastClose) {
                    j = close + 1; // \{.*?\} up to the next brace; a '}' after it completes the match
                    continue;
                }
            }
            j++; // `.`
        }
        return -1;
    }
}
