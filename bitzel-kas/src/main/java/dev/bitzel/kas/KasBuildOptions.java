package dev.bitzel.kas;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code kas build} runs.
 *
 * @param targets bitbake targets overriding {@code KAS_TARGET} and the configuration (empty: none given)
 * @param task the task overriding {@code KAS_TASK} and the configuration, or null
 * @param extraArgs arguments passed to bitbake before the targets
 * @param checkout how repositories are checked out first
 * @param provenance null (none), {@code true} or {@code mode=min} (minimal), or {@code mode=max} (with the
 *     environment): writes {@code <build>/attestation/kas-build.provenance.json} after a successful build
 */
public record KasBuildOptions(List<String> targets, String task, List<String> extraArgs,
        KasCheckoutOptions checkout, String provenance) {
    private static final Set<String> PROVENANCE = Set.of("true", "mode=min", "mode=max");

    /** Copies the lists and checks the provenance mode. */
    public KasBuildOptions {
        targets = List.copyOf(targets);
        extraArgs = List.copyOf(extraArgs);
        Objects.requireNonNull(checkout, "checkout");
        if (provenance != null && !PROVENANCE.contains(provenance)) {
            throw new IllegalArgumentException("provenance must be one of true, mode=min, mode=max; was '"
                    + provenance + "'");
        }
    }

    /** Without provenance. */
    public KasBuildOptions(List<String> targets, String task, List<String> extraArgs, KasCheckoutOptions checkout) {
        this(targets, task, extraArgs, checkout, null);
    }
}
