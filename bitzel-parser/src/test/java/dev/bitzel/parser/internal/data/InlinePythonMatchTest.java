package dev.bitzel.parser.internal.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class InlinePythonMatchTest {
    /** BitBake's {@code __expand_python_regexp__}, as java.util.regex runs it (the same backtracking as Python's). */
    private static final Pattern BITBAKE = Pattern.compile("\\$\\{@(?:\\{.*?\\}|.)+?\\}", Pattern.UNIX_LINES);

    /** Every match, as Python's {@code finditer} walks them: [start, end] pairs. */
    private static List<List<Integer>> matches(String s) {
        List<List<Integer>> r = new ArrayList<>();
        for (int start = s.indexOf("${@"); start >= 0; start = s.indexOf("${@", start + 1)) {
            int end = InlinePythonMatch.end(s, start);
            if (end >= 0) {
                r.add(List.of(start, end));
                start = end - 1;
            }
        }
        return r;
    }

    private static List<List<Integer>> regexMatches(String s) {
        List<List<Integer>> r = new ArrayList<>();
        Matcher m = BITBAKE.matcher(s);
        while (m.find()) {
            r.add(List.of(m.start(), m.end()));
        }
        return r;
    }

    @Test
    void matchesWhereCPythonsRegularExpressionMatches() {
        // expected values printed by CPython 3.11: [(m.start(), m.end()) for m in R.finditer(s)]
        assertThat(matches("${@d.getVar('A')}")).containsExactly(List.of(0, 17));
        assertThat(matches("x ${@'{}'.format(1)} y")).containsExactly(List.of(2, 20));
        assertThat(matches("${@{a}\n")).containsExactly(List.of(0, 6));
        assertThat(matches("${@}}")).containsExactly(List.of(0, 5));
        assertThat(matches("${@{}")).containsExactly(List.of(0, 5));
        assertThat(matches("${@{a}b}c}")).containsExactly(List.of(0, 8));
        assertThat(matches("${@\n}")).isEmpty();
        assertThat(matches("${@a}${@b}")).containsExactly(List.of(0, 5), List.of(5, 10));
        assertThat(matches("${@ {'a': 1}['a'] }")).containsExactly(List.of(0, 19));
        assertThat(matches("${@{x}}")).containsExactly(List.of(0, 7));
        assertThat(matches("${@{x}\n}")).containsExactly(List.of(0, 6));
        assertThat(matches("${@${@a}}")).containsExactly(List.of(0, 9));
        assertThat(matches("${@{a\n}b}")).isEmpty();
        assertThat(matches("${@{{}}}")).containsExactly(List.of(0, 7));
    }

    @Test
    void agreesWithTheRegularExpressionOnRandomText() {
        Random random = new Random(20261128);
        String[] pieces = {"${@", "{", "}", "a", "\n", "$", "@", "{}", "x}", "\r"};
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(14);
            for (int k = 0; k < n; k++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = b.toString();
            assertThat(matches(s)).as("%s", s.replace("\n", "\\n")).isEqualTo(regexMatches(s));
        }
    }

    @Test
    void aLongLineWithManyBracesStaysLinear() {
        String line = "${@" + "{a}".repeat(20_000) + "b}" + "{".repeat(5_000);
        assertThat(InlinePythonMatch.end(line, 0)).isEqualTo(3 + 60_000 + 2);
        String unclosed = "${@" + "{a".repeat(3_000);
        assertThat(InlinePythonMatch.end(unclosed, 0)).isEqualTo(-1);
    }
}
