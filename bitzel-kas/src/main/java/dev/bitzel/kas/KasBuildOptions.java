package dev.bitzel.kas;

import java.util.List;
import java.util.Objects;

/**
 * What {@code kas build} runs.
 *
 * @param targets bitbake targets overriding {@code KAS_TARGET} and the configuration (empty: none given)
 * @param task the task overriding {@code KAS_TASK} and the configuration, or null
 * @param extraArgs arguments passed to bitbake before the targets
 * @param checkout how repositories are checked out first
 */
public record KasBuildOptions(List<String> targets, String task, List<String> extraArgs,
        KasCheckoutOptions checkout) {

    /** Copies the lists. */
    public KasBuildOptions {
        targets = List.copyOf(targets);
        extraArgs = List.copyOf(extraArgs);
        Objects.requireNonNull(checkout, "checkout");
    }
}
