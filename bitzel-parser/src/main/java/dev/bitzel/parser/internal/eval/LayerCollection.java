package dev.bitzel.parser.internal.eval;

import java.util.regex.Pattern;

/**
 * One BBFILE_COLLECTIONS entry: its name, BBFILE_PATTERN (a regular expression matched at the start of file
 * paths) and BBFILE_PRIORITY.
 *
 * @param name the collection name
 * @param pattern the BBFILE_PATTERN text
 * @param regex the compiled pattern
 * @param priority the BBFILE_PRIORITY
 */
public record LayerCollection(String name, String pattern, Pattern regex, int priority) {
}
