package dev.bitzel.kas;

/**
 * What {@code kas diff} prints.
 *
 * @param json JSON (the stable format) instead of text
 * @param oneline one line per commit in the text format
 * @param noColor no ANSI colours in the text format
 * @param commitOnly only the commits between changed repo revisions (text format)
 * @param contentOnly only the configuration changes (text format)
 */
public record KasDiffOptions(boolean json, boolean oneline, boolean noColor, boolean commitOnly,
        boolean contentOnly) {

    /** Text with colours, configuration and commits. */
    public static KasDiffOptions defaults() {
        return new KasDiffOptions(false, false, false, false, false);
    }
}
