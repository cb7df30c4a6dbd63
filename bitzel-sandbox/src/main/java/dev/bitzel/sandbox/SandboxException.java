package dev.bitzel.sandbox;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/** The sandbox could not be set up for a command (not a failure of the command itself, which is a result). */
public class SandboxException extends IOException {
    private static final long serialVersionUID = 1L;

    private final List<String> command;
    private final String detail;

    /**
     * Creates the exception.
     *
     * @param command the command that was to run
     * @param detail what failed, as the helper or the kernel said it
     */
    public SandboxException(List<String> command, String detail) {
        super("sandbox set-up failed for " + command + ": " + detail);
        this.command = List.copyOf(command);
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** The command that was to run. */
    public List<String> command() {
        return command;
    }

    /** What failed, as the helper or the kernel said it. */
    public String detail() {
        return detail;
    }
}
