package dev.bitzel.parser.data;

import java.util.Objects;

/**
 * An {@link ExpansionException} from a {@link DataStore} method that does not declare it: setters and
 * {@link DataStore#keys()} expand {@code OVERRIDES} (and what it references) as a side effect, as BitBake does.
 */
public class UncheckedExpansionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Wraps the checked exception.
     *
     * @param cause the expansion failure
     */
    public UncheckedExpansionException(ExpansionException cause) {
        super(Objects.requireNonNull(cause, "cause").getMessage(), cause);
    }

    /** The expansion failure. */
    @Override
    public synchronized ExpansionException getCause() {
        return (ExpansionException) super.getCause();
    }
}
