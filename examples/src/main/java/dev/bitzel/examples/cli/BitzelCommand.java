package dev.bitzel.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The top-level {@code bitzel} command: global options; {@link Main} adds the subcommands of DESIGN.md's runner
 * contract.
 */
@Command(name = "bitzel",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Builds Yocto/OpenEmbedded metadata like BitBake and kas, cached and sandboxed like Bazel.")
final class BitzelCommand implements Runnable {

    @Option(names = "--cache-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Local store (default: $BITZEL_CACHE_DIR, else ~/.cache/bitzel).")
    Path cacheDir;

    @Option(names = {"-d", "--builddir"}, scope = ScopeType.INHERIT, paramLabel = "BUILDDIR",
            description = "Build directory (default: the current directory when it holds conf/bblayers.conf, "
                    + "else $BUILDDIR).")
    Path buildDir;

    @Override
    public void run() {
        throw new UserInputException("missing subcommand; see 'bitzel --help'");
    }

    /** The local store directory, resolved as DESIGN.md specifies. */
    Path cacheDir() {
        if (cacheDir != null) {
            return cacheDir;
        }
        String env = System.getenv("BITZEL_CACHE_DIR");
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "bitzel");
    }

    /**
     * The build directory, resolved as DESIGN.md specifies.
     *
     * @throws UserInputException when none is given and none can be found
     */
    Path buildDir() {
        if (buildDir != null) {
            if (!Files.isRegularFile(buildDir.resolve("conf/bblayers.conf"))) {
                throw new UserInputException("build directory " + buildDir + " has no conf/bblayers.conf");
            }
            return buildDir.toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isRegularFile(cwd.resolve("conf/bblayers.conf"))) {
            return cwd;
        }
        String env = System.getenv("BUILDDIR");
        if (env != null && !env.isEmpty()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        throw new UserInputException("no build directory: pass -d BUILDDIR, run from a directory holding "
                + "conf/bblayers.conf, or set $BUILDDIR (as oe-init-build-env does)");
    }
}
