package dev.bitzel.parser.internal.eval;

import dev.bitzel.parser.ParseFailure;

/**
 * An error that stops parsing of the current file, as a BitBake exception would. Unchecked because it unwinds
 * through nested includes and inherits exactly as BitBake's does; {@link Evaluator} turns it into a
 * {@link ParseFailure} at the top.
 */
final class MetadataError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final String PARSE_ERROR = "ParseError";
    static final String EXPANSION_ERROR = "ExpansionError";
    /** BitBake's {@code bb.fatal()}: the message was already logged, parsing stops. */
    static final String FATAL = "BBHandledException";

    private final String kind;
    private final String file;
    private final int line;

    MetadataError(String kind, String file, int line, String message) {
        super(message);
        this.kind = kind;
        this.file = file;
        this.line = line;
    }

    MetadataError(String kind, String file, int line, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.file = file;
        this.line = line;
    }

    static MetadataError parseError(String file, int line, String message) {
        return new MetadataError(PARSE_ERROR, file, line, message);
    }

    static MetadataError fatal(String file, int line, String message) {
        return new MetadataError(FATAL, file, line, message);
    }

    ParseFailure toFailure() {
        return new ParseFailure(kind, file == null ? "<unknown>" : file, Math.max(line, 0), getMessage());
    }
}
