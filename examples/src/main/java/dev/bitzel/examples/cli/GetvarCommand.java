package dev.bitzel.examples.cli;

import picocli.CommandLine.Command;

/** {@code bitzel getvar}: Print final variable values (like bitbake-getvar). */
@Command(name = "getvar", description = "Print final variable values (like bitbake-getvar).")
final class GetvarCommand extends PendingCommands.Pending {
    @Override
    String capability() {
        return "the recipe parser (bitzel-parser)";
    }
}
