package dev.bitzel.cas.internal;

import dev.bitzel.cas.ActionCache;
import dev.bitzel.cas.ActionResult;
import dev.bitzel.cas.BlobNotFoundException;
import dev.bitzel.cas.Digest;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Action cache entries as files under {@code ac/}, written with the same atomic protocol as blobs. */
final class DiskActionCache implements ActionCache {

    private final DiskContentStore store;

    DiskActionCache(DiskContentStore store) {
        this.store = store;
    }

    @Override
    public Optional<ActionResult> get(Digest actionKey) throws IOException {
        Objects.requireNonNull(actionKey, "actionKey");
        Path p = store.layout.action(actionKey);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        ActionResult result;
        try {
            result = ActionResultCodec.decode(bytes, store.layout.relative(p));
        } catch (ActionResultCodec.CorruptEntryException e) {
            String moved = store.quarantineForCache(p, e.getMessage());
            DiskContentStore.LOG.log(Level.WARNING, () -> e.getMessage() + "; treated as a miss, quarantined as "
                    + moved);
            return Optional.empty();
        }
        Digest missing = firstMissing(result);
        if (missing != null) {
            DiskContentStore.LOG.log(Level.DEBUG, () -> "action " + actionKey + " is a miss: blob " + missing
                    + " is gone");
            return Optional.empty();
        }
        store.touch(p);
        return Optional.of(result);
    }

    @Override
    public void put(Digest actionKey, ActionResult result) throws IOException {
        Objects.requireNonNull(actionKey, "actionKey");
        Objects.requireNonNull(result, "result");
        Digest missing = firstMissing(result);
        if (missing != null) {
            throw new BlobNotFoundException(missing);
        }
        byte[] bytes = ActionResultCodec.encode(result);
        Path tmp = store.session.newTemp();
        try {
            AtomicFiles.write(tmp, bytes, store.options.fsync());
            AtomicFiles.commit(tmp, store.layout.action(actionKey), false, store.options.fsync());
        } finally {
            Files.deleteIfExists(tmp);
        }
        store.wrote(bytes.length);
    }

    /** Returns a referenced blob that is absent (recording an access on present ones), or null. */
    private Digest firstMissing(ActionResult r) throws IOException {
        List<Digest> digests = new ArrayList<>();
        for (ActionResult.OutputFile f : r.outputFiles()) {
            digests.add(f.digest());
        }
        digests.add(r.stdoutDigest());
        digests.add(r.stderrDigest());
        for (ActionResult.OutputDirectory d : r.outputDirectories()) {
            if (!store.contains(d.rootDigest())) {
                return d.rootDigest();
            }
            try {
                digests.addAll(store.treeDigests(d.rootDigest()));
            } catch (BlobNotFoundException e) {
                return e.digest();
            } catch (dev.bitzel.cas.InvalidTreeException e) {
                DiskContentStore.LOG.log(Level.WARNING, () -> "output tree " + d.rootDigest() + " is invalid: "
                        + e.getMessage());
                return d.rootDigest();
            }
        }
        Set<Digest> missing = store.findMissing(digests);
        return missing.isEmpty() ? null : missing.iterator().next();
    }
}
