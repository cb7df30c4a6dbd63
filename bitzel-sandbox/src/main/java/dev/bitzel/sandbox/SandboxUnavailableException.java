package dev.bitzel.sandbox;

import java.util.List;

/**
 * This machine cannot sandbox at all (no user namespaces, not Linux x86-64, …). Callers that accept running
 * unsandboxed say so with {@link SandboxSpec.Builder#allowUnsandboxed(boolean)}; nothing falls back silently.
 */
public class SandboxUnavailableException extends SandboxException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param command the command that was to run
     * @param reason why sandboxing is unavailable, and what would enable it
     */
    public SandboxUnavailableException(List<String> command, String reason) {
        super(command, reason);
    }
}
