package dev.bitzel.kas;

/**
 * A problem in the user's kas input or in what it refers to: a bad project file, a missing include, a ref
 * that does not exist upstream, a patch that does not apply. The message says what is wrong and where,
 * in kas' own words where kas has them. Runners map it to exit code 2.
 *
 * <p>Credentials in URLs ({@code https://user:secret@host}) are masked in the message.
 *
 * <p>Environment failures that are not the user's fault surface as {@link java.io.UncheckedIOException} or
 * {@link IllegalStateException} instead.
 */
public class KasException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the file, key path or repository concerned
     */
    public KasException(String message) {
        super(dev.bitzel.kas.internal.Secrets.mask(message));
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong
     * @param cause the underlying failure
     */
    public KasException(String message, Throwable cause) {
        super(dev.bitzel.kas.internal.Secrets.mask(message), cause);
    }
}
