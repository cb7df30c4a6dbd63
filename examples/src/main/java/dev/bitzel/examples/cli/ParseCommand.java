package dev.bitzel.examples.cli;

import picocli.CommandLine.Command;

/** {@code bitzel parse}: Parse all recipes of the build directory (like bitbake -p). */
@Command(name = "parse", description = "Parse all recipes of the build directory (like bitbake -p).")
final class ParseCommand extends PendingCommands.Pending {
    @Override
    String capability() {
        return "the recipe parser (bitzel-parser)";
    }
}
