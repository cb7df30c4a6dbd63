package dev.bitzel.graph.internal;

import dev.bitzel.parser.PreferredVersions;
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

    /** The file as {@link PreferredVersions} sees it. */
    private PreferredVersions.Candidate candidate(String fn) {
        RecipeInfo r = byFn.get(fn);
        return new PreferredVersions.Candidate(fn, r.pe(), r.pv(), r.pr(), r.priority(), r.defaultPreference());
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
        Map<String, List<List<PreferredVersions.Candidate>>> sortedByPn = new TreeMap<>();
        Map<String, String> preferredFile = new HashMap<>();
        for (Map.Entry<String, List<String>> e : byPn.entrySet()) {
            List<List<PreferredVersions.Candidate>> sorted =
                    PreferredVersions.sortPriorities(e.getValue().stream().map(this::candidate).toList());
            sortedByPn.put(e.getKey(), sorted);
            PreferredVersions.Preferred pref = PreferredVersions.findPreferred(e.getKey(), sorted, item, config,
                    warnings);
            if (pref.required() && pref.file() == null) {
                return eligible;
            }
            if (pref.file() != null) {
                preferredFile.put(e.getKey(), pref.file().file());
                eligible.add(pref.file().file());
            }
        }
        for (Map.Entry<String, List<List<PreferredVersions.Candidate>>> e : sortedByPn.entrySet()) {
            if (preferredFile.containsKey(e.getKey())) {
                continue;
            }
            String latest = PreferredVersions.findLatest(e.getValue().get(0)).file();
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
