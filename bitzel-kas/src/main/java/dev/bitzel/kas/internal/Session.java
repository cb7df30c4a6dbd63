package dev.bitzel.kas.internal;

import dev.bitzel.kas.KasException;
import dev.bitzel.kas.internal.build.BuildEnv;
import dev.bitzel.kas.internal.build.ConfWriter;
import dev.bitzel.kas.internal.config.ConfigFile;
import dev.bitzel.kas.internal.repo.Repo;
import dev.bitzel.kas.internal.repo.Signatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One kas command (kas' {@code Macro}): the setup steps every repo-handling command runs, each of which
 * {@code --skip} can leave out, followed by what the command itself does. Steps, in order:
 * {@code setup_dir}, {@code setup_ssh_agent} (only with {@code SSH_PRIVATE_KEY[_FILE]}), {@code setup_home},
 * {@code make_non_interactive}, {@code init_setup_repos}, {@code repo_setup_loop}, {@code finish_setup_repos},
 * {@code repos_checkout}, {@code repos_apply_patches}, {@code setup_environ}, {@code write_bbconfig}.
 */
public final class Session implements AutoCloseable {
    /** The step names {@code --skip} accepts (kas derives them from its step list). */
    public static List<String> steps(Map<String, String> env) {
        List<String> s = new ArrayList<>(List.of("setup_dir"));
        if (env.containsKey("SSH_PRIVATE_KEY") || env.containsKey("SSH_PRIVATE_KEY_FILE")) {
            s.add("setup_ssh_agent");
        }
        s.addAll(List.of("setup_home", "make_non_interactive", "init_setup_repos", "repo_setup_loop",
                "finish_setup_repos", "repos_checkout", "repos_apply_patches", "setup_environ", "write_bbconfig"));
        return s;
    }

    /** The steps {@code -k/--keep-config-unchanged} skips. */
    public static final List<String> KEEP_CONFIG_STEPS = List.of("setup_dir", "finish_setup_repos", "repos_checkout",
            "repos_apply_patches", "write_bbconfig");

    final Context ctx;
    final Map<Path, ConfigFile> fileCache = new HashMap<>();
    Config config;
    private Home home;
    private SshAgent agent;
    private Signatures signatures;

    public Session(Context ctx) {
        this.ctx = ctx;
    }

    /** Opens the configuration {@code FILE[:FILE...]} (null: {@code <work>/.config.yaml}); nothing is read yet. */
    public Config open(String configArg, List<String> targets, String task) {
        config = new Config(ctx, configArg, targets, task, fileCache);
        return config;
    }

    public Context context() {
        return ctx;
    }

    public Config config() {
        return config;
    }

    private boolean run(String step) {
        if (ctx.skip.contains(step)) {
            return false;
        }
        ctx.log.debug("execute " + step);
        return true;
    }

    /** Runs the setup steps that are not skipped. */
    public void setup() {
        if (run("setup_dir")) {
            ConfWriter.setupDir(ctx.buildDir);
        }
        if (ctx.env.containsKey("SSH_PRIVATE_KEY") || ctx.env.containsKey("SSH_PRIVATE_KEY_FILE")) {
            if (ctx.env.containsKey("SSH_AUTH_SOCK")) {
                throw new KasException("Invalid combination of arguments: Internal SSH agent (e.g. for "
                        + "\"SSH_PRIVATE_KEY\") can only be started if no external one is passed.");
            }
            if (run("setup_ssh_agent")) {
                agent = SshAgent.start(ctx);
            }
        }
        if (run("setup_home")) {
            if (home != null) {
                home.close();
            }
            home = Home.create(ctx);
            ctx.environ.put("HOME", home.dir().toString());
        }
        if (run("make_non_interactive")) {
            ctx.environ.put("GIT_TERMINAL_PROMPT", "false");
        }
        List<String> missing = null;
        List<String> missingOld = null;
        if (run("init_setup_repos")) {
            missing = config.findMissingRepos(Map.of());
        }
        if (run("repo_setup_loop")) {
            requireLoaded();
            while (missing != null && !missing.isEmpty()) {
                if (missing.equals(missingOld)) {
                    throw new KasException("Could not fetch all repos needed by includes. Missing repos: "
                            + String.join(", ", missing));
                }
                List<Repo> fetchNow = new ArrayList<>();
                Map<String, Repo> ids = new LinkedHashMap<>();
                for (String id : missing) {
                    if (config.reposConfig().containsKey(id)) {
                        Repo r = config.getRepo(id);
                        fetchNow.add(r);
                        ids.put(id, r);
                    }
                }
                fetch(fetchNow);
                importKeys();
                for (Repo r : fetchNow) {
                    signatures().ensureValidIfSigned(r, config.raw());
                    r.checkout();
                }
                config.repoDict.putAll(ids);
                Map<String, Path> paths = new LinkedHashMap<>();
                config.repoDict.forEach((id, r) -> paths.put(id, r.path));
                missingOld = missing;
                missing = config.findMissingRepos(paths);
            }
        }
        if (run("finish_setup_repos")) {
            requireLoaded();
            fetch(config.getRepos());
        }
        if (run("repos_checkout")) {
            requireLoaded();
            importKeys();
            if (!ctx.forceCheckout) {
                // the dirty checks do not change anything: run them all at once, then check out in order
                parallel(config.getRepos().stream().filter(Repo::managed).toList(), Repo::dirty);
            }
            for (Repo r : config.getRepos()) {
                signatures().ensureValidIfSigned(r, config.raw());
                r.checkout();
            }
        }
        if (run("repos_apply_patches")) {
            requireLoaded();
            if (home == null) {
                throw new KasException("Invalid combination of arguments: Apply patches requires setup_home");
            }
            try {
                String[] user = home.useKasIdentity();
                List<Repo> repos = config.getRepos();
                Map<String, Repo> byId = new LinkedHashMap<>(config.repoDict);
                for (Repo r : repos) {
                    r.applyPatches(byId);
                }
                home.restoreUser(user);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot set the git identity for patches", e);
            }
        }
        if (run("setup_environ")) {
            requireLoaded();
            ctx.environ.putAll(BuildEnv.compute(config, config.getRepos(), ctx));
        }
        if (run("write_bbconfig")) {
            requireLoaded();
            ConfWriter.write(config, config.getRepos(), ctx.buildDir);
        }
    }

    private void requireLoaded() {
        if (!config.loaded()) {
            throw new IllegalStateException("the configuration was never read: step init_setup_repos was skipped");
        }
    }

    private Signatures signatures() {
        if (signatures == null) {
            signatures = new Signatures(ctx);
        }
        return signatures;
    }

    private void importKeys() {
        signatures().importKeys(config.raw(), id -> config.reposConfig().containsKey(id) ? config.getRepo(id) : null);
    }

    /** kas' {@code repos_fetch}: all repos at once; the first failure (in repo order) is reported. */
    void fetch(List<Repo> repos) {
        parallel(repos.stream().filter(Repo::managed).toList(), Repo::fetch);
    }

    /** Runs {@code action} on every repo concurrently; the first failure in list order is rethrown. */
    private static void parallel(List<Repo> managed, java.util.function.Consumer<Repo> action) {
        if (managed.size() <= 1) {
            managed.forEach(action);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, managed.size()), r -> {
            Thread t = new Thread(r, "kas-fetch");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Repo r : managed) {
                futures.add(pool.submit(() -> action.accept(r)));
            }
            RuntimeException first = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException re ? re
                                : new IllegalStateException(e.getCause());
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while working on repositories", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The temporary HOME (null when {@code setup_home} was skipped). */
    public Home home() {
        return home;
    }

    @Override
    public void close() {
        if (agent != null && !ctx.skip.contains("cleanup_ssh_agent")) {
            agent.stop();
        }
        if (home != null) {
            home.close();
        }
    }
}
