package dev.bitzel.examples.cli;

import picocli.CommandLine.Option;

/** The parse options the commands that start from parsed metadata share ({@code graph}, {@code query}, {@code build}). */
final class ParseOptions {

    @Option(names = "--no-cache", description = "Neither read nor write the parse cache.")
    boolean noCache;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Parse threads (default: one per core).")
    int jobs = Runtime.getRuntime().availableProcessors();
}
