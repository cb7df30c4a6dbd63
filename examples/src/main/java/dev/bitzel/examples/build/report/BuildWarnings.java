package dev.bitzel.examples.build.report;

import dev.bitzel.graph.scheduler.BuildEvent;

/** The warning lines both progress displays print for the action cache's failures, which do not fail a build. */
final class BuildWarnings {
    private BuildWarnings() {
    }

    static String lookupFailed(BuildEvent.CacheLookupFailed f) {
        return "WARNING: " + f.task().id() + ": the cache could not be asked, running the task: " + describe(f.error());
    }

    static String storeFailed(BuildEvent.CacheStoreFailed f) {
        return "WARNING: " + f.task().id() + ": its result could not be stored in the cache: " + describe(f.error());
    }

    private static String describe(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
