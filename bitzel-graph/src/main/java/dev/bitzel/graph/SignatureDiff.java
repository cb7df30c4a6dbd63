package dev.bitzel.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Why a task's signature changed between two records, in the words of {@code bitbake-diffsigs}.
 *
 * <p>Stateless and thread-safe.
 */
public final class SignatureDiff {

    private SignatureDiff() {
    }

    /**
     * The reasons {@code after} differs from {@code before}, one sentence each; empty when the signatures are
     * equal.
     */
    public static List<String> explain(SignatureRecord before, SignatureRecord after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        List<String> reasons = new ArrayList<>();
        if (before.signature().equals(after.signature())) {
            return reasons;
        }
        compare("Variable", before.variables(), after.variables(), reasons, true);
        compare("Dependency on task", before.dependencies(), after.dependencies(), reasons, false);
        compare("Checksum for file", before.fileChecksums(), after.fileChecksums(), reasons, false);
        if (!before.taint().equals(after.taint())) {
            reasons.add(after.taint().isEmpty() ? "The task's taint was removed"
                    : "The task was forced to run (taint " + after.taint() + ")");
        }
        if (reasons.isEmpty()) {
            reasons.add("The signature changed from " + before.signature() + " to " + after.signature()
                    + " but every recorded input is equal (the signature scheme changed)");
        }
        return reasons;
    }

    private static void compare(String what, Map<String, String> before, Map<String, String> after,
            List<String> reasons, boolean showValues) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            String a = before.get(key);
            String b = after.get(key);
            if (a == null) {
                reasons.add(what + " " + key + " was added" + (showValues ? " with value '" + b + "'" : ""));
            } else if (b == null) {
                reasons.add(what + " " + key + " was removed" + (showValues ? " (value was '" + a + "')" : ""));
            } else if (!a.equals(b)) {
                if (showValues) {
                    reasons.add(what + " " + key + " value changed from '" + a + "' to '" + b + "'");
                } else {
                    reasons.add(what + " " + key + " changed from " + a + " to " + b);
                }
            }
        }
    }
}
