package dev.bitzel.parser.syntax;

/**
 * Where a node lies in its {@link SyntaxTree#text()}.
 *
 * <p>Offsets count UTF-16 chars of the text. Lines are 1-based and end at {@code \n}, {@code \r\n} or a lone
 * {@code \r} (Python's universal newlines, which BitBake reads with); columns are 1-based UTF-16 char
 * positions within the line.
 *
 * @param start offset of the first char, inclusive
 * @param end offset after the last char, exclusive
 * @param startLine line of the first char
 * @param startColumn column of the first char
 * @param endLine line of the last char (its line terminator counts as part of its line)
 */
public record SourceRange(int start, int end, int startLine, int startColumn, int endLine) {

    /** Validates the components. */
    public SourceRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad offsets [" + start + ", " + end + ")");
        }
        if (startLine < 1 || startColumn < 1 || endLine < startLine) {
            throw new IllegalArgumentException(
                    "bad lines: startLine=" + startLine + " startColumn=" + startColumn + " endLine=" + endLine);
        }
    }

    /** Returns the number of chars covered. */
    public int length() {
        return end - start;
    }
}
