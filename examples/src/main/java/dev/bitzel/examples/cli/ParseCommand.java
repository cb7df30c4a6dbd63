package dev.bitzel.examples.cli;

import dev.bitzel.parser.BuildDirectory;
import dev.bitzel.parser.Diagnostic;
import dev.bitzel.parser.RecipeFile;
import dev.bitzel.parser.Severity;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--no-cache", description = "Neither read nor write the parse cache.")
    boolean noCache;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Parse threads (default: one per core).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--show-notes", description = "Also print notes (e.g. Python not evaluated).")
    boolean showNotes;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        BuildDirectory build = BuildDirectory.load(parent.buildDir());
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
        long errors = 0;
        long notes = 0;
        for (RecipeFile file : results) {
            if (file.failed().isPresent()) {
                failed++;
                err.println("ERROR: " + file.failure());
                continue;
            }
            targets += file.variants().size();
            skipped += (int) file.variants().values().stream().filter(r -> r.skipped().isPresent()).count();
            for (Diagnostic d : file.diagnostics()) {
                if (d.severity() == Severity.ERROR) {
                    errors++;
                } else if (d.severity() == Severity.NOTE) {
                    notes++;
                }
                report(err, d);
            }
        }
        out.printf(Locale.ROOT, "recipe files: %d%n", results.size());
        out.printf(Locale.ROOT, "bbappend files: %d%n", build.appendFiles().size());
        out.printf(Locale.ROOT, "masked files: %d%n", build.maskedFiles());
        out.printf(Locale.ROOT, "targets: %d%n", targets);
        out.printf(Locale.ROOT, "skipped: %d%n", skipped);
        out.printf(Locale.ROOT, "failed: %d%n", failed);
        out.printf(Locale.ROOT, "diagnostics: %d errors, %d notes%n", errors, notes);
        out.printf(Locale.ROOT, "configuration: %.3f s%n", (loaded - start) / 1e9);
        out.printf(Locale.ROOT, "recipes: %.3f s on %d threads%n", (parsed - loaded) / 1e9, jobs);
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    private void report(PrintWriter err, Diagnostic d) {
        if (d.severity() != Severity.NOTE || showNotes) {
            err.println(d);
        }
    }
}
