package dev.bitzel.parser;

import dev.bitzel.parser.internal.data.PyStrings;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * BitBake's version and dependency-string helpers ({@code bb.utils.vercmp_string}, {@code vercmp_string_op},
 * {@code explode_deps}, {@code explode_dep_versions2}), with the same results.
 *
 * <p>Stateless and thread-safe.
 */
public final class Versions {

    private Versions() {
    }

    /**
     * Compares two {@code [epoch:]version[-revision]} strings as {@code bb.utils.vercmp_string}.
     *
     * @return negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}
     * @throws IllegalArgumentException if an epoch is not a number
     */
    public static int compare(String a, String b) {
        String[] ta = split(Objects.requireNonNull(a, "a"));
        String[] tb = split(Objects.requireNonNull(b, "b"));
        int r = new BigInteger(ta[0]).compareTo(new BigInteger(tb[0]));
        if (r == 0) {
            r = comparePart(ta[1], tb[1]);
        }
        if (r == 0) {
            r = comparePart(ta[2], tb[2]);
        }
        return Integer.signum(r);
    }

    /**
     * Compares two {@code (PE, PV, PR)} triples as {@code bb.utils.vercmp}: epochs as integers (empty or null is
     * 0), then versions, then revisions.
     *
     * @return negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}
     * @throws IllegalArgumentException if an epoch is not a number
     */
    public static int compare(String epochA, String versionA, String revisionA, String epochB, String versionB,
            String revisionB) {
        int r = epoch(epochA).compareTo(epoch(epochB));
        if (r == 0) {
            r = comparePart(versionA == null ? "" : versionA, versionB == null ? "" : versionB);
        }
        if (r == 0) {
            r = comparePart(revisionA == null ? "" : revisionA, revisionB == null ? "" : revisionB);
        }
        return Integer.signum(r);
    }

    private static BigInteger epoch(String e) {
        if (e == null || e.isEmpty()) {
            return BigInteger.ZERO;
        }
        try {
            return new BigInteger(e.trim());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("epoch is not a number: '" + e + "'", ex);
        }
    }

    /**
     * Whether {@code a op b} holds, as {@code bb.utils.vercmp_string_op}; {@code op} is one of {@code = == <= >=
     * > >> < << !=}.
     *
     * @throws IllegalArgumentException naming an unsupported operator
     */
    public static boolean matches(String a, String op, String b) {
        int res = compare(a, b);
        return switch (op) {
            case "=", "==" -> res == 0;
            case "<=" -> res <= 0;
            case ">=" -> res >= 0;
            case ">", ">>" -> res > 0;
            case "<", "<<" -> res < 0;
            case "!=" -> res != 0;
            default -> throw new IllegalArgumentException("Unsupported comparison operator \"" + op + "\"");
        };
    }

    /** {@code bb.utils.split_version}: epoch (as text, "0" when absent), version, revision. */
    private static String[] split(String s) {
        String v = strip(s, " <>=");
        String e = "0";
        if (v.contains(":")) {
            String[] parts = v.split(":", -1);
            e = parts[0].trim();
            if (!e.matches("[+-]?\\d+")) {
                throw new IllegalArgumentException("invalid epoch '" + parts[0] + "' in version '" + s + "'");
            }
            v = parts[1];
        }
        String r = "";
        int dash = v.lastIndexOf('-');
        if (dash >= 0) {
            r = v.substring(dash + 1);
            v = v.substring(0, dash);
        }
        return new String[] {e, v, r};
    }

    private static String strip(String s, String chars) {
        int start = 0;
        int end = s.length();
        while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    /** One element of {@code bb.utils.explode_version}: an order class and a number or text. */
    private record Part(int order, BigInteger number, String text) {
    }

    private static List<Part> explode(String s) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                int j = i;
                while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                    j++;
                }
                parts.add(new Part(0, new BigInteger(s.substring(i, j)), null));
                i = j;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                int j = i;
                while (j < s.length() && ((s.charAt(j) >= 'a' && s.charAt(j) <= 'z')
                        || (s.charAt(j) >= 'A' && s.charAt(j) <= 'Z'))) {
                    j++;
                }
                parts.add(new Part(1, null, s.substring(i, j)));
                i = j;
            } else {
                parts.add(new Part(c == '~' ? -1 : 2, null, String.valueOf(c)));
                i++;
            }
        }
        return parts;
    }

    /** {@code bb.utils.vercmp_part}. */
    private static int comparePart(String a, String b) {
        List<Part> va = explode(a);
        List<Part> vb = explode(b);
        int ia = 0;
        int ib = 0;
        while (true) {
            Part pa = ia < va.size() ? va.get(ia++) : null;
            Part pb = ib < vb.size() ? vb.get(ib++) : null;
            int oa = pa == null ? 0 : pa.order();
            int ob = pb == null ? 0 : pb.order();
            if (pa == null && pb == null) {
                return 0;
            }
            if (oa != ob) {
                return oa < ob ? -1 : 1;
            }
            if (pa == null) {
                return -1;
            }
            if (pb == null) {
                return 1;
            }
            int c = pa.number() != null ? pa.number().compareTo(pb.number()) : pa.text().compareTo(pb.text());
            if (c != 0) {
                return c < 0 ? -1 : 1;
            }
        }
    }

    /** {@code bb.utils.explode_deps}: the names of an RDEPENDS-style string, version constraints dropped. */
    public static List<String> explodeDeps(String s) {
        List<String> result = new ArrayList<>();
        boolean inVersion = false;
        for (String word : words(s)) {
            if (word.startsWith("(")) {
                inVersion = true;
            }
            if (!inVersion) {
                result.add(word);
            }
            if (inVersion && word.endsWith(")")) {
                inVersion = false;
            }
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * {@code bb.utils.explode_dep_versions2}: each name of an RDEPENDS-style string with its version
     * constraints ({@code ">= 1.2"}), sorted by name.
     *
     * @throws IllegalArgumentException for a constraint without a valid operator, as BitBake's
     *     VersionStringException
     */
    public static Map<String, List<String>> explodeDepVersions(String s) {
        return explodeDepVersions(s, true);
    }

    /**
     * {@code bb.utils.explode_dep_versions2(s, sort=sort)}: as {@link #explodeDepVersions(String)}, in the order of
     * the string when {@code sort} is false.
     *
     * @param s an RDEPENDS-style string
     * @param sort whether the names are sorted
     * @return each name with its version constraints
     * @throws IllegalArgumentException for a constraint without a valid operator
     */
    public static Map<String, List<String>> explodeDepVersions(String s, boolean sort) {
        Map<String, List<String>> r = new LinkedHashMap<>();
        String lastDep = null;
        String lastCmp = "";
        String lastVer = "";
        boolean inCmp = false;
        boolean inVersion = false;
        for (String word : words(s.replace(",", ""))) {
            String i = word;
            if (i.charAt(0) == '(') {
                inCmp = true;
                i = i.substring(1).trim();
                if (i.isEmpty()) {
                    continue;
                }
            }
            if (inCmp) {
                inCmp = false;
                inVersion = true;
                String two = i.length() >= 2 ? i.substring(0, 2) : "";
                if (List.of("<=", "=<", "<<", "==", "!=", ">=", "=>", ">>").contains(two)) {
                    lastCmp = two;
                    i = i.substring(2);
                } else if (!i.isEmpty() && "<>=".indexOf(i.charAt(0)) >= 0) {
                    lastCmp = i.substring(0, 1);
                    i = i.substring(1);
                } else {
                    throw new IllegalArgumentException("Invalid version specification in \"(" + i
                            + "\" - invalid or missing operator");
                }
                if (i.isEmpty()) {
                    continue;
                }
            }
            if (inVersion) {
                if (i.endsWith(")")) {
                    i = i.substring(0, i.length() - 1);
                    inVersion = false;
                    if (!lastVer.isEmpty() && !i.isEmpty()) {
                        lastVer += " ";
                    }
                }
                if (!i.isEmpty()) {
                    if (lastDep == null) {
                        throw new IllegalArgumentException("version constraint before any name in \"" + s + "\"");
                    }
                    lastVer += i;
                    r.computeIfAbsent(lastDep, k -> new ArrayList<>()).add(lastCmp + " " + lastVer);
                }
                continue;
            }
            lastDep = i;
            lastVer = "";
            lastCmp = "";
            if (!(r.containsKey(i) && !r.get(i).isEmpty())) {
                r.put(i, new ArrayList<>());
            }
        }
        Map<String, List<String>> result = sort ? new TreeMap<>() : new LinkedHashMap<>();
        r.forEach((k, v) -> result.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(new LinkedHashMap<>(result));
    }

    private static List<String> words(String s) {
        // Python's s.split(), as BitBake's explode_deps and friends split (this runs for every dependency string)
        return Collections.unmodifiableList(PyStrings.split(s));
    }
}
