package dev.bitzel.examples.build.report;

import dev.bitzel.graph.scheduler.TaskStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a build as an SVG chart ({@code --chart FILE.svg}) in the manner of BitBake's buildstats bootchart: one row
 * per worker lane, time to the right, one rectangle per task that a worker took, labelled when it is wide enough
 * and with a tooltip ({@code <title>}) always. Tasks that ran are coloured by task type ({@code do_compile},
 * {@code do_install}, ...), the others by status (cached grey, noexec pale, failed red, cancelled orange).
 *
 * <p>Each task's rectangle has the classes {@code task} and its status in lower case ({@code executed},
 * {@code cached}, ...), so scripts can pick them out.
 */
public final class BuildChart {
    static final int LEFT = 80;
    static final int PLOT_WIDTH = 1100;
    static final int TOP = 40;
    static final int ROW = 22;
    static final int AXIS = 30;
    static final int LEGEND_ROW = 18;

    /** Fill colours of the usual task types (tasks that ran). */
    private static final Map<String, String> TYPE_COLOURS = Map.ofEntries(
            Map.entry("do_fetch", "#1f77b4"), Map.entry("do_unpack", "#aec7e8"), Map.entry("do_patch", "#17becf"),
            Map.entry("do_configure", "#2ca02c"), Map.entry("do_compile", "#98df8a"),
            Map.entry("do_install", "#9467bd"), Map.entry("do_populate_sysroot", "#c5b0d5"),
            Map.entry("do_package", "#8c564b"), Map.entry("do_packagedata", "#c49c94"),
            Map.entry("do_package_write_ipk", "#e377c2"), Map.entry("do_package_write_rpm", "#e377c2"),
            Map.entry("do_package_write_deb", "#e377c2"), Map.entry("do_rootfs", "#bcbd22"),
            Map.entry("do_image", "#dbdb8d"), Map.entry("do_image_complete", "#dbdb8d"),
            Map.entry("do_deploy", "#ffbb78"), Map.entry("do_build", "#7f7f7f"));
    private static final String[] OTHER_COLOURS = {"#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173",
        "#3182bd", "#31a354", "#756bb1", "#636363", "#e6550d"};

    private BuildChart() {
    }

    /**
     * Writes the chart to a file.
     *
     * @param file the file to write (replaced)
     * @param title the chart's title, e.g. the command line
     * @param spans the tasks' spans
     * @param workers the build's worker count (rows drawn even when idle)
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, String title, List<TaskSpan> spans, int workers) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, svg(title, spans, workers), StandardCharsets.UTF_8);
    }

    /** Returns the chart as SVG text. */
    public static String svg(String title, List<TaskSpan> spans, int workers) {
        int lanes = Math.max(1, workers);
        long origin = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (TaskSpan s : spans) {
            lanes = Math.max(lanes, s.lane() + 1);
            origin = Math.min(origin, s.startNanos());
            last = Math.max(last, s.endNanos());
        }
        if (spans.isEmpty()) {
            origin = 0;
            last = 0;
        }
        long total = Math.max(last - origin, 1_000_000L);
        double seconds = total / 1e9;
        double step = tickStep(seconds);
        int ticks = Math.max(1, (int) Math.ceil(seconds / step - 1e-9));
        double scale = PLOT_WIDTH / (ticks * step * 1e9);
        Map<String, String> legend = new LinkedHashMap<>();
        for (TaskSpan s : spans) {
            legend.putIfAbsent(legendKey(s), fill(s));
        }
        int plotBottom = TOP + lanes * ROW;
        int legendTop = plotBottom + AXIS + 10;
        int legendRows = (legend.size() + 5) / 6;
        int height = legendTop + legendRows * LEGEND_ROW + 10;
        int width = LEFT + PLOT_WIDTH + 20;

        StringBuilder out = new StringBuilder(4096 + spans.size() * 200);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"10\">%n", width, height, width, height));
        out.append("<title>").append(escape(title)).append("</title>\n");
        out.append("<rect class=\"background\" x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" fill=\"#ffffff\"/>\n");
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\">%s</text>%n", LEFT,
                escape(title + String.format(Locale.ROOT, " — %d tasks, %.2f s", spans.size(), seconds))));
        for (int lane = 0; lane < lanes; lane++) {
            int y = TOP + lane * ROW;
            out.append(String.format(Locale.ROOT, "<rect class=\"lane\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
                    + "fill=\"%s\"/>%n", LEFT, y, PLOT_WIDTH, ROW, lane % 2 == 0 ? "#f4f4f4" : "#fafafa"));
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">worker %d</text>%n",
                    LEFT - 6, y + ROW / 2 + 4, lane));
        }
        for (int i = 0; i <= ticks; i++) {
            double x = LEFT + i * step * 1e9 * scale;
            out.append(String.format(Locale.ROOT, "<line class=\"tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                    + "stroke=\"#cccccc\"/>%n", x, TOP, x, plotBottom + 4));
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x,
                    plotBottom + 16, tickLabel(i * step, step)));
        }
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">time</text>%n",
                LEFT + PLOT_WIDTH, plotBottom + AXIS));
        for (TaskSpan s : spans) {
            double x = LEFT + (s.startNanos() - origin) * scale;
            double w = Math.max(0.5, s.durationNanos() * scale);
            int y = TOP + s.lane() * ROW + 2;
            String status = s.status().name().toLowerCase(Locale.ROOT).replace('_', '-');
            out.append(String.format(Locale.ROOT, "<rect class=\"task %s\" x=\"%.2f\" y=\"%d\" width=\"%.2f\" "
                    + "height=\"%d\" fill=\"%s\" stroke=\"#555555\" stroke-width=\"0.3\"><title>%s</title></rect>%n",
                    status, x, y, w, ROW - 4, fill(s), escape(String.format(Locale.ROOT, "%s (%s) %.3f s",
                            s.task(), status, s.durationNanos() / 1e9))));
            String label = s.task().toString();
            if (w > label.length() * 5.6 + 4) {
                out.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%.2f\" y=\"%d\">%s</text>%n",
                        x + 2, y + ROW / 2 + 2, escape(label)));
            }
        }
        int i = 0;
        for (Map.Entry<String, String> e : legend.entrySet()) {
            int x = LEFT + (i % 6) * (PLOT_WIDTH / 6);
            int y = legendTop + (i / 6) * LEGEND_ROW;
            out.append(String.format(Locale.ROOT, "<rect class=\"legend\" x=\"%d\" y=\"%d\" width=\"12\" "
                    + "height=\"12\" fill=\"%s\"/>%n", x, y, e.getValue()));
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x + 16, y + 10,
                    escape(e.getKey())));
            i++;
        }
        out.append("</svg>\n");
        return out.toString();
    }

    private static String legendKey(TaskSpan s) {
        return s.status() == TaskStatus.EXECUTED ? s.task().task() : s.status().name().toLowerCase(Locale.ROOT);
    }

    private static String fill(TaskSpan s) {
        return switch (s.status()) {
            case EXECUTED -> typeColour(s.task().task());
            case CACHED -> "#c7c7c7";
            case NOEXEC -> "#ececec";
            case FAILED -> "#d62728";
            case CANCELLED -> "#ff7f0e";
            case SKIPPED, NOT_STARTED -> "#ffffff";
        };
    }

    static String typeColour(String task) {
        String c = TYPE_COLOURS.get(task);
        return c != null ? c : OTHER_COLOURS[Math.floorMod(task.hashCode(), OTHER_COLOURS.length)];
    }

    /** A tick step of 1, 2 or 5 times a power of ten seconds giving at most ten intervals. */
    static double tickStep(double seconds) {
        double raw = seconds / 10;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static String tickLabel(double value, double step) {
        if (step >= 60 && value >= 60) {
            long s = Math.round(value);
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step));
        return String.format(Locale.ROOT, "%." + decimals + "fs", value);
    }

    /** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        if (Character.isSurrogate(c)) {
                            if (Character.isHighSurrogate(c) && i + 1 < text.length()
                                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                                b.append(c).append(text.charAt(++i));
                            } else {
                                b.append('\uFFFD');
                            }
                        } else if (c == 0xFFFE || c == 0xFFFF) {
                            b.append('\uFFFD');
                        } else {
                            b.append(c);
                        }
                    } else {
                        b.append('\uFFFD');
                    }
                }
            }
        }
        return b.toString();
    }
}
