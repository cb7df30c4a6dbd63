package dev.bitzel.kas.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kas' internal ssh-agent ({@code setup_ssh_agent}): started when {@code SSH_PRIVATE_KEY} or
 * {@code SSH_PRIVATE_KEY_FILE} is set, loaded with that key, and stopped at the end of the command. Its socket
 * reaches git through the kas environment.
 */
final class SshAgent {
    private static final Pattern VAR = Pattern.compile("(\\S+)=(\\S+);");
    private final Context ctx;

    private SshAgent(Context ctx) {
        this.ctx = ctx;
    }

    static SshAgent start(Context ctx) {
        for (String tool : List.of("ssh", "ssh-add", "ssh-agent")) {
            if (!onPath(tool)) {
                throw new IllegalStateException("SSH setup requested but could not find \"" + tool + "\" in PATH");
            }
        }
        Proc.Result r = Proc.check(ctx.log, List.of("ssh-agent", "-s"), ctx.workDir, ctx.environ);
        for (String line : r.out().split("\n")) {
            Matcher m = VAR.matcher(line);
            if (m.find()) {
                ctx.environ.put(m.group(1), m.group(2));
            }
        }
        SshAgent agent = new SshAgent(ctx);
        boolean found = false;
        String file = ctx.env.get("SSH_PRIVATE_KEY_FILE");
        if (file != null && !file.isEmpty()) {
            found = true;
            ctx.log.info("adding SSH key from file '" + file + "'");
            try {
                agent.add(Files.readString(ctx.cwd.resolve(file)));
            } catch (IOException e) {
                agent.stop();
                throw new UncheckedIOException("cannot read SSH_PRIVATE_KEY_FILE " + file, e);
            }
        }
        String key = ctx.env.get("SSH_PRIVATE_KEY");
        if (key != null && !key.isEmpty()) {
            found = true;
            ctx.log.info("adding SSH key from env-var 'SSH_PRIVATE_KEY'");
            agent.add(key);
        }
        if (!found) {
            ctx.log.warning("None of the following environment keys were set: SSH_PRIVATE_KEY, SSH_PRIVATE_KEY_FILE");
        }
        if (ctx.managedEnv() != null) {
            agent.noHostKeyCheck();
        }
        return agent;
    }

    private static boolean onPath(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir.isEmpty() ? "." : dir, exe))) {
                return true;
            }
        }
        return false;
    }

    private void add(String key) {
        // the agent needs the key to end with a newline, or it asks for a passphrase
        String k = key.endsWith("\n") ? key : key + "\n";
        Proc.Result r = Proc.run(List.of("ssh-add", "-"), ctx.workDir, ctx.environ, k.getBytes(StandardCharsets.UTF_8));
        if (!r.ok() && !r.err().isEmpty()) {
            ctx.log.error("failed to add ssh key: " + r.err());
        }
    }

    /** Disables host key checking in the (temporary) HOME of a CI run, as kas does in managed environments. */
    private void noHostKeyCheck() {
        String home = ctx.environ.getOrDefault("HOME", ctx.env.get("HOME"));
        if (home == null) {
            return;
        }
        Path config = Path.of(home, ".ssh/config");
        String content = "Host *\n\tStrictHostKeyChecking no\n\n";
        try {
            Files.createDirectories(config.getParent());
            if (!Files.exists(config)) {
                Files.writeString(config, content);
            } else if (!Files.readString(config).equals(content)) {
                ctx.log.warning(config + " already exists, not touching it to disable StrictHostKeyChecking");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
    }

    void stop() {
        if (!Proc.run(List.of("ssh-add", "-D"), ctx.workDir, ctx.environ).ok()) {
            ctx.log.error("failed to delete SSH identities");
        }
        if (!Proc.run(List.of("ssh-agent", "-k"), ctx.workDir, ctx.environ).ok()) {
            ctx.log.error("failed to stop SSH agent");
        }
    }
}
