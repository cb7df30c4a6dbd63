package dev.bitzel.parser.syntax;

/** The operator of an {@link Assignment}, named after BitBake's regex groups. */
public enum AssignOp {
    /** {@code =} */
    SET("="),
    /** {@code :=} (group {@code colon}) */
    IMMEDIATE(":="),
    /** {@code ?=} (group {@code ques}) */
    DEFAULT("?="),
    /** {@code ??=} (group {@code lazyques}) */
    WEAK_DEFAULT("??="),
    /** {@code +=} (group {@code append}) */
    APPEND("+="),
    /** {@code =+} (group {@code prepend}) */
    PREPEND("=+"),
    /** {@code .=} (group {@code postdot}) */
    APPEND_NOSPACE(".="),
    /** {@code =.} (group {@code predot}) */
    PREPEND_NOSPACE("=.");

    private final String symbol;

    AssignOp(String symbol) {
        this.symbol = symbol;
    }

    /** Returns the operator as written, e.g. {@code "?="}. */
    public String symbol() {
        return symbol;
    }
}
