package dev.bitzel.parser.internal.bb;

import dev.bitzel.parser.internal.python.Exceptions;
import dev.bitzel.parser.internal.python.HostAccess;
import dev.bitzel.parser.internal.python.NativeObject;
import dev.bitzel.parser.internal.python.Ops;
import dev.bitzel.parser.internal.python.PyModule;
import dev.bitzel.parser.internal.python.PyNone;
import dev.bitzel.parser.internal.python.PythonError;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.bitzel.parser.internal.python.PythonRuntime;

/**
 * The few host file-system operations BitBake's configuration performs while parsing: {@code base.bbclass}'s
 * ConfigParsed handler creates {@code ${HOSTTOOLS_DIR}} and links the host tools named by {@code HOSTTOOLS} into it
 * ({@code bb.utils.mkdirhier}, {@code os.symlink}, {@code os.unlink}, {@code os.readlink}), reading the original
 * environment's {@code PATH} from {@code BB_ORIGENV}.
 */
final class HostFiles {
    private HostFiles() {}

    static void register(PyModule os, PyModule utils) {
        utils.def("mkdirhier", (a, kw) -> {
            Path dir = Path.of(Ops.str(a[0]));
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw osError(e, Ops.str(a[0]));
            } finally {
                HostAccess.pathProbed(dir.toAbsolutePath().toString());
            }
            return PyNone.NONE;
        });
        os.def("symlink", (a, kw) -> {
            try {
                Files.createSymbolicLink(Path.of(Ops.str(a[1])), Path.of(Ops.str(a[0])));
            } catch (IOException e) {
                throw osError(e, Ops.str(a[1]));
            } finally {
                HostAccess.pathProbed(Path.of(Ops.str(a[1])).toAbsolutePath().toString());
            }
            return PyNone.NONE;
        });
        os.def("unlink", (a, kw) -> {
            Path p = Path.of(Ops.str(a[0]));
            HostAccess.pathProbed(p.toAbsolutePath().toString());
            try {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw PythonError.of(Exceptions.IS_A_DIRECTORY_ERROR, "[Errno 21] Is a directory: '" + p + "'");
                }
                Files.delete(p);
            } catch (IOException e) {
                throw osError(e, Ops.str(a[0]));
            }
            return PyNone.NONE;
        });
        os.def("access", (a, kw) -> {
            Path p = Path.of(Ops.str(a[0]));
            HostAccess.pathProbed(p.toAbsolutePath().toString());
            long mode = a[1] instanceof Long l ? l : 0L;
            boolean ok = Files.exists(p)
                    && ((mode & 4) == 0 || Files.isReadable(p))
                    && ((mode & 2) == 0 || Files.isWritable(p))
                    && ((mode & 1) == 0 || Files.isExecutable(p));
            return ok;
        });
        os.def("readlink", (a, kw) -> {
            HostAccess.pathProbed(Path.of(Ops.str(a[0])).toAbsolutePath().toString());
            try {
                return Files.readSymbolicLink(Path.of(Ops.str(a[0]))).toString();
            } catch (java.nio.file.NotLinkException e) {
                throw PythonError.of(Exceptions.OS_ERROR, "[Errno 22] Invalid argument: '" + Ops.str(a[0]) + "'");
            } catch (IOException e) {
                throw osError(e, Ops.str(a[0]));
            }
        });
    }

    /** {@code glob.glob}: matches in directory order (as os.listdir gives them), hidden names only by a dot. */
    static void registerGlob(PyModule glob) {
        glob.def("glob", (a, kw) -> {
            if (kw != null && Ops.isTrue(kw.getOrDefault("recursive", Boolean.FALSE))) {
                throw PythonError.of(Exceptions.NOT_IMPLEMENTED_ERROR, "bitzel: glob.glob(recursive=True)");
            }
            String pattern = Ops.str(a[0]);
            List<String> out = new ArrayList<>();
            glob(pattern, out);
            return PythonRuntime.toPython(out);
        });
    }

    private static boolean magic(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    private static void glob(String pattern, List<String> out) {
        if (!magic(pattern)) {
            HostAccess.pathProbed(Path.of(pattern).toAbsolutePath().toString());
            if (Files.exists(Path.of(pattern), LinkOption.NOFOLLOW_LINKS) || Files.exists(Path.of(pattern))) {
                out.add(pattern);
            }
            return;
        }
        int slash = pattern.lastIndexOf('/');
        String dir = slash < 0 ? "" : pattern.substring(0, slash);
        String base = pattern.substring(slash + 1);
        List<String> dirs = new ArrayList<>();
        if (slash == 0) {
            dirs.add("/");
        } else if (!dir.isEmpty() && magic(dir)) {
            glob(dir, dirs);
        } else {
            dirs.add(dir);
        }
        for (String d : dirs) {
            String prefix = slash < 0 ? "" : d.equals("/") && slash == 0 ? "/" : d + "/";
            if (!magic(base)) {
                String candidate = prefix + base;
                HostAccess.pathProbed(Path.of(base.isEmpty() ? d : candidate).toAbsolutePath().toString());
                if (base.isEmpty() ? Files.isDirectory(Path.of(d)) : Files.exists(Path.of(candidate),
                        LinkOption.NOFOLLOW_LINKS)) {
                    out.add(candidate);
                }
                continue;
            }
            java.util.regex.Pattern re = java.util.regex.Pattern.compile(fnmatchRegex(base));
            Path dirPath = Path.of(d.isEmpty() ? "." : d);
            HostAccess.directoryListed(dirPath.toAbsolutePath().toString());
            if (!Files.isDirectory(dirPath)) {
                continue;
            }
            try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(dirPath)) {
                for (Path e : entries) {
                    String name = e.getFileName().toString();
                    if (name.startsWith(".") && !base.startsWith(".")) {
                        continue;
                    }
                    if (re.matcher(name).matches()) {
                        out.add(prefix + name);
                    }
                }
            } catch (IOException e) {
                // os.scandir errors make glob skip the directory
            }
        }
    }

    /** fnmatch.translate for one path component. */
    private static String fnmatchRegex(String pat) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pat.length(); i++) {
            char c = pat.charAt(i);
            if (c == '*') {
                sb.append(".*");
            } else if (c == '?') {
                sb.append('.');
            } else if (c == '[') {
                int j = i + 1;
                if (j < pat.length() && pat.charAt(j) == '!') {
                    j++;
                }
                if (j < pat.length() && pat.charAt(j) == ']') {
                    j++;
                }
                while (j < pat.length() && pat.charAt(j) != ']') {
                    j++;
                }
                if (j >= pat.length()) {
                    sb.append("\\[");
                } else {
                    String stuff = pat.substring(i + 1, j).replace("\\", "\\\\");
                    if (stuff.startsWith("!")) {
                        stuff = "^" + stuff.substring(1);
                    } else if (stuff.startsWith("^")) {
                        stuff = "\\" + stuff;
                    }
                    sb.append('[').append(stuff).append(']');
                    i = j;
                }
            } else {
                sb.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }

    private static PythonError osError(IOException e, String path) {
        if (e instanceof NoSuchFileException) {
            return PythonError.of(Exceptions.FILE_NOT_FOUND_ERROR, "[Errno 2] No such file or directory: '" + path
                    + "'");
        }
        if (e instanceof FileAlreadyExistsException) {
            return PythonError.of(Exceptions.FILE_EXISTS_ERROR, "[Errno 17] File exists: '" + path + "'");
        }
        if (e instanceof AccessDeniedException) {
            return PythonError.of(Exceptions.PERMISSION_ERROR, "[Errno 13] Permission denied: '" + path + "'");
        }
        return PythonError.of(Exceptions.OS_ERROR, path + ": " + e);
    }

    /** {@code BB_ORIGENV}: the environment BitBake was started with, as a datastore with {@code getVar}. */
    static Object originalEnvironment() {
        return NativeObject.builder("DataSmart")
                .method("getVar", (a, kw) -> {
                    HostAccess.environmentRead(Ops.str(a[0]));
                    String v = System.getenv(Ops.str(a[0]));
                    return v == null ? PyNone.NONE : v;
                })
                .build();
    }
}
