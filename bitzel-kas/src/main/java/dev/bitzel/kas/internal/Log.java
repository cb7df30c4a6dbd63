package dev.bitzel.kas.internal;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * kas' log format on stderr ({@code YYYY-mm-dd HH:MM:SS - LEVEL    - msg}), which scripts that wrap kas
 * grep for. Progress is text for people here, so a plain stream fits better than System.Logger. Credentials
 * in URLs are masked in every line.
 */
public final class Log {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final PrintStream err;
    private final int threshold;

    public Log(PrintStream err, boolean debug) {
        this(err, debug ? "debug" : "info");
    }

    /** @param level debug, info, warning, error or critical (kas' {@code -l}) */
    public Log(PrintStream err, String level) {
        this.err = err;
        this.threshold = switch (level.toLowerCase(Locale.ROOT)) {
            case "debug" -> 10;
            case "info" -> 20;
            case "warning" -> 30;
            case "error" -> 40;
            case "critical" -> 50;
            default -> throw new IllegalArgumentException("log level must be one of debug, info, warning, error, "
                    + "critical; was '" + level + "'");
        };
    }

    public boolean debugEnabled() {
        return threshold <= 10;
    }

    public void debug(String msg) {
        write(10, "DEBUG", msg);
    }

    public void info(String msg) {
        write(20, "INFO", msg);
    }

    public void warning(String msg) {
        write(30, "WARNING", msg);
    }

    public void error(String msg) {
        write(40, "ERROR", msg);
    }

    private synchronized void write(int level, String name, String msg) {
        if (level < threshold) {
            return;
        }
        err.printf("%s - %-8s - %s%n", LocalDateTime.now().format(TIME), name, Secrets.mask(msg));
        err.flush();
    }
}
