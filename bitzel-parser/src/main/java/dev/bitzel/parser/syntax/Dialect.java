package dev.bitzel.parser.syntax;

/**
 * Which of BitBake's two line grammars a file is read with.
 *
 * <p>BitBake picks the handler by the extension of the file being read, not by who includes it
 * ({@code bb.parse.handle} asks each handler's {@code supports(fn)}): {@code .conf} files go to
 * {@code ConfHandler}, {@code .bb}, {@code .bbclass} and {@code .inc} to {@code BBHandler}, and
 * {@code .bbappend} files are handed to {@code BBHandler.handle} directly. So an {@code .inc} file is read
 * with recipe rules even when a {@code .conf} file requires it.
 */
public enum Dialect {
    /** {@code BBHandler} rules: functions, {@code def}, {@code inherit}, {@code addtask} and everything of {@link #CONF}. */
    RECIPE,
    /** {@code ConfHandler} rules: assignments, {@code include}/{@code require}, {@code export}, {@code unset}, {@code addpylib}. */
    CONF;

    /**
     * Returns the dialect BitBake uses for a file name: {@link #CONF} for names ending in {@code .conf},
     * {@link #RECIPE} otherwise.
     *
     * @param fileName a file name or path, never null
     * @return the dialect, never null
     */
    public static Dialect forFileName(String fileName) {
        return fileName.endsWith(".conf") ? CONF : RECIPE;
    }
}
