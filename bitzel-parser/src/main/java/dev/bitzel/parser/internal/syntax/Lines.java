package dev.bitzel.parser.internal.syntax;

import java.util.Arrays;

/**
 * The physical lines of a text as Python's universal-newline {@code readline()} sees them: each ends at
 * {@code \n}, {@code \r\n} or a lone {@code \r}; a last line without terminator still counts.
 */
final class Lines {

    private final int[] starts;
    private final int[] contentEnds;
    private final int count;
    private final int length;

    private Lines(int[] starts, int[] contentEnds, int count, int length) {
        this.starts = starts;
        this.contentEnds = contentEnds;
        this.count = count;
        this.length = length;
    }

    static Lines of(String text) {
        int n = text.length();
        int cap = 16;
        int[] starts = new int[cap];
        int[] ends = new int[cap];
        int count = 0;
        int i = 0;
        while (i < n) {
            int start = i;
            while (i < n) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r') {
                    break;
                }
                i++;
            }
            if (count == cap) {
                cap *= 2;
                starts = Arrays.copyOf(starts, cap);
                ends = Arrays.copyOf(ends, cap);
            }
            starts[count] = start;
            ends[count] = i;
            count++;
            if (i < n) {
                i += text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
            }
        }
        return new Lines(starts, ends, count, n);
    }

    int count() {
        return count;
    }

    int start(int line) {
        return starts[line];
    }

    /** End of the line's content, before its terminator. */
    int contentEnd(int line) {
        return contentEnds[line];
    }

    /** End of the line including its terminator. */
    int end(int line) {
        return line + 1 < count ? starts[line + 1] : length;
    }
}
