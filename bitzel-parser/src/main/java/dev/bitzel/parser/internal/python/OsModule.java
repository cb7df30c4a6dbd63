package dev.bitzel.parser.internal.python;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code os} and {@code os.path}: pure string computations, plus exists/isdir/isfile/islink which read the
 * real file system through java.nio (the only file-system access in the interpreter). Process and file
 * operations raise NotImplementedError.
 */
final class OsModule {
    private OsModule() {}

    private static final String[] UNSUPPORTED = {"system", "popen", "listdir", "walk", "stat", "lstat", "makedirs",
        "mkdir", "remove", "unlink", "rename", "replace", "symlink", "readlink", "chdir", "chmod", "chown", "access",
        "getpid", "getppid", "getuid", "getgid", "uname", "scandir", "utime", "link", "rmdir", "removedirs", "kill",
        "fork", "execv", "execvp", "spawnv", "open", "close", "read", "write", "pipe", "dup", "dup2", "umask",
        "getlogin", "cpu_count", "fsync", "truncate", "nice", "setsid", "waitpid", "putenv", "unsetenv"};

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    static List<PyModule> create(PythonRuntime rt) {
        // os.path is posixpath, as in CPython on POSIX systems (the runtime registers it under both names)
        PyModule path = new PyModule("posixpath");
        path.set("sep", "/").set("pathsep", ":").set("curdir", ".").set("pardir", "..").set("extsep", ".")
                .set("altsep", PyNone.NONE).set("devnull", "/dev/null");
        path.def("join", (a, kw) -> {
            Args.count("join", a, 1, Integer.MAX_VALUE);
            String r = fs(a[0]);
            for (int i = 1; i < a.length; i++) {
                r = join(r, fs(a[i]));
            }
            return r;
        });
        path.def("split", (a, kw) -> {
            String[] headTail = splitPath(fs(a[0]));
            return PyTuple.of(headTail[0], headTail[1]);
        });
        path.def("dirname", (a, kw) -> splitPath(fs(a[0]))[0]);
        path.def("basename", (a, kw) -> {
            String p = fs(a[0]);
            return p.substring(p.lastIndexOf('/') + 1);
        });
        path.def("splitext", (a, kw) -> {
            String p = fs(a[0]);
            int slash = p.lastIndexOf('/');
            int dot = p.lastIndexOf('.');
            if (dot > slash) {
                int fileStart = slash + 1;
                while (fileStart < dot && p.charAt(fileStart) == '.') {
                    fileStart++;
                }
                if (fileStart < dot) {
                    return PyTuple.of(p.substring(0, dot), p.substring(dot));
                }
            }
            return PyTuple.of(p, "");
        });
        path.def("normpath", (a, kw) -> normpath(fs(a[0])));
        path.def("abspath", (a, kw) -> abspath(rt, fs(a[0])));
        path.def("realpath", (a, kw) -> {
            Object[] p = Args.bind("realpath", a, kw, new String[] {"filename", "strict"}, 1);
            if (p[1] != null && Ops.isTrue(p[1])) {
                throw Errors.notImplemented("os.path.realpath(strict=True)");
            }
            return realpath(rt, fs(p[0]));
        });
        path.def("isabs", (a, kw) -> fs(a[0]).startsWith("/"));
        path.def("relpath", (a, kw) -> {
            Args.count("relpath", a, 1, 2);
            String p = fs(a[0]);
            if (p.isEmpty()) {
                throw Errors.valueError("no path specified");
            }
            String start = a.length > 1 && a[1] != PyNone.NONE ? fs(a[1]) : rt.cwd.toString();
            String[] s = split(abspath(rt, start));
            String[] t = split(abspath(rt, p));
            int i = 0;
            while (i < s.length && i < t.length && s[i].equals(t[i])) {
                i++;
            }
            List<String> parts = new ArrayList<>();
            for (int k = i; k < s.length; k++) {
                parts.add("..");
            }
            for (int k = i; k < t.length; k++) {
                parts.add(t[k]);
            }
            return parts.isEmpty() ? "." : String.join("/", parts);
        });
        path.def("commonpath", (a, kw) -> {
            List<Object> l = Ops.toList(a[0]);
            if (l.isEmpty()) {
                throw Errors.valueError("commonpath() arg is an empty sequence");
            }
            Boolean absolute = null;
            List<String> common = null;
            for (Object o : l) {
                String p = Ops.str(o);
                boolean abs = p.startsWith("/");
                if (absolute != null && absolute != abs) {
                    throw Errors.valueError("Can't mix absolute and relative paths");
                }
                absolute = abs;
                List<String> parts = new ArrayList<>();
                for (String c : p.split("/", -1)) {
                    if (!c.isEmpty() && !c.equals(".")) {
                        parts.add(c);
                    }
                }
                if (common == null) {
                    common = parts;
                } else {
                    int i = 0;
                    while (i < common.size() && i < parts.size() && common.get(i).equals(parts.get(i))) {
                        i++;
                    }
                    common = common.subList(0, i);
                }
            }
            return (absolute ? "/" : "") + String.join("/", common);
        });
        path.def("commonprefix", (a, kw) -> {
            List<Object> l = Ops.toList(a[0]);
            if (l.isEmpty()) {
                return "";
            }
            String pre = Ops.str(l.get(0));
            for (Object o : l) {
                String s = Ops.str(o);
                int i = 0;
                while (i < pre.length() && i < s.length() && pre.charAt(i) == s.charAt(i)) {
                    i++;
                }
                pre = pre.substring(0, i);
            }
            return pre;
        });
        path.def("expanduser", (a, kw) -> {
            String p = fs(a[0]);
            if (p.startsWith("~")) {
                String home = rt.environ.get("HOME");
                if (home == null) {
                    throw Errors.notImplemented("os.path.expanduser without HOME in the configured environment");
                }
                return home + p.substring(1);
            }
            return p;
        });
        path.def("exists", (a, kw) -> test(rt, a[0], p -> Files.exists(p)));
        path.def("lexists", (a, kw) -> test(rt, a[0], p -> Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)));
        path.def("isdir", (a, kw) -> test(rt, a[0], p -> Files.isDirectory(p)));
        path.def("isfile", (a, kw) -> test(rt, a[0], p -> Files.isRegularFile(p)));
        path.def("islink", (a, kw) -> test(rt, a[0], p -> Files.isSymbolicLink(p)));
        for (String n : new String[] {"getsize", "getmtime", "getatime", "getctime", "samefile", "ismount", "expandvars"}) {
            path.def(n, (a, kw) -> {
                throw Errors.notImplemented("os.path." + n);
            });
        }

        PyModule os = new PyModule("os");
        os.set("path", path).set("sep", "/").set("pathsep", ":").set("linesep", "\n").set("curdir", ".")
                .set("pardir", "..").set("extsep", ".").set("altsep", PyNone.NONE).set("devnull", "/dev/null")
                .set("name", "posix").set("F_OK", 0L).set("R_OK", 4L).set("W_OK", 2L).set("X_OK", 1L)
                .set("O_RDONLY", 0L).set("O_WRONLY", 1L).set("O_RDWR", 2L).set("O_CREAT", 0100L).set("O_EXCL", 0200L)
                .set("O_TRUNC", 01000L).set("O_APPEND", 02000L);
        EnvironMapping environ = new EnvironMapping(rt.environ);
        os.set("environ", environ);
        os.def("getcwd", (a, kw) -> rt.cwd.toString());
        os.def("getenv", (a, kw) -> {
            Args.count("getenv", a, 1, 2);
            String v = environ.lookup(Ops.str(a[0]));
            return v != null ? v : a.length > 1 ? a[1] : PyNone.NONE;
        });
        os.def("fspath", (a, kw) -> fs(a[0]));
        os.def("urandom", (a, kw) -> {
            Args.count("urandom", a, 1, 1);
            long n = Ints.toLong(Ops.index(a[0]));
            if (n < 0) {
                throw Errors.valueError("negative argument not allowed");
            }
            // like the clock, a value that differs on every run: results made from it are not reproducible
            HostAccess.clockRead();
            byte[] bytes = new byte[(int) n];
            RANDOM.nextBytes(bytes);
            return new PyBytes(bytes);
        });
        for (String n : UNSUPPORTED) {
            os.def(n, (a, kw) -> {
                throw Errors.notImplemented("os." + n);
            });
        }
        return List.of(os, path);
    }

    /** {@code os.fspath}: a str, or what an os.PathLike object's {@code __fspath__} returns. */
    static String fs(Object o) {
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof PyInstance i && i.type().lookup("__fspath__") != null) {
            Object r = Ops.call(i.type().lookup("__fspath__"), new Object[] {o}, null);
            if (r instanceof String s) {
                return s;
            }
            throw Errors.typeError("expected " + i.type().name() + ".__fspath__() to return str or bytes, not "
                    + Ops.typeName(r));
        }
        throw Errors.typeError("expected str, bytes or os.PathLike object, not " + Ops.typeName(o));
    }

    private static String[] split(String abs) {
        return java.util.Arrays.stream(abs.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    /**
     * CPython's non-strict {@code posixpath.realpath}: each component that is a symbolic link replaced by its target,
     * resolved in turn ({@code /lib} is {@code /usr/lib} on a merged-/usr host; oe-core's {@code oe.path.canonicalize}
     * builds {@code PSEUDO_IGNORE_PATHS} with it); a link loop leaves the rest of the path as it is. Every component
     * looked at is reported as probed.
     */
    static String realpath(PythonRuntime rt, String p) {
        return abspath(rt, joinRealpath("/", abspath(rt, p).substring(1), new HashMap<>()).path());
    }

    /** What {@code _joinrealpath} returns: the path, and whether it resolved (false on a link loop). */
    private record Resolved(String path, boolean ok) {}

    private static Resolved joinRealpath(String path, String rest, Map<String, String> seen) {
        if (rest.startsWith("/")) {
            rest = rest.substring(1);
            path = "/";
        }
        while (!rest.isEmpty()) {
            int slash = rest.indexOf('/');
            String name = slash < 0 ? rest : rest.substring(0, slash);
            rest = slash < 0 ? "" : rest.substring(slash + 1);
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (!path.isEmpty()) {
                    String[] headTail = splitPath(path);
                    path = headTail[1].equals("..") ? join(headTail[0], "../..") : headTail[0];
                } else {
                    path = "..";
                }
                continue;
            }
            String newpath = join(path, name);
            HostAccess.pathProbed(newpath);
            boolean isLink;
            try {
                isLink = Files.isSymbolicLink(Path.of(newpath));
            } catch (InvalidPathException | SecurityException e) {
                isLink = false;
            }
            if (!isLink) {
                path = newpath;
                continue;
            }
            if (seen.containsKey(newpath)) {
                String resolved = seen.get(newpath);
                if (resolved != null) {
                    path = resolved;
                    continue;
                }
                return new Resolved(join(newpath, rest), false);
            }
            seen.put(newpath, null);
            String target;
            try {
                target = Files.readSymbolicLink(Path.of(newpath)).toString();
            } catch (IOException | SecurityException e) {
                throw PythonError.of(Exceptions.OS_ERROR, "readlink of " + newpath + " failed: " + e.getMessage());
            }
            Resolved r = joinRealpath(path, target, seen);
            path = r.path();
            if (!r.ok()) {
                return new Resolved(join(path, rest), false);
            }
            seen.put(newpath, path);
        }
        return new Resolved(path, true);
    }

    /** {@code posixpath.join} of two paths. */
    private static String join(String a, String b) {
        if (b.startsWith("/")) {
            return b;
        }
        return a.isEmpty() || a.endsWith("/") ? a + b : a + "/" + b;
    }

    /** {@code posixpath.split}: the head (trailing slashes dropped unless it is all slashes) and the tail. */
    private static String[] splitPath(String p) {
        int i = p.lastIndexOf('/') + 1;
        String head = p.substring(0, i);
        if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) {
            head = head.replaceAll("/+$", "");
        }
        return new String[] {head, p.substring(i)};
    }

    static String abspath(PythonRuntime rt, String p) {
        if (!p.startsWith("/")) {
            String cwd = rt.cwd.toString();
            p = cwd.endsWith("/") ? cwd + p : cwd + "/" + p;
        }
        return normpath(p);
    }

    static String normpath(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        int initial = p.startsWith("/") ? (p.startsWith("//") && !p.startsWith("///") ? 2 : 1) : 0;
        List<String> out = new ArrayList<>();
        for (String c : p.split("/")) {
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..") && (initial == 0 && (out.isEmpty() || out.get(out.size() - 1).equals("..")))) {
                out.add(c);
            } else if (c.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
            } else {
                out.add(c);
            }
        }
        String r = "/".repeat(initial) + String.join("/", out);
        return r.isEmpty() ? "." : r;
    }

    private static Object test(PythonRuntime rt, Object o, java.util.function.Predicate<Path> pred) {
        try {
            Path p = Path.of(abspath(rt, fs(o)));
            HostAccess.pathProbed(p.toString());
            return pred.test(p);
        } catch (InvalidPathException | SecurityException e) {
            return false;
        }
    }

    /**
     * {@code os.environ}: the configured environment with the changes of the recipe being evaluated on this thread
     * ({@link EnvironmentChanges}); changing it outside a recipe's evaluation is reported as not supported.
     */
    static final class EnvironMapping implements PyAttributes {
        private final Map<String, String> base;

        EnvironMapping(Map<String, String> base) {
            this.base = base;
        }

        /** The variables as this thread sees them, in the base's order, then added ones. */
        private Map<String, String> view() {
            Map<String, String> changes = EnvironmentChanges.current();
            if (changes == null || changes.isEmpty()) {
                return base;
            }
            Map<String, String> merged = new java.util.LinkedHashMap<>(base);
            changes.forEach((k, v) -> {
                if (v == null) {
                    merged.remove(k);
                } else {
                    merged.put(k, v);
                }
            });
            return merged;
        }

        private String lookup(String key) {
            Map<String, String> changes = EnvironmentChanges.current();
            if (changes != null && changes.containsKey(key)) {
                return changes.get(key);
            }
            return base.get(key);
        }

        private static Map<String, String> changes() {
            Map<String, String> changes = EnvironmentChanges.current();
            if (changes == null) {
                throw Errors.notImplemented("changing os.environ outside a recipe (its changes are kept per recipe)");
            }
            return changes;
        }

        private static String str(Object o) {
            if (o instanceof String s) {
                return s;
            }
            throw Errors.typeError("str expected, not " + Ops.typeName(o));
        }

        private void set(Object key, Object value) {
            String k = str(key);
            changes().put(k, str(value));
        }

        private Object remove(Object key, Object[] a) {
            String k = Ops.str(key);
            String v = lookup(k);
            if (v == null) {
                if (a.length > 1) {
                    return a[1];
                }
                throw Errors.keyError(key);
            }
            changes().put(k, null);
            return v;
        }

        @Override
        public Object getAttribute(String name) {
            switch (name) {
                case "get": return new PyBuiltin(name, (a, kw) -> {
                    String v = lookup(Ops.str(a[0]));
                    return v != null ? v : a.length > 1 ? a[1] : PyNone.NONE;
                });
                case "__getitem__": return new PyBuiltin(name, (a, kw) -> {
                    String v = lookup(Ops.str(a[0]));
                    if (v == null) {
                        throw Errors.keyError(a[0]);
                    }
                    return v;
                });
                case "__contains__": return new PyBuiltin(name, (a, kw) -> lookup(Ops.str(a[0])) != null);
                case "__len__": return new PyBuiltin(name, (a, kw) -> (long) view().size());
                case "__iter__":
                case "keys": return new PyBuiltin(name, (a, kw) -> new PyList(new ArrayList<>(view().keySet())));
                case "items": return new PyBuiltin(name, (a, kw) -> {
                    PyList l = new PyList();
                    view().forEach((k, v) -> l.list.add(PyTuple.of(k, v)));
                    return l;
                });
                case "values": return new PyBuiltin(name, (a, kw) -> new PyList(new ArrayList<>(view().values())));
                case "copy": return new PyBuiltin(name, (a, kw) -> PythonRuntime.toPython(view()));
                case "__setitem__": return new PyBuiltin(name, (a, kw) -> {
                    Args.count(name, a, 2, 2);
                    set(a[0], a[1]);
                    return PyNone.NONE;
                });
                case "__delitem__": return new PyBuiltin(name, (a, kw) -> {
                    Args.count(name, a, 1, 1);
                    remove(a[0], new Object[] {a[0]});
                    return PyNone.NONE;
                });
                case "pop": return new PyBuiltin(name, (a, kw) -> {
                    Args.count(name, a, 1, 2);
                    return remove(a[0], a);
                });
                case "setdefault": return new PyBuiltin(name, (a, kw) -> {
                    Args.count(name, a, 2, 2);
                    String v = lookup(Ops.str(a[0]));
                    if (v != null) {
                        return v;
                    }
                    set(a[0], a[1]);
                    return a[1];
                });
                case "update": return new PyBuiltin(name, (a, kw) -> {
                    Args.count(name, a, 0, 1);
                    if (a.length == 1) {
                        for (Object item : Ops.toList(Ops.callMethod(a[0], "items", new Object[0], Map.of()))) {
                            List<Object> pair = Ops.toList(item);
                            set(pair.get(0), pair.get(1));
                        }
                    }
                    if (kw != null) {
                        kw.forEach(this::set);
                    }
                    return PyNone.NONE;
                });
                default: return null;
            }
        }

        @Override
        public String pythonTypeName() {
            return "_Environ";
        }
    }
}
