package dev.bitzel.graph.internal;

import dev.bitzel.parser.Versions;
import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.ExpansionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The recipes of one configuration indexed by what they provide — BitBake's cooker recipe cache
 * ({@code CacheData}) — with the provider selection of {@code bb.providers}: BBFILE_PRIORITY,
 * DEFAULT_PREFERENCE, PREFERRED_VERSION/REQUIRED_VERSION, PREFERRED_PROVIDER(S), PREFERRED_RPROVIDER.
 */
public final class RecipeIndex {
    private final DataStore config;
    private final Map<String, RecipeInfo> byFn = new LinkedHashMap<>();
    private final Map<String, List<String>> pkgPn = new LinkedHashMap<>();
    private final Map<String, List<String>> providers = new HashMap<>();
    private final Map<String, List<String>> rproviders = new HashMap<>();
    private final Map<String, List<String>> packages = new HashMap<>();
    private final Map<String, List<String>> packagesDynamic = new LinkedHashMap<>();
    private final Map<String, List<String>> pnProvides = new HashMap<>();
    private final Map<String, Pattern> dynamicPatterns = new HashMap<>();
    /** The PACKAGES_DYNAMIC patterns by their literal start (indexes into {@link #dynamicEntries}); built on use. */
    private Map<String, List<Integer>> dynamicByPrefix;
    private List<Integer> dynamicUnprefixed;
    private List<Map.Entry<String, List<String>>> dynamicEntries;
    /** {@link #runtimeProviders} by name: the index does not change once built, and names are asked repeatedly. */
    private final Map<String, List<String>> runtimeProvidersOf = new HashMap<>();
    private final Set<String> ignored;
    private final List<Pattern> ignoredPatterns = new ArrayList<>();
    private final Map<String, String> preferred = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<Skipped> skipped;

    /**
     * A recipe BitBake skipped, as its skip list keeps it.
     *
     * @param pn its name
     * @param provides its PROVIDES names
     * @param rprovides its RPROVIDES names (recipe and packages)
     * @param reason why it was skipped
     */
    public record Skipped(String pn, List<String> provides, List<String> rprovides, String reason) {
    }

    /**
     * Indexes recipes under a configuration.
     *
     * @param config the configuration datastore (keys already expanded, as the cooker's {@code localdata})
     * @param recipes the parsed, not skipped recipe variants in parse order
     * @param skipped the skipped ones, for the reasons in error messages
     * @throws ExpansionException when a configuration variable read here does not expand
     */
    public RecipeIndex(DataStore config, List<RecipeInfo> recipes, List<Skipped> skipped) throws ExpansionException {
        this.config = config;
        this.skipped = List.copyOf(skipped);
        for (RecipeInfo r : recipes) {
            add(r);
        }
        String assumed = config.getVar("ASSUME_PROVIDED");
        ignored = assumed == null || assumed.isBlank() ? Set.of()
                : Set.copyOf(List.of(assumed.trim().split("\\s+")));
        for (String pattern : ignored) {
            if (pattern.startsWith("^") || pattern.endsWith("$")) {
                try {
                    ignoredPatterns.add(Pattern.compile(pattern));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("ASSUME_PROVIDED: bad regular expression '" + pattern + "'",
                            e);
                }
            }
        }
        String prefs = config.getVar("PREFERRED_PROVIDERS");
        if (prefs != null) {
            for (String pair : prefs.trim().split("\\s+")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int colon = pair.indexOf(':');
                if (colon < 0) {
                    warnings.add("PREFERRED_PROVIDERS: invalid entry '" + pair + "' (expected providee:provider)");
                    continue;
                }
                preferred.put(pair.substring(0, colon), pair.substring(colon + 1));
            }
        }
    }

    private void add(RecipeInfo r) {
        String fn = r.fn();
        byFn.put(fn, r);
        pkgPn.computeIfAbsent(r.pn(), k -> new ArrayList<>()).add(fn);
        for (String provide : r.provides()) {
            providers.computeIfAbsent(provide, k -> new ArrayList<>()).add(fn);
            List<String> pp = pnProvides.computeIfAbsent(r.pn(), k -> new ArrayList<>());
            if (!pp.contains(provide)) {
                pp.add(provide);
            }
        }
        for (String pkg : r.packages()) {
            packages.computeIfAbsent(pkg, k -> new ArrayList<>()).add(fn);
        }
        for (String rprovide : r.rprovides()) {
            List<String> list = rproviders.computeIfAbsent(rprovide, k -> new ArrayList<>());
            if (!list.contains(fn)) {
                list.add(fn);
            }
        }
        for (String pattern : r.packagesDynamic()) {
            packagesDynamic.computeIfAbsent(pattern, k -> new ArrayList<>()).add(fn);
        }
    }

    /** The recipe of a file name. */
    public RecipeInfo info(String fn) {
        RecipeInfo r = byFn.get(fn);
        if (r == null) {
            throw new IllegalArgumentException("no recipe '" + fn + "'");
        }
        return r;
    }

    /** Every indexed recipe, in parse order. */
    public Iterable<RecipeInfo> all() {
        return byFn.values();
    }

    /** File names per PN. */
    public Map<String, List<String>> pkgPn() {
        return Collections.unmodifiableMap(pkgPn);
    }

    /** Whether a name is in {@code ASSUME_PROVIDED} (BitBake's {@code ignored_dependencies}). */
    public boolean isIgnored(String name) {
        if (ignored.contains(name)) {
            return true;
        }
        for (Pattern pattern : ignoredPatterns) {
            if (pattern.matcher(name).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** Warnings found while indexing and choosing providers (preferred versions not available, …). */
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** The build-time providers of a name, or null when nothing provides it. */
    public List<String> buildProviders(String item) {
        return providers.get(item);
    }

    /**
     * BitBake's {@code get_close_matches}: names close to {@code item} among every provided name and every skipped
     * recipe's name.
     */
    public List<String> closeMatches(String item) {
        List<String> all = new ArrayList<>(providers.keySet());
        all.sort(null);
        skipped.forEach(s -> all.add(s.pn()));
        return Difflib.closeMatches(item, all, 3, 0.7);
    }

    /** BitBake's {@code get_reasons}: the skipped recipes that would have provided {@code item}, and why. */
    public List<String> skipReasons(String item, boolean runtime) {
        List<String> reasons = new ArrayList<>();
        for (Skipped s : skipped) {
            if (s.pn().equals(item)) {
                reasons.add(s.pn() + " was skipped: " + s.reason());
            } else if (runtime && s.rprovides().contains(item)) {
                reasons.add(s.pn() + " RPROVIDES " + item + " but was skipped: " + s.reason());
            } else if (!runtime && s.provides().contains(item)) {
                reasons.add(s.pn() + " PROVIDES " + item + " but was skipped: " + s.reason());
            }
        }
        return reasons;
    }

    /** {@code bb.providers.getRuntimeProviders}: RPROVIDES, then PACKAGES, then PACKAGES_DYNAMIC patterns. */
    public List<String> runtimeProviders(String rdepend) {
        List<String> known = runtimeProvidersOf.get(rdepend);
        if (known == null) {
            known = List.copyOf(findRuntimeProviders(rdepend));
            runtimeProvidersOf.put(rdepend, known);
        }
        return new ArrayList<>(known);
    }

    private List<String> findRuntimeProviders(String rdepend) {
        List<String> result = new ArrayList<>();
        List<String> rp = rproviders.get(rdepend);
        if (rp != null) {
            result.addAll(rp);
        }
        List<String> pk = packages.get(rdepend);
        if (pk != null) {
            result.addAll(pk);
        }
        if (!result.isEmpty()) {
            return result;
        }
        for (Map.Entry<String, List<String>> e : dynamicCandidates(rdepend)) {
            Pattern p = dynamicPatterns.computeIfAbsent(e.getKey(), k -> {
                try {
                    return Pattern.compile(k.replace("+", "\\+"));
                } catch (PatternSyntaxException ex) {
                    throw new IllegalArgumentException("PACKAGES_DYNAMIC: error parsing regular expression '" + k
                            + "' (" + String.join(", ", e.getValue()) + ")", ex);
                }
            });
            if (p.matcher(rdepend).lookingAt()) {
                result.addAll(e.getValue());
            }
        }
        return result;
    }

    /**
     * The PACKAGES_DYNAMIC patterns that may match {@code name} (in their order): those whose literal start is a
     * prefix of it, and those without a literal start. Python's {@code re.match} anchors at the start, so a pattern
     * whose first characters are literal matches only names that start with them.
     */
    private List<Map.Entry<String, List<String>>> dynamicCandidates(String name) {
        if (dynamicByPrefix == null) {
            dynamicByPrefix = new HashMap<>();
            dynamicUnprefixed = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, List<String>> e : packagesDynamic.entrySet()) {
                String prefix = literalStart(e.getKey());
                if (prefix.isEmpty()) {
                    dynamicUnprefixed.add(i);
                } else {
                    dynamicByPrefix.computeIfAbsent(prefix, k -> new ArrayList<>()).add(i);
                }
                i++;
            }
            dynamicEntries = new ArrayList<>(packagesDynamic.entrySet());
        }
        List<Integer> found = new ArrayList<>(dynamicUnprefixed);
        for (int end = 1; end <= name.length(); end++) {
            List<Integer> withPrefix = dynamicByPrefix.get(name.substring(0, end));
            if (withPrefix != null) {
                found.addAll(withPrefix);
            }
        }
        found.sort(null);
        List<Map.Entry<String, List<String>>> result = new ArrayList<>(found.size());
        for (int i : found) {
            result.add(dynamicEntries.get(i));
        }
        return result;
    }

    /**
     * The characters every match of a pattern (as {@code PACKAGES_DYNAMIC} gives it, {@code +} made literal) starts
     * with: the literal characters after an optional {@code ^}, up to the first special one; a character followed by
     * a quantifier that allows zero is left out. Empty when unsure (alternation, groups, classes at the start).
     */
    static String literalStart(String pattern) {
        if (pattern.indexOf('|') >= 0) {
            return "";
        }
        String p = pattern.replace("+", "\\+");
        StringBuilder prefix = new StringBuilder();
        int i = p.startsWith("^") ? 1 : 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\') {
                if (i + 1 < p.length() && !Character.isLetterOrDigit(p.charAt(i + 1))) {
                    prefix.append(p.charAt(i + 1));
                    i += 2;
                    if (i < p.length() && "*?{".indexOf(p.charAt(i)) >= 0) {
                        prefix.setLength(prefix.length() - 1);
                        break;
                    }
                    continue;
                }
                break;
            }
            if (".[](){}*+?^$".indexOf(c) >= 0) {
                if ("*?{".indexOf(c) >= 0 && prefix.length() > 0) {
                    prefix.setLength(prefix.length() - 1);
                }
                break;
            }
            prefix.append(c);
            i++;
        }
        return prefix.toString();
    }

    /** {@code bb.providers.sortPriorities}: file groups by descending priority, each by DEFAULT_PREFERENCE. */
    private List<List<String>> sortPriorities(List<String> files) {
        TreeMap<Integer, TreeMap<Integer, List<String>>> byPriority = new TreeMap<>();
        for (String f : files) {
            RecipeInfo r = byFn.get(f);
            byPriority.computeIfAbsent(r.priority(), k -> new TreeMap<>())
                    .computeIfAbsent(r.defaultPreference(), k -> new ArrayList<>()).add(f);
        }
        List<List<String>> result = new ArrayList<>();
        for (TreeMap<Integer, List<String>> prefs : byPriority.values()) {
            List<String> group = new ArrayList<>();
            prefs.values().forEach(group::addAll);
            result.add(0, group);
        }
        return result;
    }

    private String versionVariable(String keyword, String pn) throws ExpansionException {
        String v = config.getVar(keyword + "_VERSION:pn-" + pn);
        if (v == null || v.isEmpty()) {
            v = config.getVar(keyword + "_VERSION_" + pn);
        }
        if (v == null || v.isEmpty()) {
            v = config.getVar(keyword + "_VERSION");
        }
        return v;
    }

    private record Preferred(String file, boolean required) {
    }

    private static final Pattern PREFERRED_VERSION = Pattern.compile("(\\d+:)*(.*)(_.*)*");

    /** {@code bb.providers.findPreferredProvider}. */
    private Preferred findPreferredProvider(String pn, List<List<String>> sorted, String item)
            throws ExpansionException {
        String requiredV = versionVariable("REQUIRED", pn);
        String preferredV = versionVariable("PREFERRED", pn);
        boolean required = false;
        String itemstr = item == null ? "" : " (for item " + item + ")";
        if (requiredV != null) {
            if (preferredV != null) {
                warnings.add("REQUIRED_VERSION and PREFERRED_VERSION for package " + pn + itemstr
                        + " are both set using REQUIRED_VERSION " + requiredV);
            }
            preferredV = requiredV;
            required = true;
        }
        if (preferredV == null || preferredV.isEmpty()) {
            return new Preferred(null, required);
        }
        java.util.regex.Matcher m = PREFERRED_VERSION.matcher(preferredV);
        String preferredE = null;
        String preferredR = null;
        String version = preferredV;
        if (m.matches()) {
            preferredE = m.group(1) == null ? null : m.group(1).substring(0, m.group(1).length() - 1);
            version = m.group(2);
            preferredR = m.group(3) == null ? null : m.group(3).substring(1);
        }
        for (List<String> set : sorted) {
            for (String f : set) {
                RecipeInfo r = byFn.get(f);
                if (versionMatch(r, preferredE, version, preferredR)) {
                    return new Preferred(f, required);
                }
            }
        }
        String pvStr = preferredR != null ? version + "-" + preferredR : version;
        if (preferredE != null) {
            pvStr = preferredE + ":" + pvStr;
        }
        if (!required) {
            warnings.add("preferred version " + pvStr + " of " + pn + " not available" + itemstr);
        } else {
            warnings.add("required version " + pvStr + " of " + pn + " not available" + itemstr);
        }
        return new Preferred(null, required);
    }

    private static boolean versionMatch(RecipeInfo r, String e, String v, String pr) {
        if (pr == null || pr.equals(r.pr())) {
            if (e == null || e.equals(r.pe())) {
                if (v.equals(r.pv())) {
                    return true;
                }
                return v.endsWith("%") && r.pv().startsWith(v.substring(0, v.length() - 1));
            }
        }
        return false;
    }

    /** {@code bb.providers.findLatestProvider}: the highest version, DEFAULT_PREFERENCE first. */
    private String findLatestProvider(List<String> files) {
        RecipeInfo latest = null;
        int latestP = 0;
        for (String f : files) {
            RecipeInfo r = byFn.get(f);
            int dp = r.defaultPreference();
            if (latest == null || (latestP == dp && Versions.compare(latest.pe(), latest.pv(), latest.pr(), r.pe(),
                    r.pv(), r.pr()) < 0) || dp > latestP) {
                latest = r;
                latestP = dp;
            }
        }
        return latest == null ? null : latest.fn();
    }

    /** {@code bb.providers._filterProviders}: one preferred file per PN, the PN equal to the item first. */
    private List<String> filterProvidersCommon(List<String> candidates, String item) throws ExpansionException {
        List<String> sortedCandidates = new ArrayList<>(candidates);
        Collections.sort(sortedCandidates);
        TreeMap<String, List<String>> byPn = new TreeMap<>();
        for (String p : sortedCandidates) {
            byPn.computeIfAbsent(byFn.get(p).pn(), k -> new ArrayList<>()).add(p);
        }
        List<String> eligible = new ArrayList<>();
        Map<String, List<List<String>>> sortedByPn = new TreeMap<>();
        Map<String, String> preferredFile = new HashMap<>();
        for (Map.Entry<String, List<String>> e : byPn.entrySet()) {
            List<List<String>> sorted = sortPriorities(e.getValue());
            sortedByPn.put(e.getKey(), sorted);
            Preferred pref = findPreferredProvider(e.getKey(), sorted, item);
            if (pref.required() && pref.file() == null) {
                return eligible;
            }
            if (pref.file() != null) {
                preferredFile.put(e.getKey(), pref.file());
                eligible.add(pref.file());
            }
        }
        for (Map.Entry<String, List<List<String>>> e : sortedByPn.entrySet()) {
            if (preferredFile.containsKey(e.getKey())) {
                continue;
            }
            String latest = findLatestProvider(e.getValue().get(0));
            preferredFile.put(e.getKey(), latest);
            eligible.add(latest);
        }
        if (eligible.isEmpty()) {
            return eligible;
        }
        for (String p : sortedCandidates) {
            String pn = byFn.get(p).pn();
            if (!pn.equals(item)) {
                continue;
            }
            String fn = preferredFile.get(pn);
            if (!eligible.contains(fn)) {
                continue;
            }
            eligible.remove(fn);
            eligible.add(0, fn);
        }
        return eligible;
    }

    /** The result of choosing among providers: the eligible files, best first, and how sure the choice is. */
    public record Choice(List<String> eligible, int preferredCount) {
    }

    /** {@code bb.providers.filterProviders} for a build-time name. */
    public Choice filterProviders(List<String> candidates, String item) throws ExpansionException {
        List<String> eligible = filterProvidersCommon(candidates, item);
        String prefer = config.getVar("PREFERRED_PROVIDER_" + item);
        if (prefer != null && !prefer.isEmpty()) {
            preferred.put(item, prefer);
        }
        int found = 0;
        String wanted = preferred.get(item);
        if (wanted != null) {
            for (String p : new ArrayList<>(eligible)) {
                if (wanted.equals(byFn.get(p).pn())) {
                    eligible.remove(p);
                    eligible.add(0, p);
                    found = 1;
                    break;
                }
            }
        }
        return new Choice(eligible, found);
    }

    /** {@code bb.providers.filterProvidersRunTime} for a runtime name. */
    public Choice filterProvidersRunTime(List<String> candidates, String item) throws ExpansionException {
        List<String> eligible = filterProvidersCommon(candidates, item);
        String prefer = config.getVar("PREFERRED_RPROVIDER_" + item);
        if (prefer != null && !prefer.isEmpty()) {
            for (String p : new ArrayList<>(eligible)) {
                if (prefer.equals(byFn.get(p).pn())) {
                    eligible.remove(p);
                    eligible.add(0, p);
                    return new Choice(eligible, 1);
                }
            }
        }
        List<String> preferredList = new ArrayList<>();
        Map<String, String> pns = new HashMap<>();
        for (String p : eligible) {
            pns.put(byFn.get(p).pn(), p);
        }
        for (String p : new ArrayList<>(eligible)) {
            String pn = byFn.get(p).pn();
            for (String provide : pnProvides.getOrDefault(pn, List.of())) {
                String pv = config.getVar("PREFERRED_PROVIDER_" + provide);
                if (pv != null && pns.containsKey(pv) && !preferredList.contains(pns.get(pv))) {
                    String pref = pns.get(pv);
                    eligible.remove(pref);
                    eligible.add(0, pref);
                    preferredList.add(pref);
                    break;
                }
            }
        }
        return new Choice(eligible, preferredList.size());
    }
}
