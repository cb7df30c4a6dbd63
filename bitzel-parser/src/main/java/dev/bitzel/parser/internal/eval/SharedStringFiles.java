package dev.bitzel.parser.internal.eval;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.collect.MapMaker;
import dev.bitzel.parser.data.SharedStrings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The long strings of the parse cache's datastore deltas, one file per content ({@code strings/XX/SHA-256}): the
 * function bodies of the classes nearly every recipe inherits are written once, not once per recipe variant.
 *
 * <p>A string's SHA-256 is computed once per string object in this process (the class bodies every recipe holds
 * are the same objects, taken from the class's parsed tree), and its file is written, atomically, when it is missing
 * or damaged.
 * A file that is missing or damaged when read is an {@link IOException} naming it (the entry that refers to it is
 * then parsed again), and a damaged one is removed so that the next parse writes it again. Thread-safe.
 */
final class SharedStringFiles implements SharedStrings {
    private static final int MAGIC = 0x425a5353; // "BZSS"
    private static final int FORMAT = 1;

    private final Path dir;
    /** References of the strings put or read in this process, by identity (the keys are weak). */
    private final ConcurrentMap<String, Reference> references = new MapMaker().weakKeys().makeMap();
    /** The files known to be in place, by hexadecimal reference. */
    private final Set<String> present = ConcurrentHashMap.newKeySet();
    /** The strings read, by hexadecimal reference; given back to the heap when it runs short. */
    private final Cache<String, String> read = CacheBuilder.newBuilder().softValues().build();

    private record Reference(byte[] bytes, String hex) {
    }

    SharedStringFiles(Path dir) {
        this.dir = dir;
    }

    @Override
    public byte[] put(String s) throws IOException {
        Reference known = references.get(s);
        if (known != null && present.contains(known.hex())) {
            return known.bytes();
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        byte[] reference = ParseCache.sha256().digest(bytes);
        String hex = HexFormat.of().formatHex(reference);
        if (present.add(hex)) {
            try {
                Path path = path(hex);
                if (!intact(path)) {
                    FramedFile.write(path, MAGIC, FORMAT, bytes);
                }
            } catch (IOException | RuntimeException e) {
                present.remove(hex);
                throw e;
            }
        }
        references.put(s, new Reference(reference, hex));
        return reference;
    }

    @Override
    public String get(byte[] reference) throws IOException {
        String hex = HexFormat.of().formatHex(reference);
        String s = read.getIfPresent(hex);
        if (s != null) {
            return s;
        }
        Path path = path(hex);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            present.remove(hex);
            throw new IOException("shared string " + path + " is missing", e);
        }
        try {
            int length = FramedFile.bodyLength(bytes, MAGIC, FORMAT, "a shared string");
            s = new String(bytes, FramedFile.BODY, length, StandardCharsets.UTF_8);
        } catch (IOException e) {
            present.remove(hex);
            Files.deleteIfExists(path);
            throw new IOException("shared string " + path + " is damaged (removed): " + e.getMessage(), e);
        }
        read.put(hex, s);
        references.put(s, new Reference(reference.clone(), hex));
        present.add(hex);
        return s;
    }

    /** Whether a string's file is there and undamaged (checked once per string and process, when first put). */
    private static boolean intact(Path path) {
        try {
            FramedFile.bodyLength(Files.readAllBytes(path), MAGIC, FORMAT, "a shared string");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Path path(String hex) {
        return dir.resolve(hex.substring(0, 2)).resolve(hex);
    }
}
