package dev.bitzel.graph.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code difflib.get_close_matches} (with {@code SequenceMatcher} without junk), which BitBake uses for
 * the "Close matches" of its error messages. The automatic junk heuristic only applies to strings of 200 or more
 * characters, longer than any recipe or task name, and is left out.
 */
final class Difflib {

    private Difflib() {
    }

    /**
     * The best matches of {@code word} among {@code possibilities}: at most {@code n}, each with a similarity
     * ratio of at least {@code cutoff}, best first (ties: the greater string first, as Python's heapq does).
     */
    static List<String> closeMatches(String word, Iterable<String> possibilities, int n, double cutoff) {
        record Scored(double score, String text) {
        }
        List<Scored> result = new ArrayList<>();
        Map<Character, List<Integer>> b2j = new HashMap<>();
        for (int j = 0; j < word.length(); j++) {
            b2j.computeIfAbsent(word.charAt(j), k -> new ArrayList<>()).add(j);
        }
        for (String x : possibilities) {
            double ratio = ratio(x, word, b2j);
            if (ratio >= cutoff) {
                result.add(new Scored(ratio, x));
            }
        }
        result.sort(Comparator.comparingDouble(Scored::score).thenComparing(Scored::text).reversed());
        return result.stream().limit(n).map(Scored::text).toList();
    }

    private static double ratio(String a, String b, Map<Character, List<Integer>> b2j) {
        int total = a.length() + b.length();
        if (total == 0) {
            return 1.0;
        }
        int matches = 0;
        Deque<int[]> queue = new ArrayDeque<>();
        queue.add(new int[] {0, a.length(), 0, b.length()});
        while (!queue.isEmpty()) {
            int[] q = queue.poll();
            int[] m = longestMatch(a, b2j, q[0], q[1], q[2], q[3]);
            int i = m[0];
            int j = m[1];
            int k = m[2];
            if (k > 0) {
                matches += k;
                if (q[0] < i && q[2] < j) {
                    queue.add(new int[] {q[0], i, q[2], j});
                }
                if (i + k < q[1] && j + k < q[3]) {
                    queue.add(new int[] {i + k, q[1], j + k, q[3]});
                }
            }
        }
        return 2.0 * matches / total;
    }

    /** {@code SequenceMatcher.find_longest_match} without junk: earliest in a, then earliest in b. */
    private static int[] longestMatch(String a, Map<Character, List<Integer>> b2j, int alo, int ahi, int blo,
            int bhi) {
        int besti = alo;
        int bestj = blo;
        int bestsize = 0;
        Map<Integer, Integer> j2len = new HashMap<>();
        for (int i = alo; i < ahi; i++) {
            Map<Integer, Integer> newj2len = new HashMap<>();
            for (int j : b2j.getOrDefault(a.charAt(i), List.of())) {
                if (j < blo) {
                    continue;
                }
                if (j >= bhi) {
                    break;
                }
                int k = j2len.getOrDefault(j - 1, 0) + 1;
                newj2len.put(j, k);
                if (k > bestsize) {
                    besti = i - k + 1;
                    bestj = j - k + 1;
                    bestsize = k;
                }
            }
            j2len = newj2len;
        }
        return new int[] {besti, bestj, bestsize};
    }
}
