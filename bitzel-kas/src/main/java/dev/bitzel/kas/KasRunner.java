package dev.bitzel.kas;

import dev.bitzel.kas.internal.Commands;
import dev.bitzel.kas.internal.Config;
import dev.bitzel.kas.internal.Context;
import dev.bitzel.kas.internal.Diff;
import dev.bitzel.kas.internal.Home;
import dev.bitzel.kas.internal.KasVersion;
import dev.bitzel.kas.internal.Log;
import dev.bitzel.kas.internal.Session;
import dev.bitzel.kas.internal.build.Cleaner;
import dev.bitzel.kas.internal.config.ConfigFile;
import dev.bitzel.kas.internal.menu.Menu;
import java.io.PrintStream;
import java.nio.file.Files;
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
 * {@code <KAS_WORK_DIR>/.config.yaml}. Progress and warnings go to the progress stream in kas' log format, with
 * credentials in URLs masked. Problems in the user's input throw {@link KasException}. Instances are immutable;
 * each call is one kas command and calls on the same work directory must not run concurrently.
 */
public final class KasRunner {
    private final Path workingDirectory;
    private final Map<String, String> environment;
    private final PrintStream progress;
    private final String logLevel;
    private final boolean tty;

    private KasRunner(Builder b) {
        this.workingDirectory = b.workingDirectory;
        this.environment = Map.copyOf(b.environment);
        this.progress = b.progress;
        this.logLevel = b.logLevel;
        this.tty = b.tty;
    }

    /** A builder starting from the current directory, the process environment and stderr. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this runner's settings. */
    public Builder toBuilder() {
        return new Builder().workingDirectory(workingDirectory).environment(environment).progress(progress)
                .logLevel(logLevel).terminal(tty);
    }

    /** The newest configuration format version understood. */
    public static KasFormatVersion maxFormatVersion() {
        return new KasFormatVersion(ConfigFile.MAX_VERSION);
    }

    /** The kas release whose behaviour this implementation follows ({@code 5.4}). */
    public static String compatibleKasVersion() {
        return KasVersion.COMPATIBLE;
    }

    /** The steps {@code --skip} accepts for this runner's environment, in kas' order. */
    public List<String> steps() {
        return Session.steps(environment);
    }

    private Session session(KasCheckoutOptions o) {
        Context ctx = new Context(workingDirectory, environment, new Log(progress, logLevel));
        ctx.update = o.update();
        ctx.forceCheckout = o.forceCheckout();
        ctx.skip.addAll(o.skip());
        if (o.keepConfig()) {
            ctx.skip.addAll(Session.KEEP_CONFIG_STEPS);
        }
        return new Session(ctx);
    }

    /** {@code kas checkout}: repos, patches, init script, {@code conf/bblayers.conf} and {@code conf/local.conf}. */
    public void checkout(String config, KasCheckoutOptions options) {
        try (Session s = session(options)) {
            Commands.checkout(s, config);
        }
    }

    /** {@code kas dump}: fetches and checks out the repos, answers the printed configuration. */
    public String dump(String config, KasDumpOptions options) {
        return dump(config, options, KasCheckoutOptions.defaults());
    }

    /** {@code kas dump} with the repo-handling options ({@code --update}, {@code --skip}, ...). */
    public String dump(String config, KasDumpOptions options, KasCheckoutOptions checkout) {
        try (Session s = session(checkout)) {
            return Commands.dump(s, config, new Commands.DumpOptions(options.json(), options.indent(), options.sort(),
                    options.resolveRefs(), options.resolveLocal(), options.resolveEnv(), options.lock()));
        }
    }

    /**
     * {@code kas lock}: pins floating repos in lock files next to the project files.
     *
     * @return the commit log of updated locks (kas prints it on stdout)
     */
    public String lock(String config, boolean update, int indent, boolean sort) {
        return lock(config, indent, sort, new KasCheckoutOptions(update, false, false, java.util.Set.of()));
    }

    /** {@code kas lock} with the repo-handling options. */
    public String lock(String config, int indent, boolean sort, KasCheckoutOptions checkout) {
        try (Session s = session(checkout)) {
            return Commands.lock(s, config, indent, sort);
        }
    }

    /**
     * {@code kas diff}: compares two configurations (both are checked out, one after the other, in the work dir).
     *
     * @return what kas prints (JSON or text)
     */
    public String diff(String config1, String config2, KasDiffOptions options, KasCheckoutOptions checkout) {
        try (Session s = session(checkout)) {
            return Diff.run(s, config1, config2, new Diff.Options(options.json(), options.oneline(),
                    options.noColor(), options.commitOnly(), options.contentOnly()));
        }
    }

    /** {@code kas build}: checkout, then bitbake in the build directory (its output is relayed as log lines). */
    public void build(String config, KasBuildOptions options) {
        try (Session s = session(options.checkout())) {
            Commands.build(s, config, new Commands.BuildOptions(options.targets(), options.task(),
                    options.extraArgs(), options.provenance(), tty));
        }
    }

    /**
     * {@code kas shell}: checkout, then {@code $SHELL} (or {@code -c COMMAND}) in the build environment.
     *
     * @return the shell's exit status
     */
    public int shell(String config, String command, KasCheckoutOptions options) {
        return shell(config, command, options, false);
    }

    /**
     * {@code kas shell}; with {@code preserveEnv} ({@code -E}) the caller's whole environment is kept (only on a
     * terminal, as kas requires).
     */
    public int shell(String config, String command, KasCheckoutOptions options, boolean preserveEnv) {
        try (Session s = session(options)) {
            preserveEnv(s, preserveEnv);
            return Commands.shell(s, config, command);
        }
    }

    /** {@code kas for-all-repos}: checkout, then COMMAND in every repository; a failing command throws. */
    public void forAllRepos(String config, String command, KasCheckoutOptions options) {
        forAllRepos(config, command, options, false);
    }

    /** {@code kas for-all-repos}, optionally keeping the caller's environment ({@code -E}). */
    public void forAllRepos(String config, String command, KasCheckoutOptions options, boolean preserveEnv) {
        try (Session s = session(options)) {
            preserveEnv(s, preserveEnv);
            Commands.forAllRepos(s, config, command);
        }
    }

    private void preserveEnv(Session s, boolean on) {
        if (!on) {
            return;
        }
        Context ctx = s.context();
        for (String v : Home.ENV_VARS) {
            if (environment.containsKey(v)) {
                ctx.log.warning("Environment variable \"" + v + "\" ignored because user environment is being used");
            }
        }
        if (!tty) {
            throw new KasException("--preserve-env can only be run from a tty");
        }
        ctx.environ.clear();
        ctx.environ.putAll(environment);
        ctx.log.warning("Preserving the current environment block may have unintended side effects on the build.");
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
     * {@code kas clean}, {@code cleansstate}, {@code cleanall}: removes build output. The build system comes from
     * {@code isar} (null: the first configuration file's {@code build_system}, else openembedded).
     *
     * @param config the configuration (null: {@code <work>/.config.yaml} when it exists)
     * @param isar null, {@code isar-privileged} or {@code isar-rootless} ({@code --isar*} options)
     * @param dryRun only log what would be removed
     */
    public void clean(CleanLevel level, String config, String isar, boolean dryRun) {
        try (Session s = session(KasCheckoutOptions.defaults())) {
            new Cleaner(s.context(), dryRun).clean(level.ordinal(), buildSystem(s.context(), config, isar));
        }
    }

    /** {@code kas clean} without a configuration. */
    public void clean(CleanLevel level, boolean dryRun) {
        clean(level, null, null, dryRun);
    }

    private static String buildSystem(Context ctx, String config, String isar) {
        String files = config;
        if (files == null && Files.isRegularFile(ctx.workDir.resolve(Config.CONFIG_YAML_FILE))) {
            files = ctx.workDir.resolve(Config.CONFIG_YAML_FILE).toString();
        }
        String bs = "openembedded";
        if (files != null) {
            Object v = ConfigFile.load(ctx.cwd.resolve(files.split(":", -1)[0]).normalize()).data().get("build_system");
            if (v instanceof String s) {
                bs = s;
            }
        }
        if ("isar-privileged".equals(isar) || "isar".equals(bs)) {
            return "isar-privileged";
        }
        if ("isar-rootless".equals(isar)) {
            return "isar-rootless";
        }
        return bs;
    }

    /**
     * {@code kas purge}: {@code cleanall}, then removes the managed repositories (and their reference repos
     * unless {@code preserveRepoRefs}), the build dir's content and kas' files in the work dir.
     *
     * @throws KasException after cleaning when there is no configuration to locate the repos
     */
    public void purge(String config, boolean dryRun, boolean preserveRepoRefs) {
        purge(config, null, dryRun, preserveRepoRefs);
    }

    /** {@code kas purge} with an explicit isar mode (see {@link #clean(CleanLevel, String, String, boolean)}). */
    public void purge(String config, String isar, boolean dryRun, boolean preserveRepoRefs) {
        try (Session s = session(KasCheckoutOptions.defaults())) {
            Context ctx = s.context();
            Cleaner cleaner = new Cleaner(ctx, dryRun);
            cleaner.clean(2, buildSystem(ctx, config, isar));
            String files = config;
            if (files == null && Files.isRegularFile(ctx.workDir.resolve(Config.CONFIG_YAML_FILE))) {
                files = ctx.workDir.resolve(Config.CONFIG_YAML_FILE).toString();
            }
            if (files == null) {
                throw new KasException("Purge requires a config file to locate managed repos.");
            }
            Commands.purge(s, files, cleaner, preserveRepoRefs);
        }
    }

    /**
     * {@code kas menu} without the terminal UI: reads the Kconfig file, applies the saved selection of
     * {@code <work>/.config.yaml} and {@code options.set()}, and writes {@code .config.yaml} as kas' menu plugin
     * does (unchanged content is not rewritten); optionally builds it afterwards.
     *
     * @return whether {@code .config.yaml} was (re)written
     */
    public boolean menu(String kconfig, KasMenuOptions options) {
        boolean written;
        try (Session s = session(KasCheckoutOptions.defaults())) {
            written = Menu.run(s.context(), kconfig, options.set());
        }
        if (options.build()) {
            build(null, new KasBuildOptions(List.of(), null, List.of(), KasCheckoutOptions.defaults()));
        }
        return written;
    }

    /** Settings of a {@link KasRunner}. Not thread-safe. */
    public static final class Builder {
        private Path workingDirectory = Path.of("").toAbsolutePath();
        private Map<String, String> environment = System.getenv();
        private PrintStream progress = System.err;
        private String logLevel = "info";
        private boolean tty;

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

        /** Whether debug lines are logged (shorthand for {@code logLevel("debug")}). */
        public Builder debug(boolean on) {
            this.logLevel = on ? "debug" : "info";
            return this;
        }

        /** The lowest level logged: debug, info (default), warning, error or critical. */
        public Builder logLevel(String level) {
            new Log(System.err, Objects.requireNonNull(level, "level"));
            this.logLevel = level;
            return this;
        }

        /**
         * Whether stdout is a terminal: then {@code build} hands the terminal to bitbake (instead of relaying its
         * output as log lines) and {@code -E} is allowed, as in kas.
         */
        public Builder terminal(boolean on) {
            this.tty = on;
            return this;
        }

        /** The runner. */
        public KasRunner build() {
            return new KasRunner(this);
        }
    }
}
