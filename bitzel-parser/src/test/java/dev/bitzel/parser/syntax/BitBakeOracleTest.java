package dev.bitzel.parser.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Replays {@code bitbake-oracle.txt}: about two thousand inputs, hand-picked corner cases and generated
 * lines, each with the statements real BitBake 2.8.1 ({@code BBHandler.get_statements} or
 * {@code ConfHandler.handle} with {@code baseconfig=True}) produced from it, or {@code ERROR} where it
 * raised. The file was recorded with a Python harness around poky's {@code bitbake/lib}; see the report of
 * the commit that added it.
 */
class BitBakeOracleTest {

    record Case(Dialect dialect, String text, List<String> expected) {
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = BitBakeOracleTest.class.getResourceAsStream("bitbake-oracle.txt")) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Case current = null;
            for (String line : all.split("\n", -1)) {
                if (line.startsWith("== ")) {
                    int space = line.indexOf(' ', 3);
                    current = new Case(Dialect.valueOf(line.substring(3, space)), unquote(line.substring(space + 1)),
                            new ArrayList<>());
                    cases.add(current);
                } else if (!line.isEmpty()) {
                    current.expected().add(line);
                }
            }
        }
        return cases;
    }

    static String unquote(String quoted) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = quoted.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(quoted.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> sb.append(e);
            }
        }
        return sb.toString();
    }

    @Test
    void everyRecordedInputParsesAsBitBakeParsedIt() throws IOException {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThan(1000);
        SoftAssertions softly = new SoftAssertions();
        for (Case c : cases) {
            SyntaxTree tree = Syntax.parse("case", c.text(), c.dialect());
            softly.assertThat(tree.print()).isEqualTo(c.text());
            if (c.expected().equals(List.of("ERROR"))) {
                softly.assertThat(tree.hasErrors()).as("%s %s should fail", c.dialect(), TreeDump.q(c.text()))
                        .isTrue();
                continue;
            }
            List<String> actual = new ArrayList<>();
            for (Node node : tree.nodes()) {
                if (node instanceof Statement s) {
                    actual.add(node.getClass().getSimpleName() + " line=" + s.line() + " " + TreeDump.fields(node));
                }
            }
            softly.assertThat(tree.hasErrors()).as("%s %s: %s", c.dialect(), TreeDump.q(c.text()),
                    tree.diagnostics()).isFalse();
            List<String> expected = c.expected();
            if (c.dialect() == Dialect.CONF && c.text().stripTrailing().endsWith("\\")) {
                // Documented deviation (Statement.line()): ConfHandler counts lines it "reads" past the end.
                actual = actual.stream().map(s -> s.replaceFirst(" line=\\d+ ", " ")).toList();
                expected = expected.stream().map(s -> s.replaceFirst(" line=\\d+ ", " ")).toList();
            }
            softly.assertThat(actual).as("%s %s", c.dialect(), TreeDump.q(c.text())).isEqualTo(expected);
        }
        softly.assertAll();
    }
}
