package dev.bitzel.kas;

import java.util.Objects;
import java.util.Set;

/**
 * How the repositories of a kas project are brought up to date, shared by every command that checks out.
 *
 * @param update fetch branch-tracking repos even when the wanted ref is already present ({@code --update})
 * @param forceCheckout discard local modifications of tracked files ({@code --force-checkout})
 * @param keepConfig leave checkouts and the generated configuration alone ({@code -k}: skips setup_dir,
 *     finish_setup_repos, repos_checkout, repos_apply_patches and write_bbconfig)
 * @param skip kas step names to skip ({@code --skip}), e.g. {@code repos_apply_patches}, {@code write_bbconfig}
 */
public record KasCheckoutOptions(boolean update, boolean forceCheckout, boolean keepConfig, Set<String> skip) {
    /** Steps {@code --skip} accepts. */
    public static final Set<String> STEPS = Set.of("setup_dir", "setup_home", "make_non_interactive",
            "init_setup_repos", "repo_setup_loop", "finish_setup_repos", "repos_checkout", "repos_apply_patches",
            "setup_environ", "write_bbconfig", "setup_ssh_agent");

    /** Validates and copies. */
    public KasCheckoutOptions {
        skip = Set.copyOf(Objects.requireNonNull(skip, "skip"));
        for (String s : skip) {
            if (!STEPS.contains(s)) {
                throw new IllegalArgumentException("unknown step '" + s + "' (allowed: "
                        + String.join(", ", STEPS.stream().sorted().toList()) + ")");
            }
        }
    }

    /** The defaults: no update, no force, regenerate the configuration, skip nothing. */
    public static KasCheckoutOptions defaults() {
        return new KasCheckoutOptions(false, false, false, Set.of());
    }
}
