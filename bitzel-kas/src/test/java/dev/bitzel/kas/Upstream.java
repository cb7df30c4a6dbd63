package dev.bitzel.kas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test fixture: upstream git repositories with deterministic commits, a project dir, a work dir and a runner whose
 * log is captured. The environment is the process's, minus every variable kas reads, with HOME in the temp dir.
 */
final class Upstream {
    final Path tmp;
    final Path up;
    final Path project;
    final Path work;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    final Map<String, String> env = new HashMap<>();
    private int commits;

    Upstream(Path tmp) {
        this.tmp = tmp;
        this.up = tmp.resolve("upstream");
        this.project = tmp.resolve("project");
        this.work = tmp.resolve("work");
        try {
            Files.createDirectories(up);
            Files.createDirectories(project);
            Files.createDirectories(work);
            Files.createDirectories(tmp.resolve("home"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.getenv().forEach((k, v) -> {
            if (!k.startsWith("KAS_") && !k.startsWith("GIT_") && !k.startsWith("SSH_") && !k.startsWith("CI_")
                    && !List.of("GITHUB_ACTIONS", "GITLAB_CI", "REMOTE_CONTAINERS", "DL_DIR", "SSTATE_DIR",
                            "NETRC_FILE", "GITCONFIG_FILE", "GNUPGHOME").contains(k)) {
                env.put(k, v);
            }
        });
        env.put("HOME", tmp.resolve("home").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("SHELL", "/bin/sh");
    }

    /** Runs git in {@code dir} as the upstream developer; answers stdout. */
    String git(Path dir, String... args) {
        return git(dir, Map.of(), args);
    }

    String git(Path dir, Map<String, String> extraEnv, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "init.defaultBranch=main", "-c",
                "user.name=Upstream Dev", "-c", "user.email=dev@example.com", "-c", "commit.gpgsign=false",
                "-c", "tag.gpgsign=false"));
        cmd.addAll(List.of(args));
        return run(cmd, dir, extraEnv);
    }

    String run(List<String> cmd, Path dir, Map<String, String> extraEnv) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().putAll(extraEnv);
        pb.redirectErrorStream(true);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + out).isZero();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new upstream repo with one layer at {@code meta} and a fake init script and bitbake. */
    Path repo(String name) {
        Path d = up.resolve(name);
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git(d, "init", "-q");
        return d;
    }

    /** The "core" fixture: meta layer, an init script putting bitbake/bin on PATH, a bitbake recording its argv. */
    Path core() {
        Path d = repo("core");
        write(d, "meta/conf/layer.conf", "# meta\n");
        write(d, "oe-init-build-env", """
                BUILDDIR=${1:-$(pwd)/build}
                mkdir -p "$BUILDDIR/conf"
                export BUILDDIR
                export PATH="$(pwd)/bitbake/bin:$PATH"
                export BB_ENV_PASSTHROUGH_ADDITIONS="BUILDDIR"
                cd "$BUILDDIR"
                """);
        write(d, "bitbake/bin/bitbake", """
                #!/bin/sh
                echo "argv: $*" > bitbake-invocation.txt
                echo "bitbake says hello"
                echo "bitbake warns" >&2
                mkdir -p tmp/deploy
                echo image > tmp/deploy/image.bin
                for a in "$@"; do [ "$a" != fail-target ] || exit 3; done
                exit 0
                """);
        d.resolve("bitbake/bin/bitbake").toFile().setExecutable(true);
        commit(d, "core: initial");
        git(d, "tag", "v1.0");
        write(d, "README", "second\n");
        commit(d, "core: second");
        write(d, "README", "third\n");
        commit(d, "core: third");
        return d;
    }

    void write(Path repo, String rel, String text) {
        try {
            Path f = repo.resolve(rel);
            Files.createDirectories(f.getParent());
            Files.writeString(f, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits everything with a deterministic date. */
    void commit(Path repo, String message, String... extraArgs) {
        commits++;
        String date = (1577836800 + commits * 3600) + " +0000";
        git(repo, "add", "-A");
        List<String> args = new ArrayList<>(List.of("commit", "-q", "-m", message));
        args.addAll(List.of(extraArgs));
        git(repo, Map.of("GIT_AUTHOR_DATE", date, "GIT_COMMITTER_DATE", date), args.toArray(String[]::new));
    }

    String rev(Path repo, String ref) {
        return git(repo, "rev-parse", ref + "^{commit}").strip();
    }

    /** Writes project/NAME with @UP@ replaced by the upstream dir; answers its path relative to the work dir. */
    String project(String name, String yaml) {
        write(project, name, yaml.replace("@UP@", up.toString()));
        return "../project/" + name;
    }

    KasRunner runner() {
        return KasRunner.builder().workingDirectory(work).environment(env)
                .progress(new PrintStream(log, true, StandardCharsets.UTF_8)).build();
    }

    KasRunner runner(Map<String, String> extraEnv) {
        Map<String, String> e = new HashMap<>(env);
        e.putAll(extraEnv);
        return KasRunner.builder().workingDirectory(work).environment(e)
                .progress(new PrintStream(log, true, StandardCharsets.UTF_8)).build();
    }

    String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    static boolean onPath(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }
}
