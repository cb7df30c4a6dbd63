package dev.bitzel.examples.cli;

/** A subcommand whose capability has not landed yet: the runner says so and exits 2, never fakes a result. */
final class NotImplementedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotImplementedException(String command, String capability) {
        super("not implemented yet: '" + command + "' needs " + capability
                + ", which this version of Bitzel does not have");
    }
}
