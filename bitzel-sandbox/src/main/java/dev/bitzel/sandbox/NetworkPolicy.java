package dev.bitzel.sandbox;

import java.util.Locale;
import java.util.Objects;

/** What network a sandboxed command may reach. */
public enum NetworkPolicy {
    /** No interfaces at all: the default for every build task. */
    NONE,
    /** Only the loopback interface, up; nothing outside the sandbox is reachable. */
    LOOPBACK,
    /** The host's network: an explicit opt-in, for fetch tasks that declare {@code [network] = "1"}. */
    HOST;

    /**
     * Parses the name as users type it ({@code none}, {@code loopback}, {@code host}), ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static NetworkPolicy parse(String text) {
        Objects.requireNonNull(text, "text");
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("network policy must be none, loopback or host, was '" + text + "'", e);
        }
    }
}
