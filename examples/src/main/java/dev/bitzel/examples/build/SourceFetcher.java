package dev.bitzel.examples.build;

import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.ExpansionException;
import dev.bitzel.parser.data.TaskServices.SourceUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * BitBake's fetcher ({@code bb.fetch2}) for the URL types Bitzel supports: {@code file://} (sources in the layers),
 * {@code git://} (a bare mirror clone in {@code DL_DIR/git2}, checked out at the pinned {@code SRCREV}) and
 * {@code http://}/{@code https://} (a file in {@code DL_DIR} verified against its {@code sha256sum}/{@code md5sum}),
 * with {@code PREMIRRORS} tried before the upstream URL and {@code MIRRORS} after it. Directory names, commands and
 * messages follow BitBake 2.8, so a {@code DL_DIR} is shared with BitBake. Other URL types fail naming the type.
 *
 * <p>Network access happens only when the task allows it ({@code [network] = "1"}) and {@code BB_NO_NETWORK} is
 * not set; a {@code git} URL with {@code protocol=file} and a {@code file} mirror are local. Downloads are written
 * to a temporary name and renamed, so an interrupted download leaves nothing that looks complete.
 *
 * <p>Stateless apart from the lazily created HTTP client; thread-safe.
 */
public final class SourceFetcher {
    private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");
    private static final List<String> GIT = List.of("git", "-c", "gc.autoDetach=false", "-c", "core.pager=cat",
            "-c", "safe.bareRepository=all");
    private volatile HttpClient http;

    /** How one task may fetch. */
    public record Policy(boolean network, Consumer<String> log) {
    }

    /**
     * Where a non-{@code file} URL's download lives ({@code FetchData.localpath}).
     *
     * @throws IOException if the URL type is not supported
     */
    public String localPath(SourceUrl url, DataStore d) throws IOException {
        return switch (type(url)) {
            case "git" -> gitCloneDir(url, d).toString();
            case "http", "https" -> downloadPath(url, d).toString();
            default -> throw unsupported(url);
        };
    }

    /**
     * Downloads {@code url} to {@code localPath}, trying the mirrors as BitBake does.
     *
     * @throws IOException naming the URL and each place tried when nothing worked
     */
    public void download(SourceUrl url, String localPath, List<SourceUrl> premirrors, List<SourceUrl> mirrors,
            DataStore d, Policy policy) throws IOException, InterruptedException {
        switch (type(url)) {
            case "file" -> {
                if (!Files.exists(Path.of(localPath))) {
                    throw new IOException("Unable to find file " + url.url() + " anywhere to download to " + localPath
                            + ". The paths that were searched were:\n    "
                            + String.join("\n    ", var(d, "FILESPATH").split(":")));
                }
            }
            case "git" -> downloadGit(url, Path.of(localPath), premirrors, mirrors, d, policy);
            case "http", "https" -> downloadFile(url, Path.of(localPath), premirrors, mirrors, d, policy);
            default -> throw unsupported(url);
        }
    }

    /**
     * Unpacks a downloaded URL under {@code root}: archives extracted, other files copied (with the directories of
     * a {@code file://} path), git clones checked out at their revision.
     *
     * @throws IOException if it cannot be unpacked
     */
    public void unpack(SourceUrl url, String localPath, String root, DataStore d, Policy policy)
            throws IOException, InterruptedException {
        if (type(url).equals("git")) {
            unpackGit(url, Path.of(localPath), Path.of(root), d, policy);
        } else if (List.of("file", "http", "https").contains(type(url))) {
            unpackFile(url, localPath, Path.of(root), d, policy);
        } else {
            throw unsupported(url);
        }
    }

    private static String type(SourceUrl url) {
        return url.scheme().toLowerCase(Locale.ROOT);
    }

    private static IOException unsupported(SourceUrl url) {
        return new IOException("Could not find a fetcher which supports the URL: '" + url.redacted()
                + "' (Bitzel fetches file://, git:// and http(s):// URLs)");
    }

    // --- http(s) ---------------------------------------------------------------------------------------------

    private static Path downloadPath(SourceUrl url, DataStore d) throws IOException {
        String name = url.parameters().get("downloadfilename");
        if (name == null) {
            name = Path.of(url.path()).getFileName() == null ? "" : Path.of(url.path()).getFileName().toString();
        }
        if (name.isEmpty() || name.contains("/") || name.equals("..")) {
            throw new IOException("URL: '" + url.redacted() + "' names no file to download to");
        }
        return Path.of(var(d, "DL_DIR")).resolve(name);
    }

    private void downloadFile(SourceUrl url, Path localPath, List<SourceUrl> premirrors, List<SourceUrl> mirrors,
            DataStore d, Policy policy) throws IOException, InterruptedException {
        Path done = Path.of(localPath + ".done");
        if (Files.exists(localPath) && Files.exists(done)) {
            verifyChecksum(url, localPath, d, policy);
            return;
        }
        Files.createDirectories(localPath.getParent());
        List<String> tried = new ArrayList<>();
        List<SourceUrl> candidates = new ArrayList<>(premirrors);
        candidates.add(url);
        candidates.addAll(mirrors);
        for (SourceUrl candidate : candidates) {
            Path part = localPath.resolveSibling(localPath.getFileName() + ".bitzel-part");
            try {
                switch (type(candidate)) {
                    case "file" -> Files.copy(Path.of(candidate.path()), part, StandardCopyOption.REPLACE_EXISTING);
                    case "http", "https" -> get(candidate, part, d, policy);
                    default -> throw unsupported(candidate);
                }
                Files.move(part, localPath, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.deleteIfExists(part);
                tried.add(candidate.redacted() + ": " + e.getMessage());
                policy.log().accept("NOTE: fetching " + candidate.redacted() + " failed: " + e.getMessage());
                continue;
            }
            try {
                verifyChecksum(url, localPath, d, policy);
            } catch (IOException e) {
                Files.deleteIfExists(localPath);
                throw e;
            }
            Files.writeString(done, "", StandardCharsets.UTF_8);
            return;
        }
        throw new IOException("Unable to fetch URL from any source.\n    " + String.join("\n    ", tried));
    }

    private void get(SourceUrl url, Path target, DataStore d, Policy policy)
            throws IOException, InterruptedException {
        checkNetwork(url, "GET " + url.redacted(), d, policy);
        URI uri;
        try {
            uri = new URI(type(url), url.host(), url.path(), null, null); // host may carry a :port
        } catch (URISyntaxException e) {
            throw new IOException("URL: '" + url.redacted() + "' is not a valid http URL: " + e.getMessage(), e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET();
        if (!url.user().isEmpty()) {
            String credentials = url.user() + ":" + url.password();
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        policy.log().accept("NOTE: fetching " + url.redacted());
        HttpResponse<InputStream> response = client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP status " + response.statusCode());
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                in.transferTo(out);
            }
        }
    }

    private HttpClient client() {
        HttpClient c = http;
        if (c == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                            .connectTimeout(Duration.ofSeconds(30)).build();
                }
                c = http;
            }
        }
        return c;
    }

    /** BitBake's {@code verify_checksum}: sha256sum and md5sum from the URL or {@code SRC_URI[name.X]}. */
    private static void verifyChecksum(SourceUrl url, Path file, DataStore d, Policy policy) throws IOException {
        String name = url.parameters().getOrDefault("name", "default");
        Map<String, String> algorithms = Map.of("sha256sum", "SHA-256", "md5sum", "MD5");
        boolean any = false;
        for (String kind : List.of("sha256sum", "md5sum")) {
            String expected = url.parameters().get(kind);
            if (expected == null) {
                expected = flag(d, "SRC_URI", name.equals("default") ? kind : name + "." + kind);
            }
            if (expected == null || expected.isBlank()) {
                continue;
            }
            any = true;
            String actual = hash(file, algorithms.get(kind));
            if (!actual.equalsIgnoreCase(expected.trim())) {
                throw new IOException("Checksum mismatch!\nFile: '" + file + "' has " + kind + " checksum '" + actual
                        + "' when '" + expected.trim() + "' was expected");
            }
        }
        if (!any) {
            String strict = var(d, "BB_STRICT_CHECKSUM");
            String message = "No checksum specified for '" + file + "', please add at least one to the recipe:\n"
                    + "SRC_URI[" + (name.equals("default") ? "" : name + ".") + "sha256sum] = \""
                    + hash(file, "SHA-256") + "\"";
            if (strict.equals("1")) {
                throw new IOException(message);
            } else if (!strict.equals("ignore")) {
                policy.log().accept("WARNING: " + message);
            }
        }
    }

    private static String hash(Path file, String algorithm) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    // --- git -------------------------------------------------------------------------------------------------

    private static Path gitCloneDir(SourceUrl url, DataStore d) throws IOException {
        String name = (url.host().replace(':', '.') + url.path().replace('/', '.').replace('*', '.')
                .replace(' ', '_').replace('(', '_').replace(')', '_'));
        if (name.startsWith(".")) {
            name = name.substring(1);
        }
        String gitdir = var(d, "GITDIR");
        return (gitdir.isEmpty() ? Path.of(var(d, "DL_DIR"), "git2") : Path.of(gitdir)).resolve(name);
    }

    private static String protocol(SourceUrl url) {
        String p = url.parameters().get("protocol");
        return p != null ? p : url.host().isEmpty() ? "file" : "git";
    }

    private static String repoUrl(SourceUrl url) {
        String user = url.user().isEmpty() ? "" : url.user() + "@";
        return protocol(url) + "://" + user + url.host() + url.path();
    }

    /** The names of a URL's sources ({@code name=a,b}) with their branches and pinned revisions. */
    private record GitSource(String name, String branch, String revision) {
    }

    private List<GitSource> gitSources(SourceUrl url, DataStore d, Policy policy)
            throws IOException, InterruptedException {
        List<String> names = List.of(url.parameters().getOrDefault("name", "default").split(","));
        boolean nobranch = url.parameters().getOrDefault("nobranch", "0").equals("1");
        String branchParam = url.parameters().getOrDefault("branch", "");
        List<String> branches = branchParam.isEmpty() ? nobranch ? names.stream().map(n -> "").toList()
                : List.of("master") : List.of(branchParam.split(","));
        if (branches.size() != names.size()) {
            throw new IOException("URL: '" + url.redacted() + "' has invalid parameters. The number of name and "
                    + "branch parameters is not balanced");
        }
        List<GitSource> sources = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String rev = url.parameters().get("rev");
            if (rev == null && !name.equals("default")) {
                rev = var(d, "SRCREV_" + name);
            }
            if (rev == null || rev.isEmpty()) {
                rev = var(d, "SRCREV");
            }
            if (rev.isEmpty() || rev.equals("INVALID")) {
                throw new IOException("Please set a valid SRCREV for url " + url.redacted() + " (possible key names "
                        + "are SRCREV" + (name.equals("default") ? "" : ", SRCREV_" + name) + ")");
            }
            if (!SHA1.matcher(rev).matches()) {
                rev = latestRevision(url, rev.equals("AUTOINC") ? branches.get(i) : rev, d, policy);
            }
            sources.add(new GitSource(name, branches.get(i), rev));
        }
        return sources;
    }

    private String latestRevision(SourceUrl url, String ref, DataStore d, Policy policy)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(GIT);
        cmd.addAll(List.of("ls-remote", repoUrl(url), ref.startsWith("refs/") ? ref : "refs/heads/" + ref));
        if (!protocol(url).equals("file")) {
            checkNetwork(url, String.join(" ", cmd), d, policy);
        }
        String out = run(cmd, null, policy).trim();
        if (out.isEmpty()) {
            throw new IOException("Unable to resolve '" + ref + "' in upstream " + url.redacted());
        }
        return out.split("\\s+")[0];
    }

    private void downloadGit(SourceUrl url, Path clonedir, List<SourceUrl> premirrors, List<SourceUrl> mirrors,
            DataStore d, Policy policy) throws IOException, InterruptedException {
        List<GitSource> sources = gitSources(url, d, policy);
        boolean nobranch = url.parameters().getOrDefault("nobranch", "0").equals("1");
        if (Files.isDirectory(clonedir) && containsAll(clonedir, sources, nobranch, policy)) {
            return;
        }
        List<String> tried = new ArrayList<>();
        List<SourceUrl> candidates = new ArrayList<>();
        premirrors.stream().filter(m -> type(m).equals("git")).forEach(candidates::add);
        candidates.add(url);
        mirrors.stream().filter(m -> type(m).equals("git")).forEach(candidates::add);
        for (SourceUrl candidate : candidates) {
            String repo = repoUrl(candidate);
            if (repo.startsWith("file://") && Files.isDirectory(Path.of(repo.substring(7), "objects"))) {
                repo = repo.substring(7);
            }
            try {
                if (!protocol(candidate).equals("file")) {
                    checkNetwork(candidate, "git fetch " + candidate.redacted(), d, policy);
                }
                if (!Files.isDirectory(clonedir)) {
                    Files.createDirectories(clonedir.getParent());
                    List<String> clone = new ArrayList<>(GIT);
                    clone.addAll(List.of("clone", "--bare", "--mirror", repo, clonedir.toString()));
                    run(clone, null, policy);
                } else {
                    List<String> fetch = new ArrayList<>(GIT);
                    fetch.addAll(List.of("fetch", "-f", repo));
                    if (nobranch) {
                        fetch.add("refs/*:refs/*");
                    } else {
                        fetch.addAll(List.of("refs/heads/*:refs/heads/*", "refs/tags/*:refs/tags/*"));
                    }
                    run(fetch, clonedir, policy);
                }
            } catch (IOException e) {
                tried.add(candidate.redacted() + ": " + e.getMessage());
                continue;
            }
            if (containsAll(clonedir, sources, nobranch, policy)) {
                return;
            }
        }
        for (GitSource s : sources) {
            if (!contains(clonedir, s, nobranch, policy)) {
                throw new IOException("Unable to find revision " + s.revision() + " in branch " + s.branch()
                        + " even from upstream" + (tried.isEmpty() ? "" : "\n    " + String.join("\n    ", tried)));
            }
        }
    }

    private boolean containsAll(Path clonedir, List<GitSource> sources, boolean nobranch, Policy policy)
            throws InterruptedException {
        for (GitSource s : sources) {
            if (!contains(clonedir, s, nobranch, policy)) {
                return false;
            }
        }
        return true;
    }

    /** BitBake's {@code _contains_ref}: the revision is on the branch (or exists, without a branch). */
    private boolean contains(Path clonedir, GitSource source, boolean nobranch, Policy policy)
            throws InterruptedException {
        List<String> cmd = new ArrayList<>(GIT);
        if (nobranch) {
            cmd.addAll(List.of("log", "--pretty=oneline", "-n", "1", source.revision(), "--"));
        } else {
            cmd.addAll(List.of("branch", "--contains", source.revision(), "--list", source.branch()));
        }
        try {
            return !run(cmd, clonedir, policy).isBlank();
        } catch (IOException e) {
            return false;
        }
    }

    private void unpackGit(SourceUrl url, Path clonedir, Path root, DataStore d, Policy policy)
            throws IOException, InterruptedException {
        Map<String, String> p = url.parameters();
        if (p.containsKey("subpath")) {
            throw new IOException("URL: '" + url.redacted() + "': the git subpath parameter is not supported yet");
        }
        Path destdir = root;
        String defaultSuffix = "git/";
        if (p.containsKey("subdir")) {
            destdir = subdir(url, root, p.get("subdir"));
            defaultSuffix = "";
        }
        destdir = destdir.resolve(p.getOrDefault("destsuffix", defaultSuffix)).normalize();
        if (!destdir.startsWith(root.normalize())) {
            throw new IOException("URL: '" + url.redacted() + "': destsuffix leaves the unpack root " + root);
        }
        TaskExecutor.deleteTree(destdir);
        GitSource first = gitSources(url, d, policy).get(0);
        List<String> clone = new ArrayList<>(GIT);
        clone.addAll(List.of("clone", "-n", "-s", clonedir + "/", destdir.toString()));
        run(clone, null, policy);
        git(destdir, policy, "remote", "set-url", "origin", repoUrl(url));
        if (p.getOrDefault("nocheckout", "0").equals("1") || p.getOrDefault("bareclone", "0").equals("1")) {
            return;
        }
        if (p.getOrDefault("nobranch", "0").equals("1")) {
            git(destdir, policy, "checkout", first.revision());
        } else {
            git(destdir, policy, "checkout", "-B", first.branch(), first.revision());
            git(destdir, policy, "branch", first.branch(), "--set-upstream-to", "origin/" + first.branch());
        }
    }

    private void git(Path dir, Policy policy, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(GIT);
        cmd.addAll(List.of(args));
        run(cmd, dir, policy);
    }

    // --- unpack of files -------------------------------------------------------------------------------------

    private static Path subdir(SourceUrl url, Path root, String subdir) throws IOException {
        Path dir = root.resolve(subdir).normalize();
        if (!dir.startsWith(root.normalize())) {
            throw new IOException("URL: '" + url.redacted() + "': subdir argument isn't a subdirectory of unpack root "
                    + root);
        }
        return dir;
    }

    private void unpackFile(SourceUrl url, String file, Path root, DataStore d, Policy policy)
            throws IOException, InterruptedException {
        String unpackParam = url.parameters().getOrDefault("unpack", "1");
        boolean unpack = switch (unpackParam.toLowerCase(Locale.ROOT)) {
            case "1", "y", "yes", "true", "t", "on" -> true;
            case "0", "n", "no", "false", "f", "off" -> false;
            default -> throw new IOException("Invalid value for 'unpack' parameter for " + file + ": " + unpackParam);
        };
        Path unpackdir = url.parameters().containsKey("subdir") ? subdir(url, root, url.parameters().get("subdir"))
                : root;
        Files.createDirectories(unpackdir);
        String command = unpack ? extractCommand(url, file, unpackdir) : null;
        if (command == null) {
            Path source = Path.of(file);
            Path dest = unpackdir.resolve(source.getFileName().toString());
            if (Files.exists(dest) && Files.isSameFile(source, dest)) {
                return;
            }
            String destdir = ".";
            if (type(url).equals("file")) {
                String urlpath = url.path().replaceAll("/+$", "").replaceAll("^/+", "");
                if (urlpath.contains("/")) {
                    destdir = urlpath.substring(0, urlpath.lastIndexOf('/')) + "/";
                    Files.createDirectories(unpackdir.resolve(destdir));
                }
            }
            command = "cp -fpPRH " + quote(file) + " " + quote(destdir);
        }
        policy.log().accept("NOTE: Unpacking " + file + " to " + unpackdir + "/");
        String path = var(d, "PATH");
        run(List.of("/bin/sh", "-c", (path.isEmpty() ? "" : "PATH=" + quote(path) + " ") + command), unpackdir,
                policy);
    }

    /** BitBake's unpack command for an archive, or null for a file that is copied as is. */
    private static String extractCommand(SourceUrl url, String file, Path unpackdir) {
        String tar = "tar --extract --no-same-owner";
        String strip = url.parameters().get("striplevel");
        if (strip != null) {
            tar += " --strip-components=" + quote(strip);
        }
        String f = quote(file);
        String base = Path.of(file).getFileName().toString().replaceAll("\\.[^.]*$", "");
        String efile = quote(unpackdir.resolve(base).toString());
        if (file.endsWith(".tar")) {
            return tar + " -f " + f;
        } else if (file.endsWith(".tgz") || file.endsWith(".tar.gz") || file.endsWith(".tar.Z")) {
            return tar + " -z -f " + f;
        } else if (file.endsWith(".tbz") || file.endsWith(".tbz2") || file.endsWith(".tar.bz2")) {
            return "bzip2 -dc " + f + " | " + tar + " -f -";
        } else if (file.endsWith(".gz") || file.endsWith(".Z") || file.endsWith(".z")) {
            return "gzip -dc " + f + " > " + efile;
        } else if (file.endsWith(".bz2")) {
            return "bzip2 -dc " + f + " > " + efile;
        } else if (file.endsWith(".txz") || file.endsWith(".tar.xz")) {
            return "xz -dc " + f + " | " + tar + " -f -";
        } else if (file.endsWith(".xz")) {
            return "xz -dc " + f + " > " + efile;
        } else if (file.endsWith(".tzst") || file.endsWith(".tar.zst")) {
            return "zstd --decompress --stdout " + f + " | " + tar + " -f -";
        } else if (file.endsWith(".zst")) {
            return "zstd --decompress --stdout " + f + " > " + efile;
        } else if (file.endsWith(".zip") || file.endsWith(".jar")) {
            return "unzip -q -o " + (url.parameters().getOrDefault("dos", "0").equals("1") ? "-a " : "") + f;
        }
        return null;
    }

    // --- shared ----------------------------------------------------------------------------------------------

    /** BitBake's {@code check_network_access}. */
    private static void checkNetwork(SourceUrl url, String command, DataStore d, Policy policy) throws IOException {
        String noNetwork = var(d, "BB_NO_NETWORK");
        if (List.of("1", "yes", "true", "y", "on", "t").contains(noNetwork.toLowerCase(Locale.ROOT))) {
            throw new IOException("Network access disabled through BB_NO_NETWORK (or set indirectly due to use of "
                    + "BB_FETCH_PREMIRRORONLY) but access requested with command " + command + " (for url "
                    + url.redacted() + ")");
        }
        if (!policy.network()) {
            throw new IOException("Network access requested by a task that does not set [network] = \"1\": "
                    + command + " (for url " + url.redacted() + ")");
        }
    }

    /** Runs a command, its output appended to the task log; returns standard output. */
    private static String run(List<String> command, Path cwd, Policy policy) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LANG", "C");
        if (cwd != null) {
            pb.directory(cwd.toFile());
        }
        Process process = pb.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            if (Thread.currentThread().isInterrupted()) {
                process.destroyForcibly();
            }
        }
        int status = process.waitFor();
        policy.log().accept("DEBUG: " + String.join(" ", command) + (output.isEmpty() ? "" : "\n" + output.strip()));
        if (status != 0) {
            throw new IOException("Fetch command " + String.join(" ", command) + " failed with exit code " + status
                    + ", output:\n" + output.strip());
        }
        return output;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String var(DataStore d, String name) throws IOException {
        try {
            String v = d.getVar(name);
            return v == null ? "" : v;
        } catch (ExpansionException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
    }

    private static String flag(DataStore d, String name, String flag) throws IOException {
        try {
            return d.getVarFlag(name, flag, true);
        } catch (ExpansionException e) {
            throw new IOException(name + "[" + flag + "]: " + e.getMessage(), e);
        }
    }
}
