package dev.bitzel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resident command server's protocol, and {@code examples/client/bitzel-client} driving a real one. */
class CommandServerTest {

    /** What a client received for one command. */
    record Reply(String out, String err, int exitCode, String refusal) {
    }

    /** Sends one request and reads the frames up to the exit (or refusal) frame. */
    static Reply send(Path socket, String request) throws IOException {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            ch.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
            return read(ch);
        }
    }

    static Reply read(SocketChannel ch) throws IOException {
        DataInputStream in = new DataInputStream(Channels.newInputStream(ch));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        while (true) {
            int tag = in.readByte();
            byte[] data = new byte[in.readInt()];
            in.readFully(data);
            switch (tag) {
                case CommandServer.STDOUT -> out.write(data);
                case CommandServer.STDERR, CommandServer.BAD_REQUEST -> err.write(data);
                case CommandServer.EXIT -> {
                    return new Reply(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                            ByteBuffer.wrap(data).getInt(), null);
                }
                case CommandServer.KEY_MISMATCH -> {
                    return new Reply("", "", -1, new String(data, StandardCharsets.UTF_8));
                }
                default -> throw new IOException("unknown frame " + tag);
            }
        }
    }

    @Nested
    class Protocol {
        @TempDir
        Path dir;
        Path socket;
        CommandServer server;
        Thread serving;

        void start(Function<String[], Integer> runner) throws Exception {
            socket = dir.resolve("s.sock");
            server = new CommandServer(socket, "k1", Duration.ofHours(1), runner);
            serving = new Thread(() -> {
                try {
                    server.serve();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            serving.start();
            for (int i = 0; i < 500 && !Files.exists(socket); i++) {
                Thread.sleep(10);
            }
            assertThat(socket).exists();
        }

        @AfterEach
        void stop() throws InterruptedException {
            if (server != null) {
                server.stop();
                serving.join(10_000);
            }
        }

        @Test
        void relaysOutputErrorAndExitCodeOfEachCommand() throws Exception {
            start(args -> {
                System.out.print("out:" + String.join(",", args));
                System.err.print("err!");
                return args.length;
            });
            Reply first = send(socket, "k1\0" + "0\0parse\0-d\0x y\n");
            assertThat(first).isEqualTo(new Reply("out:parse,-d,x y", "err!", 3, null));
            Reply second = send(socket, "k1\0" + "0\0graph\n");
            assertThat(second).isEqualTo(new Reply("out:graph", "err!", 1, null));
        }

        @Test
        void sendsLargeOutputWhole() throws Exception {
            String big = "0123456789abcdef".repeat(40_000);
            start(args -> {
                System.out.print(big);
                System.out.print("|end");
                return 0;
            });
            assertThat(send(socket, "k1\0" + "0\0x\n").out()).isEqualTo(big + "|end");
        }

        @Test
        void anotherKeyStopsTheServerAndRemovesItsSocket() throws Exception {
            start(args -> 0);
            Reply reply = send(socket, "other\0" + "0\0parse\n");
            assertThat(reply.refusal()).contains("differs");
            serving.join(10_000);
            assertThat(serving.isAlive()).isFalse();
            assertThat(socket).doesNotExist();
        }

        @Test
        void aMalformedRequestIsRefusedAndTheServerGoesOn() throws Exception {
            start(args -> 0);
            try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                ch.write(ByteBuffer.wrap(("k1\0" + "0\0parse").getBytes(StandardCharsets.UTF_8)));
                ch.shutdownOutput();
                Reply reply = read(ch);
                assertThat(reply.err()).contains("bad request", "ends before its newline");
                assertThat(reply.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            }
            Reply empty = send(socket, "\0" + "0\0parse\n");
            assertThat(empty.err()).contains("no key");
            Reply noFlag = send(socket, "k1\0parse\n");
            assertThat(noFlag.err()).contains("no terminal flag");
            assertThat(noFlag.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(send(socket, "k1\0" + "0\0ok\n").exitCode()).isZero();
        }

        @Test
        void hangingUpInterruptsTheCommandWhichStillReportsItsEnd() throws Exception {
            CountDownLatch running = new CountDownLatch(1);
            start(args -> {
                if (!args[0].equals("slow")) {
                    return 0;
                }
                running.countDown();
                try {
                    Thread.sleep(60_000);
                    return 0;
                } catch (InterruptedException e) {
                    System.err.print("interrupted");
                    return 130;
                }
            });
            try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                ch.write(ByteBuffer.wrap(("k1\0" + "0\0slow\n").getBytes(StandardCharsets.UTF_8)));
                assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
                ch.shutdownOutput();
                assertThat(read(ch)).isEqualTo(new Reply("", "interrupted", 130, null));
            }
            assertThat(send(socket, "k1\0" + "0\0next\n").exitCode()).isZero();
        }

        @Test
        void commandsSeeWhetherTheClientsOutputIsATerminal() throws Exception {
            start(args -> {
                System.out.print(CommandServer.clientStdoutIsTerminal());
                return 0;
            });
            assertThat(send(socket, "k1\0" + "1\0x\n").out()).isEqualTo("true");
            assertThat(send(socket, "k1\0" + "0\0x\n").out()).isEqualTo("false");
            assertThat(CommandServer.clientStdoutIsTerminal()).isNull();
        }

        @Test
        void standardStreamsAreRestoredAfterEachCommand() throws Exception {
            var before = System.out;
            start(args -> {
                System.out.print("x");
                return 0;
            });
            send(socket, "k1\0" + "0\0a\n");
            assertThat(System.out).isSameAs(before);
        }
    }

    /** The Python client starting a real server JVM on this test's class path. */
    @Nested
    class Client {
        @TempDir
        Path temp;
        @TempDir
        Path cache;
        /** The client's state directory, which it creates. */
        Path state;
        final List<String> server = serverCommand();

        @org.junit.jupiter.api.BeforeEach
        void stateDirectory() {
            state = temp.resolve("run");
        }

        @AfterEach
        void shutdown() throws Exception {
            client(Map.of(), "--shutdown");
        }

        static List<String> serverCommand() {
            String classPath = String.join(File.pathSeparator, System.getProperty("jdk.module.path", ""),
                    System.getProperty("java.class.path", ""));
            return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
                    "-cp", classPath, CommandServer.class.getName());
        }

        Path python() {
            for (String p : List.of("/usr/bin/python3", "/usr/local/bin/python3")) {
                if (Files.isExecutable(Path.of(p))) {
                    return Path.of(p);
                }
            }
            assumeTrue(false, "no python3");
            return null;
        }

        MainTest.Run client(Map<String, String> env, String... args) throws Exception {
            List<String> cmd = new ArrayList<>(List.of(python().toString(), "-S",
                    Path.of("client/bitzel-client").toAbsolutePath().toString(), "--state-dir", state.toString(),
                    "--idle-seconds", "120"));
            int dash = List.of(args).indexOf("--");
            List<String> own = List.of(args).subList(0, dash < 0 ? args.length : dash);
            cmd.addAll(own);
            cmd.addAll(server);
            cmd.add("--");
            if (dash >= 0) {
                cmd.addAll(List.of(args).subList(dash + 1, args.length));
            }
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().putAll(env);
            Path out = Files.createTempFile(temp, "out", ".txt");
            Path err = Files.createTempFile(temp, "err", ".txt");
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("client finished").isTrue();
            return new MainTest.Run(p.exitValue(), Files.readString(out), Files.readString(err));
        }

        /** The parse summary without its timing lines ("configuration: 0.480 s (from the cache)"). */
        static String withoutTimes(String summary) {
            return summary.replaceAll("(?m)^(configuration|recipes): .*$", "$1: (time)");
        }

        List<Path> logs() throws IOException {
            try (var s = Files.list(state)) {
                return s.filter(p -> p.toString().endsWith(".log")).toList();
            }
        }

        long serverStarts() throws IOException {
            long n = 0;
            for (Path log : logs()) {
                n += Files.readAllLines(log).stream().filter(l -> l.contains("serving on")).count();
            }
            return n;
        }

        @Test
        void answersAsADirectRunAndKeepsOneServerForLaterCommands() throws Exception {
            String[] parse = {"--", "--cache-dir", cache.toString(), "parse", "-d", ParserCommandsTest.DEMO.toString()};
            MainTest.Run first = client(Map.of(), parse);
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out()).contains("recipe files: 6", "targets: 7", "failed: 0");
            MainTest.Run second = client(Map.of(), parse);
            assertThat(second.out()).contains("parse cache: 6 hits, 0 misses");
            MainTest.Run direct = MainTest.run("--cache-dir", cache.toString(), "parse", "-d",
                    ParserCommandsTest.DEMO.toString());
            assertThat(withoutTimes(second.out())).isEqualTo(withoutTimes(direct.out()));
            MainTest.Run graph = client(Map.of(), "--", "--cache-dir", cache.toString(), "graph", "-d",
                    ParserCommandsTest.DEMO.toString(), "demo-image");
            assertThat(graph.out()).isEqualTo(MainTest.run("--cache-dir", cache.toString(), "graph", "-d",
                    ParserCommandsTest.DEMO.toString(), "demo-image").out()).contains("digraph");
            assertThat(serverStarts()).isEqualTo(1);
            try (var s = Files.list(state)) {
                Path sock = s.filter(p -> p.toString().endsWith(".sock")).findFirst().orElseThrow();
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
                assertThat(sock).exists();
            }
        }

        @Test
        void badUsageAndErrorsKeepTheirExitCodesAndMessages() throws Exception {
            MainTest.Run bad = client(Map.of(), "--", "parse", "--no-such-option");
            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.err()).contains("bitzel: Unknown option: '--no-such-option'");
            MainTest.Run missing = client(Map.of(), "--", "parse", "-d", state.resolve("nowhere").toString());
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.err()).contains("conf/bblayers.conf");
        }

        @Test
        void anotherEnvironmentReplacesTheServer() throws Exception {
            assertThat(client(Map.of(), "--", "--version").exitCode()).isZero();
            assertThat(client(Map.of(), "--", "--version").exitCode()).isZero();
            assertThat(serverStarts()).isEqualTo(1);
            MainTest.Run changed = client(Map.of("BITZEL_TEST_VARIABLE", "1"), "--", "--version");
            assertThat(changed.exitCode()).as(changed.err()).isZero();
            assertThat(serverStarts()).isEqualTo(2);
        }

        @Test
        void aServerThatCannotStartIsReportedForTheLauncherToRunWithout() throws Exception {
            List<String> cmd = List.of(python().toString(), "-S",
                    Path.of("client/bitzel-client").toAbsolutePath().toString(), "--state-dir", state.toString(),
                    "/bin/false", "--", "parse");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(75);
            assertThat(output).contains("the command server exited with code 1 while starting",
                    "running without the command server");
        }

        @Test
        void aStateDirectoryOthersCanReadIsRefused() throws Exception {
            Files.createDirectory(state);
            Files.setPosixFilePermissions(state, java.nio.file.attribute.PosixFilePermissions.fromString(
                    "rwxr-xr-x"));
            MainTest.Run run = client(Map.of(), "--", "--version");
            assertThat(run.exitCode()).isEqualTo(75);
            assertThat(run.err()).contains("is not a private directory of this user (mode 0700)");
            Files.setPosixFilePermissions(state, java.nio.file.attribute.PosixFilePermissions.fromString(
                    "rwx------"));
        }

        @Test
        void shutdownStopsTheServer() throws Exception {
            assertThat(client(Map.of(), "--", "--version").exitCode()).isZero();
            assertThat(client(Map.of(), "--shutdown", "--").exitCode()).isZero();
            for (int i = 0; i < 500; i++) {
                try (var s = Files.list(state)) {
                    if (s.noneMatch(p -> p.toString().endsWith(".sock"))) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
            org.junit.jupiter.api.Assertions.fail("the server's socket is still there after --shutdown");
        }
    }
}
