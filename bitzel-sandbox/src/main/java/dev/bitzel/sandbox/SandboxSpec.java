package dev.bitzel.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to run and what it may see: the command, its declared environment, the host paths it may read or
 * write, the network policy and the limits. Immutable and thread-safe; build with {@link #builder(String...)}
 * and change a copy with {@link #toBuilder()}.
 *
 * <p>Paths are absolute and appear inside the sandbox at the same place. Nothing else of the host is
 * visible except the system directories ({@code /usr}, {@code /bin}, {@code /lib}…), read-only.
 */
public final class SandboxSpec {
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final List<Path> readOnlyPaths;
    private final List<Path> writablePaths;
    private final List<Path> scratchPaths;
    private final List<Mount> mounts;
    private final NetworkPolicy network;
    private final Limits limits;
    private final Path stdout;
    private final Path stderr;
    private final boolean inheritOutput;
    private final boolean allowUnsandboxed;

    private SandboxSpec(Builder b) {
        this.command = List.copyOf(b.command);
        this.environment = Map.copyOf(b.environment);
        this.workingDirectory = b.workingDirectory;
        this.readOnlyPaths = List.copyOf(b.readOnlyPaths);
        this.writablePaths = List.copyOf(b.writablePaths);
        this.scratchPaths = List.copyOf(b.scratchPaths);
        this.mounts = List.copyOf(b.mounts);
        this.network = b.network;
        this.limits = b.limits;
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.inheritOutput = b.inheritOutput;
        this.allowUnsandboxed = b.allowUnsandboxed;
    }

    /**
     * A builder for this command (program and arguments). A program without a slash is looked up in the
     * declared {@code PATH} (default {@code /usr/local/bin:/usr/bin:/bin}).
     *
     * @throws IllegalArgumentException when the command is empty
     */
    public static Builder builder(String... command) {
        return new Builder(List.of(command));
    }

    /** A builder for this command; see {@link #builder(String...)}. */
    public static Builder builder(List<String> command) {
        return new Builder(command);
    }

    /** A builder holding this specification's values. */
    public Builder toBuilder() {
        Builder b = new Builder(command);
        b.environment.putAll(environment);
        b.workingDirectory = workingDirectory;
        b.readOnlyPaths.addAll(readOnlyPaths);
        b.writablePaths.addAll(writablePaths);
        b.scratchPaths.addAll(scratchPaths);
        b.mounts.addAll(mounts);
        b.network = network;
        b.limits = limits;
        b.stdout = stdout;
        b.stderr = stderr;
        b.inheritOutput = inheritOutput;
        b.allowUnsandboxed = allowUnsandboxed;
        return b;
    }

    /** The program and its arguments. */
    public List<String> command() {
        return command;
    }

    /** The whole environment of the command: nothing of the host's is inherited. */
    public Map<String, String> environment() {
        return environment;
    }

    /** The working directory inside the sandbox; empty: {@code /}. */
    public Optional<Path> workingDirectory() {
        return Optional.ofNullable(workingDirectory);
    }

    /** Host paths visible read-only at the same place. */
    public List<Path> readOnlyPaths() {
        return readOnlyPaths;
    }

    /** Host paths visible writable at the same place (files written there belong to the path's owner). */
    public List<Path> writablePaths() {
        return writablePaths;
    }

    /**
     * Writable directories that exist only inside the sandbox: each a fresh tmpfs of {@link Limits#tmpBytes()}
     * bytes (so their disk usage is bounded: a write beyond it fails with ENOSPC), discarded when the command ends.
     */
    public List<Path> scratchPaths() {
        return scratchPaths;
    }

    /**
     * Host paths visible at another place, in the order given, after {@link #readOnlyPaths()} and
     * {@link #writablePaths()} (so a mount may sit inside one of those, or inside an earlier mount).
     */
    public List<Mount> mounts() {
        return mounts;
    }

    /**
     * A host path made visible at another path inside the sandbox: what a remote executor uses to present an
     * action's input tree, materialised in a scratch directory, at the absolute paths the action names.
     *
     * <p>Unlike {@link #writablePaths()}, writable mounts are not searched for escaping symbolic links after the run
     * (a link's target means something only at the mount's sandbox path): whoever reads the source directory
     * afterwards must not follow links in it.
     *
     * @param source the existing host file or directory, absolute
     * @param target where the command sees it, absolute, not {@code /}
     * @param writable whether the command may write it
     */
    public record Mount(Path source, Path target, boolean writable) {
        /** Validates and normalises. */
        public Mount {
            source = Builder.absolute("source", source);
            target = Builder.absolute("target", target);
            if (target.getNameCount() == 0) {
                throw new IllegalArgumentException("mount target must not be the root, was " + target);
            }
        }
    }

    /** What network the command may reach. */
    public NetworkPolicy network() {
        return network;
    }

    /** The resource limits. */
    public Limits limits() {
        return limits;
    }

    /** Host file receiving the command's stdout; empty: discarded (unless {@link #inheritOutput()}). */
    public Optional<Path> stdout() {
        return Optional.ofNullable(stdout);
    }

    /** Host file receiving the command's stderr; empty: discarded (unless {@link #inheritOutput()}). */
    public Optional<Path> stderr() {
        return Optional.ofNullable(stderr);
    }

    /** Whether the command writes to this JVM's own stdout and stderr (for command-line runners). */
    public boolean inheritOutput() {
        return inheritOutput;
    }

    /** Whether the command may run unsandboxed when this machine cannot sandbox; the result says so. */
    public boolean allowUnsandboxed() {
        return allowUnsandboxed;
    }

    @Override
    public String toString() {
        return "SandboxSpec" + command + " network=" + network + " ro=" + readOnlyPaths + " rw=" + writablePaths
                + (scratchPaths.isEmpty() ? "" : " scratch=" + scratchPaths)
                + (mounts.isEmpty() ? "" : " mounts=" + mounts)
                + " " + limits;
    }

    /** Builds a {@link SandboxSpec}. Not thread-safe. */
    public static final class Builder {
        private List<String> command;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path workingDirectory;
        private final List<Path> readOnlyPaths = new ArrayList<>();
        private final List<Path> writablePaths = new ArrayList<>();
        private final List<Path> scratchPaths = new ArrayList<>();
        private final List<Mount> mounts = new ArrayList<>();
        private NetworkPolicy network = NetworkPolicy.NONE;
        private Limits limits = Limits.none();
        private Path stdout;
        private Path stderr;
        private boolean inheritOutput;
        private boolean allowUnsandboxed;

        private Builder(List<String> command) {
            command(command);
        }

        /** Replaces the command. */
        public Builder command(List<String> value) {
            List<String> copy = List.copyOf(value);
            if (copy.isEmpty() || copy.get(0).isEmpty()) {
                throw new IllegalArgumentException("command must name a program, was " + copy);
            }
            for (String arg : copy) {
                if (arg.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("command arguments must not contain NUL, was " + copy);
                }
            }
            this.command = copy;
            return this;
        }

        /** Declares one environment variable. */
        public Builder env(String name, String value) {
            Objects.requireNonNull(value, "value");
            if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("bad environment variable name '" + name + "'");
            }
            environment.put(name, value);
            return this;
        }

        /** Declares environment variables. */
        public Builder env(Map<String, String> values) {
            values.forEach(this::env);
            return this;
        }

        /** The working directory inside the sandbox (absolute; should be a declared path). */
        public Builder workingDirectory(Path value) {
            this.workingDirectory = absolute("workingDirectory", value);
            return this;
        }

        /** Makes an existing host path visible read-only at the same place. */
        public Builder readOnly(Path path) {
            readOnlyPaths.add(absolute("readOnly", path));
            return this;
        }

        /** Makes an existing host path visible writable at the same place. */
        public Builder writable(Path path) {
            writablePaths.add(absolute("writable", path));
            return this;
        }

        /**
         * Adds a scratch directory at this absolute path, which need not exist on the host: a size-limited tmpfs
         * (see {@link SandboxSpec#scratchPaths()}); it may lie inside a writable path, whose content there it hides
         * for the run (the mount point is created in the writable path if missing).
         */
        public Builder scratch(Path path) {
            scratchPaths.add(absolute("scratch", path));
            return this;
        }

        /**
         * Makes an existing host path visible at another absolute path (see {@link SandboxSpec#mounts()}).
         *
         * @param source the host path
         * @param target where the command sees it; not {@code /}
         * @param writable whether the command may write it
         */
        public Builder mount(Path source, Path target, boolean writable) {
            mounts.add(new Mount(source, target, writable));
            return this;
        }

        /** The network policy (default {@link NetworkPolicy#NONE}). */
        public Builder network(NetworkPolicy value) {
            this.network = Objects.requireNonNull(value, "network");
            return this;
        }

        /** The limits (default {@link Limits#none()}). */
        public Builder limits(Limits value) {
            this.limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /** Sends stdout to this host file (created or truncated); {@code null}: discard. */
        public Builder stdout(Path value) {
            this.stdout = value == null ? null : absolute("stdout", value);
            return this;
        }

        /** Sends stderr to this host file (created or truncated); {@code null}: discard. */
        public Builder stderr(Path value) {
            this.stderr = value == null ? null : absolute("stderr", value);
            return this;
        }

        /** Sends stdout and stderr to this JVM's own (overrides {@link #stdout} and {@link #stderr}). */
        public Builder inheritOutput(boolean value) {
            this.inheritOutput = value;
            return this;
        }

        /** Lets the command run unsandboxed, reported in the result, when this machine cannot sandbox. */
        public Builder allowUnsandboxed(boolean value) {
            this.allowUnsandboxed = value;
            return this;
        }

        /** The specification. */
        public SandboxSpec build() {
            return new SandboxSpec(this);
        }

        static Path absolute(String what, Path path) {
            Objects.requireNonNull(path, what);
            Path abs = path.toAbsolutePath().normalize();
            if (abs.toString().indexOf('\0') >= 0) {
                throw new IllegalArgumentException(what + " path must not contain NUL: " + path);
            }
            return abs;
        }
    }
}
