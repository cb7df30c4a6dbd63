package dev.bitzel.kas;

import dev.bitzel.kas.internal.Context;
import dev.bitzel.kas.internal.Log;
import dev.bitzel.kas.internal.Session;
import dev.bitzel.kas.internal.config.ConfigFile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs kas commands on kas project files, behaving like kas 5.4 (configuration format 23).
 *
 * <pre>{@code
 * KasRunner kas = KasRunner.builder().workingDirectory(Path.of("work")).build();
 * String yaml = kas.dump("../project/kas.yml", KasDumpOptions.defaults());
 * kas.checkout("../project/kas.yml", KasCheckoutOptions.defaults());
 * }</pre>
 *
 * <p>The configuration argument is kas' {@code FILE[:FILE...]}, relative to the working directory; null means
 * {@code <KAS_WORK_DIR>/.config.yaml}. Progress and warnings go to the progress stream in kas' log format.
 * Problems in the user's input throw {@link KasException}. Instances are immutable; each call is one kas
 * command and calls on the same work directory must not run concurrently.
 */
public final class KasRunner {
    private final Path workingDirectory;
    private final Map<String, String> environment;
    private final PrintStream progress;
    private final boolean debug;

    private KasRunner(Builder b) {
        this.workingDirectory = b.workingDirectory;
        this.environment = Map.copyOf(b.environment);
        this.progress = b.progress;
        this.debug = b.debug;
    }

    /** A builder starting from the current directory, the process environment and stderr. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this runner's settings. */
    public Builder toBuilder() {
        return new Builder().workingDirectory(workingDirectory).environment(environment).progress(progress)
                .debug(debug);
    }

    /** The newest configuration format version understood. */
    public static KasFormatVersion maxFormatVersion() {
        return new KasFormatVersion(ConfigFile.MAX_VERSION);
    }

    private Context context(KasCheckoutOptions o) {
        Context ctx = new Context(workingDirectory, environment, new Log(progress, debug));
        ctx.update = o.update();
        ctx.forceCheckout = o.forceCheckout();
        ctx.skip.addAll(o.skip());
        return ctx;
    }

    /** {@code kas dump}: fetches and checks out the repos, answers the printed configuration. */
    public String dump(String config, KasDumpOptions options) {
        try (Session s = new Session(context(KasCheckoutOptions.defaults()), config)) {
            return s.dump(new Session.DumpOptions(options.json() ? "json" : "yaml", options.indent(),
                    options.sort(), options.resolveRefs(), options.resolveLocal(), options.resolveEnv(),
                    options.lock()));
        }
    }

    /** {@code kas checkout}: repos, patches, init script, {@code conf/bblayers.conf} and {@code conf/local.conf}. */
    public void checkout(String config, KasCheckoutOptions options) {
        try (Session s = new Session(context(options), config)) {
            s.checkout(options.keepConfig(), List.of());
        }
    }

    /**
     * {@code kas lock}: pins floating repos in lock files next to the project files.
     *
     * @return the commit log of updated locks (kas prints it on stdout)
     */
    public String lock(String config, boolean update, int indent, boolean sort) {
        try (Session s = new Session(context(KasCheckoutOptions.defaults()), config)) {
            return s.lock(update, indent, sort);
        }
    }

    /** {@code kas build}: checkout, then bitbake in the build directory. */
    public void build(String config, KasBuildOptions options) {
        try (Session s = new Session(context(options.checkout()), config)) {
            s.build(options.targets(), options.task(), options.extraArgs(), options.checkout().keepConfig(),
                    progress);
        }
    }

    /**
     * {@code kas shell}: checkout, then {@code $SHELL} (or {@code -c COMMAND}) in the build environment.
     *
     * @return the shell's exit status
     */
    public int shell(String config, String command, KasCheckoutOptions options) {
        try (Session s = new Session(context(options), config)) {
            return s.shell(command, options.keepConfig());
        }
    }

    /** {@code kas for-all-repos}: checkout, then COMMAND in every repository; a failing command throws. */
    public void forAllRepos(String config, String command, KasCheckoutOptions options) {
        try (Session s = new Session(context(options), config)) {
            s.forAllRepos(command, options.keepConfig());
        }
    }

    /** How much {@link #clean} removes. */
    public enum CleanLevel {
        /** {@code kas clean}: the build dir's {@code tmp*} directories. */
        CLEAN,
        /** {@code kas cleansstate}: also the contents of {@code $SSTATE_DIR} (or {@code <build>/sstate-cache}). */
        CLEANSSTATE,
        /** {@code kas cleanall}: also the contents of {@code $DL_DIR} (or {@code <build>/downloads}). */
        CLEANALL
    }

    /**
     * {@code kas clean}, {@code cleansstate}, {@code cleanall}: removes build output. Needs no configuration.
     *
     * @param dryRun only log what would be removed
     */
    public void clean(CleanLevel level, boolean dryRun) {
        Context ctx = context(KasCheckoutOptions.defaults());
        new dev.bitzel.kas.internal.build.Cleaner(ctx, dryRun).clean(level.ordinal());
    }

    /**
     * {@code kas purge}: {@code cleanall}, then removes the managed repositories (and their reference repos
     * unless {@code preserveRepoRefs}), the build dir and kas' files in the work dir.
     *
     * @throws KasException after cleaning when there is no configuration to locate the repos
     */
    public void purge(String config, boolean dryRun, boolean preserveRepoRefs) {
        Context ctx = context(KasCheckoutOptions.defaults());
        dev.bitzel.kas.internal.build.Cleaner cleaner = new dev.bitzel.kas.internal.build.Cleaner(ctx, dryRun);
        cleaner.clean(2);
        if (config == null && !java.nio.file.Files.isRegularFile(ctx.workDir.resolve(".config.yaml"))) {
            throw new KasException("Purge requires a config file to locate managed repos.");
        }
        try (Session s = new Session(ctx, config)) {
            s.purge(cleaner, preserveRepoRefs);
        }
    }

    /** Settings of a {@link KasRunner}. Not thread-safe. */
    public static final class Builder {
        private Path workingDirectory = Path.of("").toAbsolutePath();
        private Map<String, String> environment = System.getenv();
        private PrintStream progress = System.err;
        private boolean debug;

        private Builder() {
        }

        /** The directory kas runs in (default work dir, base of relative config paths). */
        public Builder workingDirectory(Path dir) {
            this.workingDirectory = Objects.requireNonNull(dir, "dir").toAbsolutePath();
            return this;
        }

        /** The environment kas reads ({@code KAS_WORK_DIR}, {@code KAS_TARGET}, …) and passes on. */
        public Builder environment(Map<String, String> env) {
            this.environment = Map.copyOf(Objects.requireNonNull(env, "env"));
            return this;
        }

        /** Where log lines go (kas' format). */
        public Builder progress(PrintStream stream) {
            this.progress = Objects.requireNonNull(stream, "stream");
            return this;
        }

        /** Whether debug lines are logged. */
        public Builder debug(boolean on) {
            this.debug = on;
            return this;
        }

        /** The runner. */
        public KasRunner build() {
            return new KasRunner(this);
        }
    }
}
