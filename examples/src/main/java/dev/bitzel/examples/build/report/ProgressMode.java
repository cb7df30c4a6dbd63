package dev.bitzel.examples.build.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** How {@code bitzel build} shows progress: {@code --progress=auto|fancy|plain}. */
public enum ProgressMode {
    /** Fancy on an interactive terminal, plain otherwise (see {@link #resolve}). */
    AUTO,
    /** Redrawn in place with ANSI escapes: running tasks with their time, done/total, cache hits, ETA. */
    FANCY,
    /** BitBake's lines, one per task start and cache hit, for logs and CI. */
    PLAIN;

    /** Environment variables CI systems set; when one is set, {@link #AUTO} means {@link #PLAIN}. */
    static final List<String> CI_VARIABLES = List.of("CI", "BUILD_NUMBER", "GITHUB_ACTIONS", "GITLAB_CI",
            "JENKINS_URL", "BUILDKITE", "TEAMCITY_VERSION", "TF_BUILD");

    /**
     * Parses an option value, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the choices
     */
    public static ProgressMode parse(String text) {
        Objects.requireNonNull(text, "text");
        for (ProgressMode m : values()) {
            if (m.name().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("--progress must be auto, fancy or plain, was '" + text + "'");
    }

    /**
     * Decides {@link #AUTO}: fancy only with a console, a {@code TERM} other than {@code dumb}, and none of the CI
     * variables set.
     *
     * @param console whether the JVM has a console ({@code System.console() != null})
     * @param env the environment
     * @return {@link #FANCY} or {@link #PLAIN}; this mode itself unless it is {@link #AUTO}
     */
    public ProgressMode resolve(boolean console, Map<String, String> env) {
        if (this != AUTO) {
            return this;
        }
        String term = env.get("TERM");
        if (!console || term == null || term.isBlank() || term.toLowerCase(Locale.ROOT).equals("dumb")) {
            return PLAIN;
        }
        for (String ci : CI_VARIABLES) {
            String v = env.get(ci);
            if (v != null && !v.isEmpty() && !v.equalsIgnoreCase("false")) {
                return PLAIN;
            }
        }
        return FANCY;
    }
}
