package dev.bitzel.parser.internal.eval;

import dev.bitzel.parser.syntax.Dialect;
import dev.bitzel.parser.syntax.Syntax;
import dev.bitzel.parser.syntax.SyntaxTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Syntax trees by absolute path, read once per parse run, as BitBake caches the statements of classes and
 * includes. Thread-safe: recipes are parsed in parallel and share their classes' trees.
 */
public final class TreeCache {
    private record Key(Path file, Dialect dialect) {
    }

    private final ConcurrentHashMap<Key, SyntaxTree> trees = new ConcurrentHashMap<>();

    /**
     * Returns the tree of {@code file} in {@code dialect}, reading it on first use.
     *
     * @throws IOException if the file cannot be read (a missing file throws
     *     {@link java.nio.file.NoSuchFileException})
     */
    public SyntaxTree get(Path file, Dialect dialect) throws IOException {
        try {
            return trees.computeIfAbsent(new Key(file, dialect), key -> {
                try {
                    return Syntax.parse(key.file(), key.dialect());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** How many trees are cached. */
    public int size() {
        return trees.size();
    }
}
