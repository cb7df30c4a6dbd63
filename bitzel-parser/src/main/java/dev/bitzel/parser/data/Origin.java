package dev.bitzel.parser.data;

/**
 * Where a datastore operation came from, for the variable history ({@code bitbake -e}); BitBake's {@code loginfo}.
 *
 * <p>All components are nullable. Operations that force their own op (BitBake's {@code appendVar}, {@code delVar},
 * {@code renameVar}, {@code :append} names, ...) ignore {@link #op()}, exactly as BitBake overwrites
 * {@code loginfo['op']}.
 *
 * @param op the operation as BitBake names it ({@code "set"}, {@code "set?"}, {@code "immediate"}, {@code "append"},
 *     ...); {@code null} means the method's default ({@code "set"} for setters)
 * @param file the file the operation was written in, or {@code null}
 * @param line the 1-based line, or 0 when unknown
 * @param detail what history shows as the operation's value (BitBake's {@code loginfo['detail']}, the parser passes
 *     the unexpanded right-hand side); {@code null} means the value passed to the setter
 */
public record Origin(String op, String file, int line, String detail) {

    /** An origin whose detail is the value passed to the setter. */
    public Origin(String op, String file, int line) {
        this(op, file, line, null);
    }
}
