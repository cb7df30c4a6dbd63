package dev.bitzel.examples.cli;

import dev.bitzel.parser.BuildDirectory;
import dev.bitzel.parser.Diagnostic;
import dev.bitzel.parser.Recipe;
import dev.bitzel.parser.RecipeFile;
import dev.bitzel.parser.Severity;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bitzel parse}: parse every recipe of a build directory, like {@code bitbake -p}. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parse all recipes of the build directory (like bitbake -p) and report counts, "
                + "diagnostics and time.")
final class ParseCommand implements Callable<Integer> {

    @ParentCommand
    BitzelCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    PythonOption python;

    @Option(names = "--no-cache", description = "Neither read nor write the parse cache.")
    boolean noCache;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Parse threads (default: one per core).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--show-skipped", description = "List skipped recipes on stdout, one per line: the file "
            + "(virtual:VARIANT:FILE for variants, as BitBake names them), a tab, the reason.")
    boolean showSkipped;

    @Option(names = "--show-notes", description = "Also print notes.")
    boolean showNotes;

    @Option(names = "--show-python", paramLabel = "N", description = "List the N most frequent Python "
            + "expressions and functions left unevaluated, with the variable or place they were met in.")
    int showPython;

    @Option(names = "--show", paramLabel = "N", description = "Print at most N diagnostics of each severity "
            + "(default: 20).")
    int shown = 20;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        BuildDirectory build = BuildDirectory.builder(parent.buildDir()).python(python.evaluator())
                .parseCache(noCache ? null : parent.cacheDir().resolve("parse")).load();
        long loaded = System.nanoTime();
        build.diagnostics().forEach(d -> report(err, d));
        if (build.failure().isPresent()) {
            err.println("ERROR: " + build.failure().get());
            return ExitCodes.BAD_INPUT;
        }
        List<RecipeFile> results = build.parseAll(Math.max(1, jobs));
        long parsed = System.nanoTime();

        int failed = 0;
        int targets = 0;
        int skipped = 0;
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (RecipeFile file : results) {
            if (file.failed().isPresent()) {
                failed++;
                err.println("ERROR: " + file.failure());
                continue;
            }
            String unread = unreadCacheFields(file);
            if (unread != null) {
                // BitBake's cache reads these fields of every recipe: one that fails there fails the file's parse
                failed++;
                err.println("ERROR: " + unread);
                continue;
            }
            targets += file.variants().size();
            skipped += (int) file.variants().values().stream().filter(r -> r.skipped().isPresent()).count();
            if (showSkipped) {
                file.variants().values().forEach(r -> r.skipped().ifPresent(reason -> out.println(
                        r.fn() + "\t" + reason)));
            }
            for (Diagnostic d : file.diagnostics()) {
                int n = counts.merge(d.severity(), 1, Integer::sum);
                if (n <= shown) {
                    report(err, d);
                }
            }
        }
        for (Map.Entry<Severity, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > shown && (entry.getKey() != Severity.NOTE || showNotes)) {
                err.printf(Locale.ROOT, "... and %d more %s diagnostics (--show N to see more)%n",
                        entry.getValue() - shown, entry.getKey().name().toLowerCase(Locale.ROOT));
            }
        }
        out.printf(Locale.ROOT, "recipe files: %d%n", results.size());
        out.printf(Locale.ROOT, "bbappend files: %d%n", build.appendFiles().size());
        out.printf(Locale.ROOT, "masked files: %d%n", build.maskedFiles());
        out.printf(Locale.ROOT, "targets: %d%n", targets);
        out.printf(Locale.ROOT, "skipped: %d%n", skipped);
        out.printf(Locale.ROOT, "failed: %d%n", failed);
        out.printf(Locale.ROOT, "diagnostics: %d errors, %d warnings, %d notes%n",
                counts.getOrDefault(Severity.ERROR, 0), counts.getOrDefault(Severity.WARNING, 0),
                counts.getOrDefault(Severity.NOTE, 0));
        if (python.surveying()) {
            out.printf(Locale.ROOT, "python left unevaluated (--python survey): %d inline expressions, %d "
                    + "functions%n", python.survey().unevaluatedExpressions(), python.survey().functionsNotRun());
        }
        if (showPython > 0) {
            err.println("Python left unevaluated, most frequent first (count, variable or place, code):");
            for (Map.Entry<String, Long> entry : python.survey().mostFrequent(showPython)) {
                err.printf(Locale.ROOT, "%8d  %s%n", entry.getValue(), entry.getKey());
            }
        }
        build.cacheStatistics().ifPresentOrElse(
                c -> out.printf(Locale.ROOT, "parse cache: %d hits, %d misses, %d corrupt entries%n", c.hits(),
                        c.misses(), c.corrupt()),
                () -> out.println("parse cache: not used (--no-cache)"));
        out.printf(Locale.ROOT, "configuration: %.3f s%s%n", (loaded - start) / 1e9,
                build.cacheStatistics().map(c -> c.configurationCached() ? " (from the cache)" : "").orElse(""));
        out.printf(Locale.ROOT, "recipes: %.3f s on %d threads%n", (parsed - loaded) / 1e9, jobs);
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    private void report(PrintWriter err, Diagnostic d) {
        if (d.severity() != Severity.NOTE || showNotes) {
            err.println(d);
        }
    }

    /** Why a variant's cache fields (PN, PV, DEPENDS, PACKAGES, ...) do not read, or null when they all do. */
    private static String unreadCacheFields(RecipeFile file) {
        for (Recipe recipe : file.variants().values()) {
            if (recipe.skipped().isEmpty()) {
                try {
                    recipe.cacheInfo();
                } catch (IllegalStateException e) {
                    return e.getMessage();
                }
            }
        }
        return null;
    }

}
