package dev.bitzel.examples.build.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.TaskNode;
import dev.bitzel.graph.scheduler.BuildEvent;
import dev.bitzel.graph.scheduler.TaskOutcome;
import dev.bitzel.graph.scheduler.TaskStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
    static final long MS = 1_000_000L;

    static TaskNode node(String id) {
        return new TaskNode(TaskId.parse(id), Map.of());
    }

    static TaskOutcome outcome(String id, TaskStatus status, int exit) {
        return new TaskOutcome(TaskId.parse(id), status, exit, "", Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    @Nested
    class Fancy {
        final StringWriter text = new StringWriter();
        final AtomicLong clock = new AtomicLong(0);
        final FancyProgress display = new FancyProgress(new PrintWriter(text), clock::get, 80, 3, 100 * MS);

        @Test
        void showsRunningTasksWithTheirTimeDoneOverTotalCacheHitsAndAnEta() {
            display.onEvent(new BuildEvent.BuildStarted(10, 2));
            display.onEvent(new BuildEvent.TaskStarted(0, node("lib:do_fetch")));
            clock.set(2_000 * MS);
            display.onEvent(new BuildEvent.TaskFinished(0, outcome("lib:do_fetch", TaskStatus.EXECUTED, 0)));
            display.onEvent(new BuildEvent.TaskStarted(1, node("lib:do_unpack")));
            display.onEvent(new BuildEvent.TaskCacheHit(1, node("lib:do_unpack"), "h"));
            display.onEvent(new BuildEvent.TaskFinished(1, outcome("lib:do_unpack", TaskStatus.CACHED, 0)));
            display.onEvent(new BuildEvent.TaskStarted(2, node("app:do_compile")));
            clock.set(5_500 * MS);
            List<String> frame = display.frame(clock.get());
            // 2 of 10 done, mean 1 s per task (2 s + 0 s), 8 remaining over 2 workers: 4 s.
            assertThat(frame.get(0)).isEqualTo(
                    "Currently 1 running task (2 of 10, 1 cached)  20% |##        | ETA 0:04");
            assertThat(frame.subList(1, frame.size())).containsExactly("0: app:do_compile - 3.5s");
        }

        @Test
        void withoutAFinishedTaskTheEtaIsUnknownAndAtTheEndItIsZero() {
            display.onEvent(new BuildEvent.BuildStarted(1, 1));
            display.onEvent(new BuildEvent.TaskStarted(0, node("a:do_a")));
            assertThat(display.frame(clock.get()).get(0)).endsWith("ETA --:--");
            display.onEvent(new BuildEvent.TaskFinished(0, outcome("a:do_a", TaskStatus.EXECUTED, 0)));
            assertThat(display.frame(clock.get()).get(0)).contains("(1 of 1,", "100% |##########|")
                    .endsWith("ETA 0:00");
        }

        @Test
        void listsAtMostTheLimitOfRunningTasksAndCountsTheRest() {
            display.onEvent(new BuildEvent.BuildStarted(5, 5));
            for (int i = 0; i < 5; i++) {
                display.onEvent(new BuildEvent.TaskStarted(i, node("r" + i + ":do_x")));
            }
            assertThat(display.frame(clock.get())).containsExactly(display.frame(clock.get()).get(0),
                    "0: r0:do_x - 0.0s", "1: r1:do_x - 0.0s", "... and 3 more");
        }

        @Test
        void cutsLinesToTheTerminalWidthSoTheRedrawArithmeticHolds() {
            display.onEvent(new BuildEvent.BuildStarted(1, 1));
            display.onEvent(new BuildEvent.TaskStarted(0, node("r".repeat(200) + ":do_compile")));
            assertThat(display.frame(clock.get())).allSatisfy(line -> assertThat(line.length()).isLessThan(80));
        }

        @Test
        void redrawsInPlaceAtMostOncePerIntervalHidingTheCursorUntilClosed() {
            display.onEvent(new BuildEvent.BuildStarted(2, 1));
            display.tick();
            String first = text.toString();
            assertThat(first).startsWith(FancyProgress.HIDE_CURSOR).contains("Currently 0 running tasks (0 of 2");
            clock.set(50 * MS);
            display.onEvent(new BuildEvent.TaskStarted(0, node("a:do_a")));
            display.tick();
            assertThat(text.toString()).as("no second draw within 100 ms").isEqualTo(first);
            clock.set(150 * MS);
            display.tick();
            String second = text.toString().substring(first.length());
            // Back up over the one-line frame, clear to the end of the screen, draw two lines.
            assertThat(second).startsWith("\r\033[1A" + FancyProgress.CLEAR_TO_END)
                    .contains("Currently 1 running task (0 of 2", "0: a:do_a - 0.1s");
            display.close();
            String last = text.toString().substring(first.length() + second.length());
            assertThat(last).isEqualTo("\r\033[2A" + FancyProgress.CLEAR_TO_END + FancyProgress.SHOW_CURSOR);
            display.close();
            display.tick();
            assertThat(text.toString()).as("closing twice and ticking after close write nothing")
                    .endsWith(last).hasSize(first.length() + second.length() + last.length());
        }

        @Test
        void aFailedTaskAndMessagesStayAboveTheFrame() {
            display.start();
            try {
                display.onEvent(new BuildEvent.BuildStarted(2, 1));
                display.onEvent(new BuildEvent.TaskStarted(0, node("a:do_a")));
                display.onEvent(new BuildEvent.TaskFailed(0, outcome("a:do_a", TaskStatus.FAILED, 3)));
                display.message("NOTE: Interrupted: cancelling the running tasks");
            } finally {
                display.close();
            }
            String all = text.toString();
            assertThat(all).contains("ERROR: Task (a:do_a) failed with exit code '3'\n",
                    "NOTE: Interrupted: cancelling the running tasks\n").endsWith(FancyProgress.SHOW_CURSOR);
            // After the message comes the frame, and closing backs up over exactly the frame's lines: the messages stay.
            String after = all.substring(all.lastIndexOf("cancelling the running tasks\n") + 29);
            String closing = all.substring(all.lastIndexOf('\r'));
            long frameLines = after.substring(0, after.length() - closing.length()).chars().filter(c -> c == '\n')
                    .count();
            assertThat(frameLines).isPositive();
            assertThat(closing).isEqualTo("\r\033[" + frameLines + "A" + FancyProgress.CLEAR_TO_END
                    + FancyProgress.SHOW_CURSOR);
        }

        @Test
        void badSizesAreRefusedWithTheValue() {
            assertThatThrownBy(() -> new FancyProgress(new PrintWriter(text), clock::get, 5, 3, 0))
                    .hasMessageContaining("width must be >= 20, was 5");
            assertThatThrownBy(() -> new FancyProgress(new PrintWriter(text), clock::get, 80, 0, 0))
                    .hasMessageContaining("maxTaskLines must be >= 1, was 0");
        }

        @Test
        void durationsReadLikeBitbakes() {
            assertThat(FancyProgress.duration(3_240 * MS)).isEqualTo("3.2s");
            assertThat(FancyProgress.duration(42_000 * MS)).isEqualTo("42s");
            assertThat(FancyProgress.duration(62_000 * MS)).isEqualTo("1m02s");
            assertThat(FancyProgress.duration(3_720_000 * MS)).isEqualTo("1h02m");
            assertThat(FancyProgress.terminalWidth(Map.of("COLUMNS", "132"))).isEqualTo(132);
            assertThat(FancyProgress.terminalWidth(Map.of("COLUMNS", "wide"))).isEqualTo(80);
        }
    }

    @Nested
    class Plain {
        @Test
        void printsBitbakesNoteLinesForStartsAndCacheHits() {
            StringWriter text = new StringWriter();
            PlainProgress display = new PlainProgress(new PrintWriter(text));
            display.onEvent(new BuildEvent.BuildStarted(47, 2));
            display.onEvent(new BuildEvent.TaskStarted(0, node("hello-lib:do_fetch")));
            display.onEvent(new BuildEvent.TaskCacheHit(0, node("hello-lib:do_fetch"), "abc"));
            display.onEvent(new BuildEvent.TaskStarted(1, node("hello-lib:do_compile")));
            display.message("NOTE: Interrupted");
            display.close();
            assertThat(text.toString().lines()).containsExactly(
                    "NOTE: Running task 1 of 47 (hello-lib:do_fetch)",
                    "NOTE: hello-lib:do_fetch: cached (abc)",
                    "NOTE: Running task 2 of 47 (hello-lib:do_compile)",
                    "NOTE: Interrupted");
            assertThat(text.toString()).doesNotContain("\033");
        }
    }

    @Nested
    class Mode {
        @Test
        void autoIsFancyOnlyOnAnInteractiveTerminalOutsideCi() {
            Map<String, String> terminal = Map.of("TERM", "xterm-256color");
            assertThat(ProgressMode.AUTO.resolve(true, terminal)).isEqualTo(ProgressMode.FANCY);
            assertThat(ProgressMode.AUTO.resolve(false, terminal)).isEqualTo(ProgressMode.PLAIN);
            assertThat(ProgressMode.AUTO.resolve(true, Map.of("TERM", "dumb"))).isEqualTo(ProgressMode.PLAIN);
            assertThat(ProgressMode.AUTO.resolve(true, Map.of())).isEqualTo(ProgressMode.PLAIN);
            assertThat(ProgressMode.AUTO.resolve(true, Map.of("TERM", "xterm", "CI", "true")))
                    .isEqualTo(ProgressMode.PLAIN);
            assertThat(ProgressMode.AUTO.resolve(true, Map.of("TERM", "xterm", "GITHUB_ACTIONS", "true")))
                    .isEqualTo(ProgressMode.PLAIN);
            assertThat(ProgressMode.AUTO.resolve(true, Map.of("TERM", "xterm", "CI", "false")))
                    .isEqualTo(ProgressMode.FANCY);
        }

        @Test
        void explicitModesWinAndBadValuesAreNamed() {
            assertThat(ProgressMode.parse("Fancy").resolve(false, Map.of())).isEqualTo(ProgressMode.FANCY);
            assertThat(ProgressMode.parse("plain").resolve(true, Map.of("TERM", "xterm")))
                    .isEqualTo(ProgressMode.PLAIN);
            assertThatThrownBy(() -> ProgressMode.parse("loud"))
                    .hasMessage("--progress must be auto, fancy or plain, was 'loud'");
        }
    }
}
