package dev.bitzel.parser.data;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a task's Python reaches through BitBake's API while the task runs, supplied by whoever runs tasks: {@code
 * bb.build.exec_func}, the fetcher behind {@code bb.fetch2.Fetch}'s {@code download}, {@code unpack} and
 * {@code localpath} for non-local URLs, and the task log that {@code bb.note}/{@code bb.warn}/... write to.
 * The parser runs no tasks itself; see {@link PythonEvaluator#runTaskFunction}.
 *
 * <p>Called on the thread running the task's Python. A failure is an {@link IOException} whose message becomes
 * the Python exception's text ({@code bb.fetch2.FetchError} for the fetcher, {@code bb.process.ExecutionError} for
 * a shell function).
 */
public interface TaskServices {

    /**
     * A source URL as {@code bb.fetch2.decodeurl} splits it, after expansion.
     *
     * @param url the whole URL
     * @param scheme its type ({@code file}, {@code git}, {@code https}, ...)
     * @param host the host, empty for {@code file}
     * @param path the path
     * @param user the user name, or empty
     * @param password the password, or empty
     * @param parameters the {@code ;name=value} parameters in order
     */
    record SourceUrl(String url, String scheme, String host, String path, String user, String password,
            Map<String, String> parameters) {
        /** Validates and copies. */
        public SourceUrl {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }

        /** The URL with its password replaced by {@code ***}, for messages and logs. */
        public String redacted() {
            return password.isEmpty() ? url : url.replace(":" + password + "@", ":***@");
        }
    }

    /**
     * {@code bb.build.exec_func(function, d)}: runs another function of the recipe, shell or Python, with the
     * task's directories, log and sandbox.
     *
     * @param function the function's name
     * @param d the store to run it with
     * @throws IOException if it fails (for a shell function the message names the run script and exit status)
     * @throws InterruptedException if the build is being stopped
     */
    void execFunction(String function, DataStore d) throws IOException, InterruptedException;

    /**
     * Where the fetcher keeps the download of a non-{@code file} URL ({@code FetchData.localpath}).
     *
     * @param url the URL
     * @param d the recipe's store
     * @return the path
     * @throws IOException if the scheme is not supported or the URL lacks what it needs
     */
    String localPath(SourceUrl url, DataStore d) throws IOException;

    /**
     * Downloads one URL into {@code DL_DIR} (nothing to do for a {@code file} URL that exists), trying the
     * {@code PREMIRRORS} first and the {@code MIRRORS} last, as BitBake does.
     *
     * @param url the URL
     * @param localPath where {@code bb.fetch2} expects it ({@code file} URLs: the file found on
     *     {@code FILESPATH})
     * @param premirrors the URL rewritten by each matching {@code PREMIRRORS} entry, in order
     * @param mirrors the URL rewritten by each matching {@code MIRRORS} entry, in order
     * @param d the recipe's store
     * @throws IOException if it cannot be fetched or fails its checksum
     * @throws InterruptedException if the build is being stopped
     */
    void download(SourceUrl url, String localPath, List<SourceUrl> premirrors, List<SourceUrl> mirrors, DataStore d)
            throws IOException, InterruptedException;

    /**
     * Unpacks one downloaded URL under {@code root} as {@code bb.fetch2.FetchMethod.unpack} does.
     *
     * @param url the URL
     * @param localPath its download
     * @param root the directory to unpack into (usually {@code WORKDIR})
     * @param d the recipe's store
     * @throws IOException if it cannot be unpacked
     * @throws InterruptedException if the build is being stopped
     */
    void unpack(SourceUrl url, String localPath, String root, DataStore d) throws IOException, InterruptedException;

    /**
     * A message from {@code bb.note}, {@code bb.warn}, {@code bb.error}, ... for the task's log.
     *
     * @param level {@code note}, {@code plain}, {@code warn}, {@code error}, {@code fatal} or {@code debug}
     * @param text the message
     */
    void message(String level, String text);
}
