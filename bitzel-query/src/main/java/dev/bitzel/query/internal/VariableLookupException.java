package dev.bitzel.query.internal;

/** A recipe variable that could not be looked up (its expansion failed); evaluation reports it with a position. */
final class VariableLookupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    VariableLookupException(String recipe, String variable, RuntimeException cause) {
        super("variable " + variable + " of recipe '" + recipe + "' could not be read: " + cause.getMessage(), cause);
    }
}
