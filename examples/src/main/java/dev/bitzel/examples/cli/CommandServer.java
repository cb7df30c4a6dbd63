package dev.bitzel.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The resident {@code bitzel} server, as Bazel's server and BitBake's: one JVM that stays up between commands, so
 * that a command on an unchanged build directory finds the parsed recipes, their provider index and its task graphs
 * in memory (the parser hands out the same recipe files while its snapshot and every file it read are unchanged;
 * {@link LoadedMetadata} and {@link dev.bitzel.graph.RecipeUniverse} keep what they built from them) and runs in
 * already compiled code.
 *
 * <p>The client ({@code examples/client/bitzel-client}, which {@code ./bitzel} runs for the metadata commands)
 * starts it with the client's working directory and environment; its <em>key</em> covers those and the runner's
 * jar, so a server only ever runs commands of clients that would behave exactly as it does. A client whose key
 * differs gets {@link #KEY_MISMATCH} and the server stops; the client then starts a new one.
 *
 * <p>Protocol, on a Unix domain socket the client's directory keeps private (mode 0700): the client sends one line
 * of UTF-8, {@code KEY \0 TTY \0 ARG \0 ARG ...} ending in a newline, where TTY is {@code 1} when the client's
 * standard output is a terminal and {@code 0} otherwise (see {@link #clientStdoutIsTerminal}); the server answers with frames of a one-byte tag, a
 * four-byte big-endian length and the payload: {@link #STDOUT} and {@link #STDERR} bytes, then {@link #EXIT} with
 * the exit code as four bytes. The client closing its end (Ctrl-C) interrupts the command; the server still sends
 * its exit frame, and exits itself when the command does not stop within {@link #CANCEL_GRACE}. Commands run one at
 * a time; others wait in the socket's backlog. The server exits after {@code --idle-seconds} without a command, or
 * when its socket file is removed or replaced.
 */
public final class CommandServer {
    /** Frame tag: bytes for the client's standard output. */
    public static final byte STDOUT = 'O';
    /** Frame tag: bytes for the client's standard error. */
    public static final byte STDERR = 'E';
    /** Frame tag: the command's exit code; the last frame of a command. */
    public static final byte EXIT = 'X';
    /** Frame tag: the client's key is not this server's; the server stops (payload: why). */
    public static final byte KEY_MISMATCH = 'K';
    /** Frame tag: the request was malformed (payload: why); the exit code frame follows. */
    public static final byte BAD_REQUEST = 'B';

    /** How long an interrupted command may take to stop before the server gives up and exits. */
    static final Duration CANCEL_GRACE = Duration.ofSeconds(10);
    private static final int MAX_REQUEST = 1 << 20;
    private static final System.Logger LOG = System.getLogger(CommandServer.class.getName());

    private final Path socket;
    private final String key;
    private final Duration idle;
    private final Function<String[], Integer> runner;
    private static volatile Boolean clientTerminal;
    private volatile long lastActive = System.nanoTime();
    private volatile boolean stopping;
    private ServerSocketChannel channel;
    private Object socketIdentity;

    /**
     * A server on {@code socket} for clients with {@code key}.
     *
     * @param runner runs one command line and returns its exit code ({@link Main#run} in production)
     */
    CommandServer(Path socket, String key, Duration idle, Function<String[], Integer> runner) {
        this.socket = Objects.requireNonNull(socket, "socket");
        this.key = Objects.requireNonNull(key, "key");
        this.idle = Objects.requireNonNull(idle, "idle");
        this.runner = Objects.requireNonNull(runner, "runner");
        if (key.isEmpty() || key.indexOf('\0') >= 0 || key.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("bad server key");
        }
    }

    /**
     * Starts a server: {@code --socket PATH --key KEY [--idle-seconds N]}. Exits 0 when idle or replaced, 2 on bad
     * usage.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        Path socket = null;
        String key = null;
        long idleSeconds = 3 * 3600;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--socket" -> socket = Path.of(args[i + 1]);
                case "--key" -> key = args[i + 1];
                case "--idle-seconds" -> idleSeconds = Long.parseLong(args[i + 1]);
                default -> {
                    System.err.println("bitzel server: unknown option " + args[i]);
                    System.exit(ExitCodes.BAD_INPUT);
                }
            }
        }
        if (socket == null || key == null || args.length % 2 != 0) {
            System.err.println("usage: CommandServer --socket PATH --key KEY [--idle-seconds N]");
            System.exit(ExitCodes.BAD_INPUT);
        }
        logToCurrentStandardError();
        CommandServer server = new CommandServer(socket, key, Duration.ofSeconds(idleSeconds), Main::run);
        try {
            server.serve();
        } catch (IOException e) {
            System.err.println("bitzel server: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    /**
     * Sends log records to whatever {@link System#err} is when they are logged: the client's standard error while
     * a command runs (as in a run without the server), the server's log otherwise. The JDK's console handler
     * would keep the standard error of the moment logging started.
     */
    private static void logToCurrentStandardError() {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        for (java.util.logging.Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        java.util.logging.Formatter format = new java.util.logging.SimpleFormatter();
        root.addHandler(new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (isLoggable(record)) {
                    System.err.print(format.format(record));
                }
            }

            @Override
            public void flush() {
                System.err.flush();
            }

            @Override
            public void close() {
                flush();
            }
        });
    }

    /** Binds the socket (replacing a stale file) and serves commands until idle, replaced or {@link #stop}ped. */
    void serve() throws IOException {
        bind();
        Thread watchdog = new Thread(this::watch, "bitzel-server-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        LOG.log(System.Logger.Level.INFO, () -> "bitzel server " + ProcessHandle.current().pid() + " serving on "
                + socket);
        try {
            while (!stopping) {
                SocketChannel client;
                try {
                    client = channel.accept();
                } catch (ClosedChannelException e) {
                    break;
                }
                try (client) {
                    handle(client);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, () -> "client connection failed: " + e.getMessage());
                }
                lastActive = System.nanoTime();
            }
        } finally {
            stop();
        }
    }

    /** Binds under a private name and renames into place, so the socket file appears only once it listens. */
    private void bind() throws IOException {
        Path bound = socket.resolveSibling(socket.getFileName() + "." + ProcessHandle.current().pid() + ".new");
        Files.deleteIfExists(bound);
        channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(bound));
        socketIdentity = Files.readAttributes(bound, BasicFileAttributes.class).fileKey();
        Files.move(bound, socket, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Stops serving; removes the socket file if it is still this server's. */
    void stop() {
        stopping = true;
        try {
            if (channel != null) {
                channel.close();
            }
            if (socketIdentity != null && socketIdentity.equals(currentSocketIdentity())) {
                Files.deleteIfExists(socket);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "cannot remove " + socket + ": " + e.getMessage());
        }
    }

    private Object currentSocketIdentity() throws IOException {
        try {
            return Files.readAttributes(socket, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Stops the server when idle too long or when its socket file was removed or replaced. */
    private void watch() {
        while (!stopping) {
            try {
                Thread.sleep(1000);
                if (!Objects.equals(socketIdentity, currentSocketIdentity())) {
                    LOG.log(System.Logger.Level.INFO, () -> "socket " + socket + " was replaced; stopping");
                    stop();
                } else if (System.nanoTime() - lastActive > idle.toNanos()) {
                    LOG.log(System.Logger.Level.INFO, () -> "idle for " + idle.toSeconds() + " s; stopping");
                    stop();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, () -> "cannot check " + socket + ": " + e.getMessage());
            }
        }
    }

    private void handle(SocketChannel client) throws IOException {
        // the channel itself, not Channels' streams: those share one lock, so a read waiting for a hang-up would
        // block every write
        InputStream in = new ChannelInput(client);
        Frames out = new Frames(client);
        List<String> request;
        try {
            request = readRequest(in);
        } catch (IOException e) {
            out.frame(BAD_REQUEST, ("bitzel server: bad request: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
            out.exit(ExitCodes.BAD_INPUT);
            return;
        }
        if (!request.get(0).equals(key)) {
            stop();
            out.frame(KEY_MISMATCH, "the client's working directory, environment or runner differs; restarting"
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (request.size() < 2 || !(request.get(1).equals("0") || request.get(1).equals("1"))) {
            out.frame(BAD_REQUEST, "bitzel server: bad request: no terminal flag (0 or 1) after the key"
                    .getBytes(StandardCharsets.UTF_8));
            out.exit(ExitCodes.BAD_INPUT);
            return;
        }
        String[] args = request.subList(2, request.size()).toArray(String[]::new);
        clientTerminal = request.get(1).equals("1");
        int code;
        try {
            code = run(args, in, out);
        } finally {
            clientTerminal = null;
        }
        out.exit(code);
    }

    /**
     * Whether the standard output of the client whose command runs now is a terminal, or null when no served
     * command runs (the process's own standard output is the command's then).
     */
    static Boolean clientStdoutIsTerminal() {
        return clientTerminal;
    }

    /** Reads {@code KEY \0 TTY \0 ARG ...\n}; the key must be there. */
    private static List<String> readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("the request ends before its newline");
            }
            if (line.size() >= MAX_REQUEST) {
                throw new IOException("the request is longer than " + MAX_REQUEST + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        List<String> parts = new ArrayList<>(List.of(text.split("\0", -1)));
        if (parts.get(0).isEmpty()) {
            throw new IOException("the request has no key");
        }
        return parts;
    }

    /**
     * Runs one command on its own thread with standard output and error sent as frames; the client closing its
     * end interrupts it.
     */
    private int run(String[] args, InputStream in, Frames out) {
        PrintStream stdout = new PrintStream(new FrameStream(out, STDOUT), false, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(new FrameStream(out, STDERR), true, StandardCharsets.UTF_8);
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        InputStream savedIn = System.in;
        int[] code = {ExitCodes.BAD_INPUT};
        Thread command = new Thread(() -> code[0] = runner.apply(args), "bitzel-command");
        System.setOut(stdout);
        System.setErr(stderr);
        System.setIn(InputStream.nullInputStream());
        try {
            command.start();
            Thread cancel = new Thread(() -> interruptOnHangUp(in, out, command), "bitzel-server-hangup");
            cancel.setDaemon(true);
            cancel.start();
            // not interrupted afterwards: interrupting a read closes the channel; closing the connection ends it
            command.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.interrupt(command);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
            System.setIn(savedIn);
            stdout.flush();
            stderr.flush();
        }
        return code[0];
    }

    /** Waits for the client to hang up (or send anything more) and interrupts the command then. */
    private void interruptOnHangUp(InputStream in, Frames out, Thread command) {
        try {
            in.read();
        } catch (IOException e) {
            // a reset connection is a hang-up as well
            LOG.log(System.Logger.Level.DEBUG, () -> "client connection: " + e.getMessage());
        }
        if (!command.isAlive()) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "client hung up; interrupting the command");
        out.interrupt(command);
        try {
            command.join(CANCEL_GRACE.toMillis());
        } catch (InterruptedException e) {
            return;
        }
        if (command.isAlive()) {
            LOG.log(System.Logger.Level.ERROR, () -> "the interrupted command did not stop within "
                    + CANCEL_GRACE.toSeconds() + " s; the server exits");
            stop();
            Runtime.getRuntime().halt(1);
        }
    }

    /** Reads from a channel without the lock {@link Channels#newInputStream} shares with writers. */
    private static final class ChannelInput extends InputStream {
        private final SocketChannel channel;
        private final ByteBuffer one = ByteBuffer.allocate(1);

        ChannelInput(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read() throws IOException {
            one.clear();
            int n;
            do {
                n = channel.read(one);
            } while (n == 0);
            return n < 0 ? -1 : one.get(0) & 0xff;
        }
    }

    /** Writes frames straight to the channel; a client that went away makes writes no-ops (the command still runs to its end). */
    static final class Frames {
        private final SocketChannel out;
        private boolean broken;

        Frames(SocketChannel out) {
            this.out = out;
        }

        synchronized void frame(byte tag, byte[] data) {
            frame(tag, data, 0, data.length);
        }

        synchronized void frame(byte tag, byte[] data, int off, int len) {
            if (broken) {
                return;
            }
            // a write by an interrupted thread would close the channel: the command's thread may be the writer,
            // and it is interrupted only under this lock (see interrupt)
            boolean interrupted = Thread.interrupted();
            try {
                ByteBuffer[] frame = {ByteBuffer.allocate(5).put(tag).putInt(len).flip(),
                    ByteBuffer.wrap(data, off, len)};
                while (frame[1].hasRemaining() || frame[0].hasRemaining()) {
                    out.write(frame);
                }
            } catch (IOException e) {
                broken = true;
                LOG.log(System.Logger.Level.DEBUG, () -> "client went away: " + e.getMessage());
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Interrupts {@code thread} between frames, never while it writes one. */
        synchronized void interrupt(Thread thread) {
            thread.interrupt();
        }

        synchronized void exit(int code) {
            frame(EXIT, ByteBuffer.allocate(4).putInt(code).array());
        }
    }

    /** An output stream that sends what is written as frames of one tag, buffered up to 64 KiB. */
    static final class FrameStream extends OutputStream {
        private final Frames frames;
        private final byte tag;
        private final byte[] buffer = new byte[64 * 1024];
        private int used;

        FrameStream(Frames frames, byte tag) {
            this.frames = frames;
            this.tag = tag;
        }

        @Override
        public synchronized void write(int b) {
            if (used == buffer.length) {
                flush();
            }
            buffer[used++] = (byte) b;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len > buffer.length - used) {
                flush();
            }
            if (len >= buffer.length) {
                frames.frame(tag, b, off, len);
                return;
            }
            System.arraycopy(b, off, buffer, used, len);
            used += len;
        }

        @Override
        public synchronized void flush() {
            if (used > 0) {
                frames.frame(tag, buffer, 0, used);
                used = 0;
            }
        }

        @Override
        public void close() {
            flush();
        }
    }
}
