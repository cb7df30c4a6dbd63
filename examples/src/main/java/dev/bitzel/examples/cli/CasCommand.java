package dev.bitzel.examples.cli;

import dev.bitzel.cas.Cas;
import dev.bitzel.cas.CasOptions;
import dev.bitzel.cas.CasStats;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.FsckReport;
import dev.bitzel.cas.GcReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bitzel cas stats|gc|fsck}: maintenance of the local content-addressed store. */
@Command(name = "cas", mixinStandardHelpOptions = true,
        description = "Local store maintenance (the store is CACHE_DIR/cas).",
        subcommands = {CasCommand.Stats.class, CasCommand.Gc.class, CasCommand.Fsck.class})
final class CasCommand implements Runnable {

    @ParentCommand
    BitzelCommand parent;

    @Override
    public void run() {
        throw new UserInputException("missing subcommand: stats, gc or fsck");
    }

    /** The store under the global cache directory; created when absent. */
    ContentStore open() throws IOException {
        Path dir = parent.cacheDir().resolve("cas");
        Files.createDirectories(dir);
        return Cas.open(dir);
    }

    /** {@code bitzel cas stats}. */
    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Objects, bytes and sessions.")
    static final class Stats implements Callable<Integer> {
        @ParentCommand
        CasCommand cas;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (ContentStore store = cas.open()) {
                CasStats s = store.stats();
                PrintWriter out = spec.commandLine().getOut();
                out.printf(Locale.ROOT, "store: %s%n", store.directory());
                out.printf(Locale.ROOT, "blobs: %d (%d bytes, %d compressed)%n", s.blobs(), s.blobBytes(),
                        s.compressedBlobs());
                out.printf(Locale.ROOT, "action cache entries: %d (%d bytes)%n", s.actionEntries(), s.actionBytes());
                out.printf(Locale.ROOT, "total: %d bytes; quota: %s%n", s.totalBytes(),
                        s.quotaBytes() == CasOptions.UNLIMITED ? "unlimited" : s.quotaBytes() + " bytes");
                out.printf(Locale.ROOT, "live sessions: %d; leftovers removed on open: %d%n", s.liveSessions(),
                        s.leftoversRemovedOnOpen());
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    /** {@code bitzel cas gc}. */
    @Command(name = "gc", mixinStandardHelpOptions = true,
            description = "Delete what no action cache entry or running build needs, then enforce the quota.")
    static final class Gc implements Callable<Integer> {
        @ParentCommand
        CasCommand cas;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (ContentStore store = cas.open()) {
                GcReport r = store.gc();
                PrintWriter out = spec.commandLine().getOut();
                out.printf(Locale.ROOT, "before: %d bytes; after: %d bytes%n", r.bytesBefore(), r.bytesAfter());
                out.printf(Locale.ROOT, "roots: %d action entries, %d pinned blobs%n", r.actionRoots(),
                        r.pinnedBlobs());
                out.printf(Locale.ROOT, "deleted unreachable: %d (%d bytes); kept as too young: %d%n",
                        r.unreachableDeleted(), r.unreachableBytes(), r.keptYoung());
                out.printf(Locale.ROOT, "evicted for the quota: %d (%d bytes)%n", r.evicted(), r.evictedBytes());
                out.printf(Locale.ROOT, "time: %d ms%n", r.duration().toMillis());
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    /** {@code bitzel cas fsck}. */
    @Command(name = "fsck", mixinStandardHelpOptions = true,
            description = "Re-hash every object; quarantine corrupt or misnamed ones. Exits 1 when any was found.")
    static final class Fsck implements Callable<Integer> {
        @ParentCommand
        CasCommand cas;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (ContentStore store = cas.open()) {
                FsckReport r = store.fsck();
                PrintWriter out = spec.commandLine().getOut();
                out.printf(Locale.ROOT, "checked: %d blobs (%d bytes), %d action entries%n", r.blobsChecked(),
                        r.bytesChecked(), r.actionEntriesChecked());
                for (FsckReport.Problem p : r.problems()) {
                    out.println("problem: " + p);
                }
                out.println(r.clean() ? "clean" : r.problems().size() + " problems, quarantined");
                out.flush();
                return r.clean() ? ExitCodes.OK : ExitCodes.FAILURE;
            }
        }
    }
}
