package dev.bitzel.parser.syntax;

/** Which directive an {@link IncludeStatement} is. */
public enum IncludeKind {
    /** {@code include}: a missing file is silently skipped. */
    INCLUDE,
    /** {@code require}: a missing file is an error. */
    REQUIRE,
    /**
     * {@code include_all}, from later BitBake releases. BitBake 2.8.1 has no such directive, so the parser
     * never produces it: in 2.8.1 an {@code include_all} line is an "unparsed line" error.
     */
    INCLUDE_ALL
}
