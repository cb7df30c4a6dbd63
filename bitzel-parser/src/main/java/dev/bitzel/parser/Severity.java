package dev.bitzel.parser;

/** How serious a {@link Diagnostic} is. */
public enum Severity {
    /** Worth knowing; the result is still what BitBake would produce. */
    NOTE,
    /** Suspicious input that BitBake accepts, perhaps with its own warning. */
    WARNING,
    /** Input BitBake rejects; the affected statement or recipe has no trustworthy value. */
    ERROR
}
