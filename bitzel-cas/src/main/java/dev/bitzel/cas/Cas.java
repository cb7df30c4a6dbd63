package dev.bitzel.cas;

import dev.bitzel.cas.internal.DiskContentStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Opens local content-addressed stores. The entry point of this module.
 *
 * <pre>{@code
 * try (ContentStore cas = Cas.open(Path.of(System.getProperty("user.home"), ".cache/bitzel"),
 *         CasOptions.builder().quotaBytes(50L << 30).build())) {
 *     Digest d = cas.put("hello".getBytes(StandardCharsets.UTF_8));
 *     cas.materialize(d, Path.of("out/hello.txt"), false);
 *     cas.actionCache().put(taskKey, ActionResult.of(0, List.of(new ActionResult.OutputFile("hello.txt", d, false))));
 * }
 * }</pre>
 *
 * <p>Thread-safe; static methods only.
 */
public final class Cas {

    private Cas() {
    }

    /**
     * Opens (creating if needed) the store in {@code dir} with {@link CasOptions#defaults()}.
     *
     * @param dir the store's directory, not null
     * @return the store; never null
     * @throws IOException if the directory cannot be created or is not a store of this format
     */
    public static ContentStore open(Path dir) throws IOException {
        return open(dir, CasOptions.defaults());
    }

    /**
     * Opens (creating if needed) the store in {@code dir}. Opening is fast whatever the store holds: it reads no
     * index, only removes what crashed writers left behind (logging how much through {@link System.Logger}).
     * Several processes may open the same directory at once.
     *
     * @param dir the store's directory, not null
     * @param options how the store behaves, not null
     * @return the store; never null
     * @throws IOException if the directory cannot be created or is not a store of this format
     */
    public static ContentStore open(Path dir, CasOptions options) throws IOException {
        return DiskContentStore.open(Objects.requireNonNull(dir, "dir"), Objects.requireNonNull(options, "options"));
    }
}
