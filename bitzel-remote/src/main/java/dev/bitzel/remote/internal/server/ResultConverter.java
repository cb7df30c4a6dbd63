package dev.bitzel.remote.internal.server;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.bitzel.cas.BlobNotFoundException;
import dev.bitzel.cas.ContentStore;
import dev.bitzel.cas.Digest;
import dev.bitzel.remote.internal.Protos;
import dev.bitzel.remote.internal.proto.reapi.ActionResult;
import dev.bitzel.remote.internal.proto.reapi.Directory;
import dev.bitzel.remote.internal.proto.reapi.ExecutedActionMetadata;
import dev.bitzel.remote.internal.proto.reapi.OutputDirectory;
import dev.bitzel.remote.internal.proto.reapi.OutputFile;
import dev.bitzel.remote.internal.proto.reapi.OutputSymlink;
import dev.bitzel.remote.internal.proto.reapi.Tree;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps REAPI action results onto bitzel-cas's {@link dev.bitzel.cas.ActionResult} and back. An output directory
 * arrives as a {@code Tree} blob; its directories are stored one by one so the cas entry can name the root
 * {@code Directory} and GC keeps the whole tree alive with the entry. On the way out the {@code Tree} is rebuilt and
 * stored. Output symlinks and the worker name travel in the entry's metadata.
 */
public final class ResultConverter {

    private static final String SYMLINK = "reapi.symlink.";
    private static final String WORKER = "reapi.worker";

    private final ContentStore store;

    /** Converts against {@code store}. */
    public ResultConverter(ContentStore store) {
        this.store = store;
    }

    /**
     * Converts a REAPI result for storing, storing inline stdout/stderr and the directories of each output tree.
     *
     * @throws BlobNotFoundException if an output tree blob is absent
     * @throws IllegalArgumentException naming the field when the result is malformed
     */
    public dev.bitzel.cas.ActionResult toCas(ActionResult r) throws IOException {
        List<dev.bitzel.cas.ActionResult.OutputFile> files = new ArrayList<>();
        for (int i = 0; i < r.getOutputFilesCount(); i++) {
            OutputFile f = r.getOutputFiles(i);
            Digest d = f.hasDigest() ? Protos.fromProto(f.getDigest(), "output_files[" + i + "].digest")
                    : store.put(f.getContents().toByteArray());
            files.add(new dev.bitzel.cas.ActionResult.OutputFile(f.getPath(), d, f.getIsExecutable()));
        }
        List<dev.bitzel.cas.ActionResult.OutputDirectory> dirs = new ArrayList<>();
        for (int i = 0; i < r.getOutputDirectoriesCount(); i++) {
            OutputDirectory od = r.getOutputDirectories(i);
            Digest treeDigest = Protos.fromProto(od.getTreeDigest(), "output_directories[" + i + "].tree_digest");
            Tree tree;
            try {
                tree = Tree.parseFrom(store.get(treeDigest));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalArgumentException("output_directories[" + i + "].tree_digest " + treeDigest
                        + " is not a Tree: " + e.getMessage(), e);
            }
            for (Directory child : tree.getChildrenList()) {
                store.put(child.toByteArray());
            }
            Digest root = store.put(tree.getRoot().toByteArray());
            dirs.add(new dev.bitzel.cas.ActionResult.OutputDirectory(od.getPath(), root));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<OutputSymlink> links = new ArrayList<>(r.getOutputSymlinksList());
        links.addAll(r.getOutputFileSymlinksList());
        links.addAll(r.getOutputDirectorySymlinksList());
        for (OutputSymlink l : links) {
            dev.bitzel.cas.ActionResult.checkRelativePath(l.getPath());
            metadata.put(SYMLINK + l.getPath(), l.getTarget());
        }
        if (!r.getExecutionMetadata().getWorker().isEmpty()) {
            metadata.put(WORKER, r.getExecutionMetadata().getWorker());
        }
        Digest stdout = r.hasStdoutDigest() ? Protos.fromProto(r.getStdoutDigest(), "stdout_digest")
                : store.put(r.getStdoutRaw().toByteArray());
        Digest stderr = r.hasStderrDigest() ? Protos.fromProto(r.getStderrDigest(), "stderr_digest")
                : store.put(r.getStderrRaw().toByteArray());
        return new dev.bitzel.cas.ActionResult(r.getExitCode(), files, dirs, stdout, stderr, metadata);
    }

    /**
     * Converts a stored result to REAPI's form, storing each output directory's {@code Tree}.
     *
     * @param inlineStdout whether to inline stdout
     * @param inlineStderr whether to inline stderr
     * @throws BlobNotFoundException if a directory of an output tree has gone
     */
    public ActionResult toReapi(dev.bitzel.cas.ActionResult r, boolean inlineStdout, boolean inlineStderr,
            long inlineLimit) throws IOException {
        ActionResult.Builder b = ActionResult.newBuilder().setExitCode(r.exitCode());
        for (dev.bitzel.cas.ActionResult.OutputFile f : r.outputFiles()) {
            b.addOutputFiles(OutputFile.newBuilder().setPath(f.path()).setDigest(Protos.toProto(f.digest()))
                    .setIsExecutable(f.executable()));
        }
        for (dev.bitzel.cas.ActionResult.OutputDirectory d : r.outputDirectories()) {
            Tree tree = tree(d.rootDigest());
            Digest treeDigest = store.put(tree.toByteArray());
            b.addOutputDirectories(OutputDirectory.newBuilder().setPath(d.path())
                    .setTreeDigest(Protos.toProto(treeDigest)).setRootDirectoryDigest(Protos.toProto(d.rootDigest())));
        }
        for (Map.Entry<String, String> e : r.metadata().entrySet()) {
            if (e.getKey().startsWith(SYMLINK)) {
                b.addOutputSymlinks(OutputSymlink.newBuilder().setPath(e.getKey().substring(SYMLINK.length()))
                        .setTarget(e.getValue()));
            }
        }
        if (r.metadata().containsKey(WORKER)) {
            b.setExecutionMetadata(ExecutedActionMetadata.newBuilder().setWorker(r.metadata().get(WORKER)));
        }
        b.setStdoutDigest(Protos.toProto(r.stdoutDigest()));
        b.setStderrDigest(Protos.toProto(r.stderrDigest()));
        if (inlineStdout && r.stdoutDigest().sizeBytes() <= inlineLimit) {
            b.setStdoutRaw(ByteString.copyFrom(store.get(r.stdoutDigest())));
        }
        if (inlineStderr && r.stderrDigest().sizeBytes() <= inlineLimit) {
            b.setStderrRaw(ByteString.copyFrom(store.get(r.stderrDigest())));
        }
        return b.build();
    }

    /** Builds the Tree of a stored root directory: the root and every distinct directory below it. */
    public Tree tree(Digest root) throws IOException {
        Directory rootDir = parseDirectory(root);
        Tree.Builder tree = Tree.newBuilder().setRoot(rootDir);
        Set<Digest> seen = new LinkedHashSet<>();
        Deque<Directory> queue = new ArrayDeque<>();
        queue.add(rootDir);
        while (!queue.isEmpty()) {
            for (Digest child : Protos.childDirectories(queue.poll())) {
                if (seen.add(child)) {
                    Directory d = parseDirectory(child);
                    tree.addChildren(d);
                    queue.add(d);
                }
            }
        }
        return tree.build();
    }

    private Directory parseDirectory(Digest d) throws IOException {
        try {
            return Directory.parseFrom(store.get(d));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("blob " + d + " is not a Directory: " + e.getMessage(), e);
        }
    }
}
