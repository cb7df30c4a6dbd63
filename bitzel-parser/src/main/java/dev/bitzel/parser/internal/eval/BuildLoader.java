package dev.bitzel.parser.internal.eval;

import dev.bitzel.parser.Diagnostic;
import dev.bitzel.parser.Severity;
import dev.bitzel.parser.Versions;
import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.ExpansionException;
import dev.bitzel.parser.data.Origin;
import dev.bitzel.parser.data.PythonEvaluator;
import dev.bitzel.parser.internal.data.PyStrings;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Loads a build directory's configuration as BitBake's cooker does ({@code CookerDataBuilder.
 * parseConfigurationFiles} and {@code parseBaseConfiguration}): conf/bblayers.conf, each layer's
 * conf/layer.conf with LAYERDIR, LAYERSERIES_COMPAT checks, BBFILES_DYNAMIC, conf/bitbake.conf along BBPATH,
 * then the base class and INHERIT.
 */
final class BuildLoader {
    /** {@code bb.data_smart.bitbake_renamed_vars}. */
    private static final Map<String, String> BITBAKE_RENAMED_VARS = Map.of(
            "BB_ENV_WHITELIST", "BB_ENV_PASSTHROUGH",
            "BB_ENV_EXTRAWHITE", "BB_ENV_PASSTHROUGH_ADDITIONS",
            "BB_HASHBASE_WHITELIST", "BB_BASEHASH_IGNORE_VARS",
            "BB_HASHCONFIG_WHITELIST", "BB_HASHCONFIG_IGNORE_VARS",
            "BB_HASHTASK_WHITELIST", "BB_TASKHASH_IGNORE_TASKS",
            "BB_SETSCENE_ENFORCE_WHITELIST", "BB_SETSCENE_ENFORCE_IGNORE_TASKS",
            "MULTI_PROVIDER_WHITELIST", "BB_MULTI_PROVIDER_ALLOWED",
            "BB_STAMP_WHITELIST", "is a deprecated variable and support has been removed",
            "BB_STAMP_POLICY", "is a deprecated variable and support has been removed");
    /** {@code bb.utils.preserved_envvars_exported()}. */
    private static final List<String> EXPORTED_ENV = List.of("BB_TASKHASH", "HOME", "LOGNAME", "PATH", "PWD",
            "SHELL", "USER", "LC_ALL", "BBSERVER");

    private final Evaluator evaluator;

    BuildLoader(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** {@code bb.utils.approved_variables()} for {@code env}. */
    static Set<String> approvedVariables(Map<String, String> env) {
        if (env.containsKey("BB_PRESERVE_ENV")) {
            return env.keySet();
        }
        Set<String> approved = new LinkedHashSet<>();
        if (env.containsKey("BB_ENV_PASSTHROUGH")) {
            approved.addAll(words(env.get("BB_ENV_PASSTHROUGH")));
            approved.add("BB_ENV_PASSTHROUGH");
        } else {
            approved.addAll(List.of("BBPATH", "BB_PRESERVE_ENV", "BB_ENV_PASSTHROUGH_ADDITIONS"));
            approved.addAll(EXPORTED_ENV);
        }
        if (env.containsKey("BB_ENV_PASSTHROUGH_ADDITIONS")) {
            approved.addAll(words(env.get("BB_ENV_PASSTHROUGH_ADDITIONS")));
            approved.add("BB_ENV_PASSTHROUGH_ADDITIONS");
        }
        return approved;
    }

    /** Creates the base datastore: approved environment variables, {@code __bbclasstype} "global". */
    static ParseState baseState(Map<String, String> env, PythonEvaluator python, boolean trackHistory) {
        ParseState st = new ParseState(DataStore.create(python));
        DataStore d = st.data;
        if (trackHistory) {
            d.enableTracking();
        }
        for (String name : approvedVariables(env)) {
            String value = env.get(name);
            if (value != null) {
                d.setVar(name, value, new dev.bitzel.parser.data.Origin("from env", null, 0));
                if (EXPORTED_ENV.contains(name)) {
                    d.setVarFlag(name, "export", "1", new dev.bitzel.parser.data.Origin("auto env export", null, 0));
                }
            }
        }
        d.setVar("__bbclasstype", "global");
        return st;
    }

    /** {@code parseConfigurationFiles} + the renamed-variable check of {@code parseBaseConfiguration}. */
    ParseState load(Path topDir, ParseState st) throws NoSuchFileException {
        DataStore d = st.data;
        Path layerConf = topDir.resolve("conf/bblayers.conf").toAbsolutePath().normalize();
        String layerConfName = layerConf.toString();
        d.setVar("BB_CURRENT_MC", "default");
        d.setVar("TOPDIR", topDir.toAbsolutePath().normalize().toString());
        evaluator.handleConf(layerConfName, st, true, true);
        if (get(d, "BB_CACHEDIR") == null) {
            d.setVar("BB_CACHEDIR", "${TOPDIR}/cache");
        }
        String layersValue = get(d, "BBLAYERS");
        List<String> layers = words(layersValue);
        if (layers.isEmpty()) {
            throw MetadataError.fatal(layerConfName, 0, "The bblayers.conf file doesn't contain any BBLAYERS definition");
        }
        ParseState layered = st.copy();
        List<String> broken = layers.stream().filter(l -> !Files.isDirectory(Path.of(l))).toList();
        if (!broken.isEmpty()) {
            throw MetadataError.fatal(layerConfName, 0, "The following layer directories do not exist:\n   "
                    + String.join("\n   ", broken) + "\nPlease check BBLAYERS in " + layerConfName);
        }
        DataStore ld = layered.data;
        Set<String> layerSeries = null;
        Map<String, Set<String>> compatEntries = new LinkedHashMap<>();
        for (String layer : layers) {
            String dir = layer.endsWith("/") ? layer.replaceAll("/+$", "") : layer;
            ld.setVar("LAYERDIR", dir);
            ld.setVar("LAYERDIR_RE", pythonReEscape(dir));
            evaluator.handleConf(dir + "/conf/layer.conf", layered, true, true);
            expandVarref(ld, "LAYERDIR", dir);
            expandVarref(ld, "LAYERDIR_RE", dir);
            for (String c : words(get(ld, "BBFILE_COLLECTIONS"))) {
                String compat = get(ld, "LAYERSERIES_COMPAT_" + c);
                if (compat != null && !compat.isEmpty()) {
                    compatEntries.put(c, new TreeSet<>(words(compat)));
                    ld.delVar("LAYERSERIES_COMPAT_" + c, null);
                }
            }
            if (layerSeries == null || layerSeries.isEmpty()) {
                layerSeries = new TreeSet<>(words(get(ld, "LAYERSERIES_CORENAMES")));
                if (!layerSeries.isEmpty()) {
                    ld.delVar("LAYERSERIES_CORENAMES", null);
                }
            }
        }
        ld.delVar("LAYERDIR_RE", null);
        ld.delVar("LAYERDIR", null);
        compatEntries.forEach((c, series) -> ld.setVar("LAYERSERIES_COMPAT_" + c, String.join(" ", series)));

        List<String> collections = words(get(ld, "BBFILE_COLLECTIONS"));
        List<String> invalid = new ArrayList<>();
        for (String entry : words(get(ld, "BBFILES_DYNAMIC"))) {
            int colon = entry.indexOf(':');
            if (colon < 0) {
                invalid.add(entry);
                continue;
            }
            String l = entry.substring(0, colon);
            boolean invert = l.startsWith("!");
            if (invert) {
                l = l.substring(1);
            }
            if (collections.contains(l) != invert) {
                ld.appendVar("BBFILES", " " + entry.substring(colon + 1), null);
            }
        }
        if (!invalid.isEmpty()) {
            throw MetadataError.fatal(layerConfName, 0, "BBFILES_DYNAMIC entries must be of the form "
                    + "{!}<collection name>:<filename pattern>, not:\n    " + String.join("\n    ", invalid));
        }
        Set<String> seen = new LinkedHashSet<>();
        Set<String> series = layerSeries == null ? Set.of() : layerSeries;
        for (String c : collections) {
            if (!seen.add(c)) {
                throw MetadataError.fatal(layerConfName, 0, "Found duplicated BBFILE_COLLECTIONS '" + c
                        + "', check bblayers.conf or layer.conf to fix it.");
            }
            Set<String> compat = compatEntries.getOrDefault(c, Set.of());
            if (!compat.isEmpty() && series.isEmpty()) {
                throw MetadataError.fatal(layerConfName, 0, "No core layer found to work with layer '" + c
                        + "'. Missing entry in bblayers.conf?");
            }
            if (!compat.isEmpty() && compat.stream().noneMatch(series::contains)) {
                throw MetadataError.fatal(layerConfName, 0, "Layer " + c + " is not compatible with the core layer "
                        + "which only supports these series: " + String.join(" ", series)
                        + " (layer is compatible with " + String.join(" ", compat) + ")");
            }
            if (compat.isEmpty() && get(ld, "BB_WORKERCONTEXT") == null) {
                layered.diagnostics.add(new Diagnostic(layerConfName, 0, 0, Severity.WARNING, "Layer " + c
                        + " should set LAYERSERIES_COMPAT_" + c + " in its conf/layer.conf file to list the core "
                        + "layer names it is compatible with."));
            }
        }
        ld.setVar("LAYERSERIES_CORENAMES", String.join(" ", series));

        if (get(ld, "BBPATH") == null || get(ld, "BBPATH").isEmpty()) {
            throw MetadataError.fatal(layerConfName, 0, "The BBPATH variable is not set");
        }
        StateHooks hooks = StateHooks.install(layered, layerConfName);
        try {
            loadBaseConfiguration(layerConfName, layered);
        } finally {
            hooks.close();
        }
        checkRenamedVariables(layered);
        ld.setVar("BBINCLUDED", String.join(" ", layered.dependencies.stream().map(PathSearch::absolute).toList()),
                new Origin("set", "[parseConfigurationFiles]", 0));
        ld.setVar("__bbclasstype", "recipe");
        return layered;
    }

    /** bitbake.conf, the base and INHERIT classes, then the ConfigParsed handlers. */
    private void loadBaseConfiguration(String layerConfName, ParseState layered) throws NoSuchFileException {
        DataStore ld = layered.data;
        evaluator.handleConf("conf/bitbake.conf", layered, true, true);
        List<String> classes = new ArrayList<>();
        classes.add("base");
        classes.addAll(words(get(ld, "INHERIT")));
        for (String bbclass : classes) {
            evaluator.inherit(bbclass, "configuration INHERITs", 0, layered);
        }
        for (String handler : layered.handlers) {
            String file = Evaluator.data(layerConfName, 0, () -> ld.getVarFlag(handler, "filename", false));
            if (file == null || file.isEmpty()) {
                throw MetadataError.fatal(layerConfName, 0, "Undefined event handler function '" + handler + "'");
            }
        }
        Finalizer.fireEvent(layerConfName, layered, "bb.event.ConfigParsed");
    }

    private static void checkRenamedVariables(ParseState st) {
        DataStore d = st.data;
        Map<String, String> renamed = new LinkedHashMap<>(Evaluator.data("BB_RENAMED_VARIABLES", 0,
                () -> d.getVarFlags("BB_RENAMED_VARIABLES", false)));
        renamed.putAll(BITBAKE_RENAMED_VARS);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : renamed.entrySet()) {
            String value = Evaluator.data(entry.getKey(), 0, () -> d.getVar(entry.getKey(), false));
            if (value != null || d.hasOverrides(entry.getKey())) {
                problems.add("Variable " + entry.getKey() + " has been renamed to " + entry.getValue());
            }
        }
        if (!problems.isEmpty()) {
            throw MetadataError.fatal("configuration", 0, String.join("\n", problems));
        }
    }

    /** {@code DataSmart.expandVarref(variable)}: substitutes {@code ${variable}} in variables set locally. */
    private static void expandVarref(DataStore d, String variable, String value) {
        String ref = "${" + variable + "}";
        for (String key : new ArrayList<>(d.localKeys())) {
            String current = Evaluator.data(key, 0, () -> d.getVar(key, false));
            if (current != null && current.contains(ref)) {
                d.setVar(key, current.replace(ref, value), new Origin("set", "[expandVarref]", 0));
            }
        }
    }

    /** Python's {@code re.escape} (3.7+): escapes every character special in a regular expression. */
    static String pythonReEscape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("()[]{}?*+-|^$\\.&~# \t\n\r\u000b\f".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** {@code BBCooker.handleCollections}: the collections with their priorities, longest pattern first. */
    static List<LayerCollection> collections(DataStore d) {
        List<String> names = words(get(d, "BBFILE_COLLECTIONS"));
        Map<String, Integer> priorities = new LinkedHashMap<>();
        Map<String, List<String>> depends = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        int minPrio = 0;
        for (String c : names) {
            String priorityText = get(d, "BBFILE_PRIORITY_" + c);
            if (priorityText != null && !priorityText.isEmpty()) {
                try {
                    int prio = Integer.parseInt(priorityText.trim());
                    if (minPrio == 0 || prio < minPrio) {
                        minPrio = prio;
                    }
                    priorities.put(c, prio);
                } catch (NumberFormatException e) {
                    errors.add("invalid value for BBFILE_PRIORITY_" + c + ": \"" + priorityText + "\"");
                }
            }
            List<String> deps = new ArrayList<>();
            for (Map.Entry<String, List<String>> dep : explode("LAYERDEPENDS_" + c, get(d, "LAYERDEPENDS_" + c))
                    .entrySet()) {
                String name = dep.getKey();
                if (!names.contains(name)) {
                    errors.add("Layer '" + c + "' depends on layer '" + name
                            + "', but this layer is not enabled in your configuration");
                    continue;
                }
                for (String constraint : dep.getValue()) {
                    String layerVersion = get(d, "LAYERVERSION_" + name);
                    String[] opVersion = constraint.split(" ", 2);
                    if (layerVersion == null || layerVersion.isEmpty()) {
                        errors.add("Layer '" + c + "' depends on version " + constraint + " of layer '" + name
                                + "', which exists in your configuration but does not specify a version. Check that you "
                                + "are using the correct matching versions/branches of these two layers.");
                    } else if (!versionMatches(c, layerVersion, opVersion[0], opVersion[1])) {
                        errors.add("Layer '" + c + "' depends on version " + constraint + " of layer '" + name
                                + "', but version " + layerVersion + " is currently enabled in your configuration. "
                                + "Check that you are using the correct matching versions/branches of these two layers.");
                    }
                }
                deps.add(name);
            }
            for (Map.Entry<String, List<String>> rec : explode("LAYERRECOMMENDS_" + c,
                    get(d, "LAYERRECOMMENDS_" + c)).entrySet()) {
                String name = rec.getKey();
                if (!names.contains(name)) {
                    continue;
                }
                if (!rec.getValue().isEmpty()) {
                    String layerVersion = get(d, "LAYERVERSION_" + name);
                    String[] opVersion = rec.getValue().get(0).split(" ", 2);
                    if (layerVersion == null || layerVersion.isEmpty()
                            || !versionMatches(c, layerVersion, opVersion[0], opVersion[1])) {
                        continue;
                    }
                }
                deps.add(name);
            }
            depends.put(c, deps);
        }
        List<LayerCollection> result = new ArrayList<>();
        for (String c : names) {
            calcLayerPriority(c, priorities, depends, minPrio, new LinkedHashSet<>());
            String pattern = get(d, "BBFILE_PATTERN_" + c);
            if (pattern == null) {
                errors.add("BBFILE_PATTERN_" + c + " not defined");
                continue;
            }
            try {
                Pattern regex = Pattern.compile(pattern.isEmpty() ? "^NULL$" : pattern);
                result.add(new LayerCollection(c, pattern, regex, priorities.get(c)));
            } catch (PatternSyntaxException e) {
                errors.add("BBFILE_PATTERN_" + c + " \"" + pattern + "\" is not a valid regular expression");
            }
        }
        if (!errors.isEmpty()) {
            throw MetadataError.fatal("layer configuration", 0, String.join("\n", errors));
        }
        result.sort((a, b) -> b.pattern().compareTo(a.pattern()));
        return result;
    }

    private static void calcLayerPriority(String c, Map<String, Integer> priorities,
            Map<String, List<String>> depends, int minPrio, Set<String> visiting) {
        Integer known = priorities.get(c);
        if (known != null && known != 0) {
            return;
        }
        if (!visiting.add(c)) {
            throw MetadataError.fatal("LAYERDEPENDS_" + c, 0, "layer dependency cycle: "
                    + String.join(" -> ", visiting) + " -> " + c);
        }
        int max = minPrio;
        for (String dep : depends.getOrDefault(c, List.of())) {
            calcLayerPriority(dep, priorities, depends, minPrio, visiting);
            max = Math.max(max, priorities.get(dep));
        }
        priorities.put(c, max + 1);
        visiting.remove(c);
    }

    private static Map<String, List<String>> explode(String var, String value) {
        if (value == null) {
            return Map.of();
        }
        try {
            return Versions.explodeDepVersions(value);
        } catch (IllegalArgumentException e) {
            throw MetadataError.fatal(var, 0, "Error parsing " + var + ": " + e.getMessage());
        }
    }

    private static boolean versionMatches(String c, String a, String op, String b) {
        try {
            return Versions.matches(a, op, b);
        } catch (IllegalArgumentException e) {
            throw MetadataError.fatal("LAYERDEPENDS_" + c, 0, "Error parsing LAYERDEPENDS_" + c + ": " + e.getMessage());
        }
    }

    static String get(DataStore d, String var) {
        try {
            return d.getVar(var);
        } catch (ExpansionException e) {
            throw new MetadataError(MetadataError.EXPANSION_ERROR, var, 0, e.getMessage(), e);
        }
    }

    /** Python's {@code value.split()}, as BitBake splits these lists; none for a null value. */
    static List<String> words(String value) {
        return value == null ? List.of() : PyStrings.split(value);
    }
}
