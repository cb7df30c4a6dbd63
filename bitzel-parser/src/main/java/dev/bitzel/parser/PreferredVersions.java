package dev.bitzel.parser;

import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.ExpansionException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BitBake's choice among the recipe files of one PN ({@code bb.providers}): files grouped by BBFILE_PRIORITY, a
 * REQUIRED_VERSION or PREFERRED_VERSION first, else the highest version of the highest priority, DEFAULT_PREFERENCE
 * first. Used by the task graph's provider resolution and by {@link BuildDirectory#findRecipe}.
 */
public final class PreferredVersions {

    private PreferredVersions() {
    }

    /**
     * One recipe file of a PN, with what the choice reads of it.
     *
     * @param file the recipe file (BitBake's fn)
     * @param pe its PE, or {@code null}
     * @param pv its PV
     * @param pr its PR
     * @param priority the BBFILE_PRIORITY of its layer
     * @param defaultPreference its DEFAULT_PREFERENCE (0 when unset)
     */
    public record Candidate(String file, String pe, String pv, String pr, int priority, int defaultPreference) {
    }

    /**
     * A file named by REQUIRED_VERSION or PREFERRED_VERSION.
     *
     * @param file the file, or {@code null} when none is named or none matches
     * @param required whether the version was REQUIRED_VERSION
     */
    public record Preferred(Candidate file, boolean required) {
    }

    /**
     * {@code bb.providers.sortPriorities}: the files in groups of descending priority, each group by descending
     * DEFAULT_PREFERENCE (in the given order within one preference).
     *
     * @param files the files of one PN
     * @return the groups, highest priority first
     */
    public static List<List<Candidate>> sortPriorities(List<Candidate> files) {
        TreeMap<Integer, TreeMap<Integer, List<Candidate>>> byPriority = new TreeMap<>();
        for (Candidate c : files) {
            byPriority.computeIfAbsent(c.priority(), k -> new TreeMap<>())
                    .computeIfAbsent(c.defaultPreference(), k -> new ArrayList<>()).add(c);
        }
        List<List<Candidate>> result = new ArrayList<>();
        for (TreeMap<Integer, List<Candidate>> prefs : byPriority.values()) {
            List<Candidate> group = new ArrayList<>();
            prefs.values().forEach(group::addAll);
            result.add(0, group);
        }
        return result;
    }

    private static final Pattern PREFERRED_VERSION = Pattern.compile("(\\d+:)*(.*)(_.*)*");

    /**
     * {@code bb.providers.findPreferredProvider}: the first file, in priority order, whose version REQUIRED_VERSION
     * (or else PREFERRED_VERSION) of the PN names ({@code %} at the end a wildcard; {@code E:} and {@code _R} parts
     * compared too).
     *
     * @param pn the PN
     * @param sorted the files, as {@link #sortPriorities} groups them
     * @param item the build target being resolved, for messages, or {@code null}
     * @param config the configuration, where the version variables are read
     * @param warnings receives BitBake's warnings (a version not available, both variables set)
     * @return the preferred file, or one holding {@code null}
     * @throws ExpansionException if a version variable fails to expand
     */
    public static Preferred findPreferred(String pn, List<List<Candidate>> sorted, String item, DataStore config,
            List<String> warnings) throws ExpansionException {
        String requiredV = versionVariable(config, "REQUIRED", pn);
        String preferredV = versionVariable(config, "PREFERRED", pn);
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
        Matcher m = PREFERRED_VERSION.matcher(preferredV);
        String preferredE = null;
        String preferredR = null;
        String version = preferredV;
        if (m.matches()) {
            preferredE = m.group(1) == null ? null : m.group(1).substring(0, m.group(1).length() - 1);
            version = m.group(2);
            preferredR = m.group(3) == null ? null : m.group(3).substring(1);
        }
        for (List<Candidate> set : sorted) {
            for (Candidate c : set) {
                if (versionMatch(c, preferredE, version, preferredR)) {
                    return new Preferred(c, required);
                }
            }
        }
        String pvStr = preferredR != null ? version + "-" + preferredR : version;
        if (preferredE != null) {
            pvStr = preferredE + ":" + pvStr;
        }
        warnings.add((required ? "required" : "preferred") + " version " + pvStr + " of " + pn + " not available"
                + itemstr);
        return new Preferred(null, required);
    }

    private static String versionVariable(DataStore config, String keyword, String pn) throws ExpansionException {
        String v = config.getVar(keyword + "_VERSION:pn-" + pn);
        if (v == null || v.isEmpty()) {
            v = config.getVar(keyword + "_VERSION_" + pn);
        }
        if (v == null || v.isEmpty()) {
            v = config.getVar(keyword + "_VERSION");
        }
        return v;
    }

    private static boolean versionMatch(Candidate c, String e, String v, String pr) {
        if (pr == null || pr.equals(c.pr())) {
            if (e == null || e.equals(c.pe())) {
                if (v.equals(c.pv())) {
                    return true;
                }
                return v.endsWith("%") && c.pv().startsWith(v.substring(0, v.length() - 1));
            }
        }
        return false;
    }

    /**
     * {@code bb.providers.findLatestProvider}: the highest DEFAULT_PREFERENCE, then the highest version (PE, PV, PR
     * compared as BitBake's {@code vercmp}); the first of equals.
     *
     * @param files files of one priority
     * @return the latest, or {@code null} when there are none
     */
    public static Candidate findLatest(List<Candidate> files) {
        Candidate latest = null;
        int latestP = 0;
        for (Candidate c : files) {
            int dp = c.defaultPreference();
            if (latest == null || (latestP == dp && Versions.compare(latest.pe(), latest.pv(), latest.pr(), c.pe(),
                    c.pv(), c.pr()) < 0) || dp > latestP) {
                latest = c;
                latestP = dp;
            }
        }
        return latest;
    }

    /**
     * {@code bb.providers.findBestProvider} for a PN: the preferred file if a version is named and available, else
     * the latest of the highest priority.
     *
     * @param pn the PN
     * @param files its files
     * @param config the configuration
     * @param warnings receives BitBake's warnings
     * @return the file BitBake builds for the PN, or {@code null} when a required version is not available or there
     *     are no files
     * @throws ExpansionException if a version variable fails to expand
     */
    public static Candidate best(String pn, List<Candidate> files, DataStore config, List<String> warnings)
            throws ExpansionException {
        if (files.isEmpty()) {
            return null;
        }
        List<List<Candidate>> sorted = sortPriorities(files);
        Preferred preferred = findPreferred(pn, sorted, null, config, warnings);
        if (preferred.file() != null || preferred.required()) {
            return preferred.file();
        }
        return findLatest(sorted.get(0));
    }
}
