package dev.bitzel.parser.data;

/**
 * One recorded operation on a variable, as BitBake's {@code VariableHistory} keeps it.
 *
 * @param op the operation ({@code "set"}, {@code ":append[foo]"}, {@code "override[foo]:set"}, {@code "del"}, ...)
 * @param variable the variable the entry is listed under
 * @param flag the flag the operation touched, {@code null} for the value itself
 * @param file the file of the operation, {@code null} when the caller gave none
 * @param line the line of the operation, 0 when unknown
 * @param detail the value or text the operation used, {@code null} when it was BitBake's {@code None}
 */
public record HistoryEntry(String op, String variable, String flag, String file, int line, String detail) {}
