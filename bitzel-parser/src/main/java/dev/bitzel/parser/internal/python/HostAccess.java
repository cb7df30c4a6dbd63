package dev.bitzel.parser.internal.python;

import java.util.List;

/**
 * What metadata Python learns from the host while it runs on a thread: files read, paths probed, environment
 * variables, commands, host facts and the clock. A cache of evaluated metadata records these through a
 * {@link Recorder} and is valid only while they stay the same. Recording is per thread; with no recorder
 * installed the calls cost a thread-local read.
 */
public final class HostAccess {
    private static final ThreadLocal<Recorder> CURRENT = new ThreadLocal<>();

    private HostAccess() {
    }

    /** Receives what the code running on one thread reads from the host. Implementations need not be thread-safe. */
    public interface Recorder {
        /**
         * A file's content was read (or reading it was attempted).
         *
         * @param path the absolute path
         */
        void fileRead(String path);

        /**
         * Whether a path exists, or what it is, was asked; also paths the code created or changed.
         *
         * @param path the absolute path
         */
        void pathProbed(String path);

        /**
         * A directory was listed.
         *
         * @param path the absolute path
         */
        void directoryListed(String path);

        /**
         * An environment variable of the process was read.
         *
         * @param name the variable
         */
        void environmentRead(String name);

        /**
         * A command was run (or answered without running it) with this result.
         *
         * @param argv the command
         * @param cwd its directory
         * @param mergeStderr whether standard error was merged into standard output
         * @param result the exit code and output, as text
         */
        void commandRun(List<String> argv, String cwd, boolean mergeStderr, String result);

        /**
         * A fact of the host or the process was read: {@code uname}, user and group ids, the CPUs, the process id.
         *
         * @param name what was read, e.g. {@code "os.getuid"}
         * @param value what it was
         */
        void hostFact(String name, String value);

        /** The clock was read. */
        void clockRead();
    }

    /**
     * Installs {@code recorder} for this thread (null removes it).
     *
     * @return the recorder installed before, to restore afterwards
     */
    public static Recorder install(Recorder recorder) {
        Recorder before = CURRENT.get();
        if (recorder == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(recorder);
        }
        return before;
    }

    /** The recorder of this thread, or null. */
    public static Recorder current() {
        return CURRENT.get();
    }

    /** Reports a file read. */
    public static void fileRead(String path) {
        Recorder r = CURRENT.get();
        if (r != null) {
            r.fileRead(path);
        }
    }

    /** Reports a path probed, created or changed. */
    public static void pathProbed(String path) {
        Recorder r = CURRENT.get();
        if (r != null) {
            r.pathProbed(path);
        }
    }

    /** Reports a directory listed. */
    public static void directoryListed(String path) {
        Recorder r = CURRENT.get();
        if (r != null) {
            r.directoryListed(path);
        }
    }

    /** Reports an environment variable read. */
    public static void environmentRead(String name) {
        Recorder r = CURRENT.get();
        if (r != null) {
            r.environmentRead(name);
        }
    }

    /** Reports a command run. */
    public static void commandRun(List<String> argv, String cwd, boolean mergeStderr, String result) {
        Recorder r = CURRENT.get();
        if (r != null) {
            r.commandRun(argv, cwd, mergeStderr, result);
        }
    }

    /** Reports a host fact read. */
    public static void hostFact(String name, String value) {
        Recorder r = CURRENT.get();
        if (r != null) {
            r.hostFact(name, value);
        }
    }

    /** Reports a clock read. */
    public static void clockRead() {
        Recorder r = CURRENT.get();
        if (r != null) {
            r.clockRead();
        }
    }
}
