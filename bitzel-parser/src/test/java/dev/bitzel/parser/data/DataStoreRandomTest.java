package dev.bitzel.parser.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Replays random operation sequences whose results were recorded from real BitBake 2.8.1
 * ({@code src/test/python/gen_random_scenarios.py} wrote {@code random-scenarios.txt}).
 */
class DataStoreRandomTest {

    private static String dec(String s) {
        return s.equals("~") ? null : s.equals("%") ? "" : URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Test
    void everyRecordedScenarioGivesBitBakesResults() throws IOException {
        List<String> failures = new ArrayList<>();
        int scenarios = 0;
        int checks = 0;
        try (InputStream in = DataStoreRandomTest.class.getResourceAsStream("random-scenarios.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            DataStore d = null;
            String scenario = null;
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(" ", -1);
                if (f[0].equals("scenario")) {
                    scenario = f[1];
                    d = DataStore.create();
                    scenarios++;
                    continue;
                }
                if (scenario == null || d == null) {
                    continue;
                }
                String expected = f[f.length - 1];
                String actual;
                try {
                    switch (f[0]) {
                        case "set" -> d.setVar(dec(f[1]), dec(f[2]), null, f[3].equals("1"));
                        case "flag" -> d.setVarFlag(dec(f[1]), dec(f[2]), dec(f[3]), null);
                        case "del" -> d.delVar(dec(f[1]), null);
                        case "rename" -> d.renameVar(f[1], f[2], null);
                        case "append" -> d.appendVar(dec(f[1]), dec(f[2]), null);
                        case "prepend" -> d.prependVar(dec(f[1]), dec(f[2]), null);
                        case "copy" -> d = d.createCopy();
                        case "get" -> {
                            String v = d.getVar(dec(f[1]), f[2].equals("1"));
                            expected = dec(f[3]);
                            actual = v;
                            checks++;
                            if (expected == null ? actual != null : !expected.equals(actual)) {
                                failures.add("scenario " + scenario + ": " + line + " but was " + actual);
                                scenario = null;
                            }
                            continue;
                        }
                        case "keys" -> {
                            checks++;
                            List<String> want = new ArrayList<>();
                            for (String k : Arrays.asList(f).subList(1, f.length)) {
                                if (!k.isEmpty()) {
                                    want.add(dec(k));
                                }
                            }
                            List<String> got = new ArrayList<>(new TreeSet<>(d.keys()));
                            if (!got.equals(want)) {
                                failures.add("scenario " + scenario + ": " + line + " but was " + got);
                                scenario = null;
                            }
                            continue;
                        }
                        default -> throw new IllegalStateException(line);
                    }
                    actual = ".";
                } catch (ExpansionException e) {
                    actual = "!" + e.exceptionType();
                } catch (UncheckedExpansionException e) {
                    actual = "!" + e.getCause().exceptionType();
                }
                if (!f[0].equals("copy") && !expected.equals(actual)) {
                    failures.add("scenario " + scenario + ": " + line + " but was " + actual);
                    scenario = null;
                }
            }
        }
        assertThat(scenarios).isEqualTo(2000);
        assertThat(checks).isGreaterThan(10_000);
        assertThat(failures).isEmpty();
    }
}
