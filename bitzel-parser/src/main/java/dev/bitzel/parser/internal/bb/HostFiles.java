package dev.bitzel.parser.internal.bb;

import dev.bitzel.parser.internal.python.Exceptions;
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
            }
            return PyNone.NONE;
        });
        os.def("symlink", (a, kw) -> {
            try {
                Files.createSymbolicLink(Path.of(Ops.str(a[1])), Path.of(Ops.str(a[0])));
            } catch (IOException e) {
                throw osError(e, Ops.str(a[1]));
            }
            return PyNone.NONE;
        });
        os.def("unlink", (a, kw) -> {
            try {
                Path p = Path.of(Ops.str(a[0]));
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
            long mode = a[1] instanceof Long l ? l : 0L;
            boolean ok = Files.exists(p)
                    && ((mode & 4) == 0 || Files.isReadable(p))
                    && ((mode & 2) == 0 || Files.isWritable(p))
                    && ((mode & 1) == 0 || Files.isExecutable(p));
            return ok;
        });
        os.def("readlink", (a, kw) -> {
            try {
                return Files.readSymbolicLink(Path.of(Ops.str(a[0]))).toString();
            } catch (java.nio.file.NotLinkException e) {
                throw PythonError.of(Exceptions.OS_ERROR, "[Errno 22] Invalid argument: '" + Ops.str(a[0]) + "'");
            } catch (IOException e) {
                throw osError(e, Ops.str(a[0]));
            }
        });
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
                    String v = System.getenv(Ops.str(a[0]));
                    return v == null ? PyNone.NONE : v;
                })
                .build();
    }
}
