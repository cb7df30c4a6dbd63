package dev.bitzel.examples.cli;

import picocli.CommandLine.Command;

/** {@code bitzel env}: Print every variable with its history (like bitbake -e). */
@Command(name = "env", description = "Print every variable with its history (like bitbake -e).")
final class EnvCommand extends PendingCommands.Pending {
    @Override
    String capability() {
        return "the recipe parser (bitzel-parser)";
    }
}
