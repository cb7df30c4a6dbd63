package dev.bitzel.kas.internal;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * kas' log format on stderr ({@code YYYY-mm-dd HH:MM:SS - LEVEL    - msg}), which scripts that wrap kas
 * grep for. Progress is text for people here, so a plain stream fits better than System.Logger.
 */
public final class Log {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final PrintStream err;
    private final boolean debug;

    public Log(PrintStream err, boolean debug) {
        this.err = err;
        this.debug = debug;
    }

    public void debug(String msg) {
        if (debug) {
            write("DEBUG", msg);
        }
    }

    public void info(String msg) {
        write("INFO", msg);
    }

    public void warning(String msg) {
        write("WARNING", msg);
    }

    public void error(String msg) {
        write("ERROR", msg);
    }

    private synchronized void write(String level, String msg) {
        err.printf("%s - %-8s - %s%n", LocalDateTime.now().format(TIME), level, Secrets.mask(msg));
        err.flush();
    }
}
