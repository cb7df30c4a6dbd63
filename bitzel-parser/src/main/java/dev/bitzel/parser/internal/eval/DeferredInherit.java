package dev.bitzel.parser.internal.eval;

/** An {@code inherit_defer} waiting for finalization: the raw class list and where it was written. */
record DeferredInherit(String classes, String file, int line) {
}
