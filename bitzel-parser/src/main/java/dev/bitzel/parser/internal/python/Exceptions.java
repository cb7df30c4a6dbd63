package dev.bitzel.parser.internal.python;

/** The built-in exception hierarchy and the behaviour of BaseException. */
public final class Exceptions {
    private Exceptions() {}

    /**
     * An exception class of a module written in Java, as {@code class NAME(BASE): pass} in that module would
     * define it (e.g. BitBake's {@code bb.data_smart.ExpansionError}, raised by the native datastore).
     *
     * @param name the class name
     * @param module the defining module's name
     * @param base the base class
     * @return the new class
     */
    public static PyType subclass(String name, String module, PyType base) {
        return new PyType(name, module, new PyType[] {base}, null, false);
    }

    /** {@code BaseException}. */
    public static final PyType BASE_EXCEPTION = PyType.builtin("BaseException", Builtins.OBJECT);
    public static final PyType SYSTEM_EXIT = PyType.builtin("SystemExit", BASE_EXCEPTION);
    public static final PyType KEYBOARD_INTERRUPT = PyType.builtin("KeyboardInterrupt", BASE_EXCEPTION);
    public static final PyType GENERATOR_EXIT = PyType.builtin("GeneratorExit", BASE_EXCEPTION);
    public static final PyType EXCEPTION = PyType.builtin("Exception", BASE_EXCEPTION);
    public static final PyType STOP_ITERATION = PyType.builtin("StopIteration", EXCEPTION);
    public static final PyType ARITHMETIC_ERROR = PyType.builtin("ArithmeticError", EXCEPTION);
    public static final PyType ZERO_DIVISION_ERROR = PyType.builtin("ZeroDivisionError", ARITHMETIC_ERROR);
    public static final PyType OVERFLOW_ERROR = PyType.builtin("OverflowError", ARITHMETIC_ERROR);
    public static final PyType ASSERTION_ERROR = PyType.builtin("AssertionError", EXCEPTION);
    public static final PyType ATTRIBUTE_ERROR = PyType.builtin("AttributeError", EXCEPTION);
    public static final PyType BUFFER_ERROR = PyType.builtin("BufferError", EXCEPTION);
    public static final PyType EOF_ERROR = PyType.builtin("EOFError", EXCEPTION);
    public static final PyType IMPORT_ERROR = PyType.builtin("ImportError", EXCEPTION);
    public static final PyType MODULE_NOT_FOUND_ERROR = PyType.builtin("ModuleNotFoundError", IMPORT_ERROR);
    public static final PyType LOOKUP_ERROR = PyType.builtin("LookupError", EXCEPTION);
    public static final PyType INDEX_ERROR = PyType.builtin("IndexError", LOOKUP_ERROR);
    public static final PyType KEY_ERROR = PyType.builtin("KeyError", LOOKUP_ERROR);
    public static final PyType MEMORY_ERROR = PyType.builtin("MemoryError", EXCEPTION);
    public static final PyType NAME_ERROR = PyType.builtin("NameError", EXCEPTION);
    public static final PyType UNBOUND_LOCAL_ERROR = PyType.builtin("UnboundLocalError", NAME_ERROR);
    public static final PyType OS_ERROR = PyType.builtin("OSError", EXCEPTION);
    public static final PyType FILE_NOT_FOUND_ERROR = PyType.builtin("FileNotFoundError", OS_ERROR);
    public static final PyType FILE_EXISTS_ERROR = PyType.builtin("FileExistsError", OS_ERROR);
    public static final PyType PERMISSION_ERROR = PyType.builtin("PermissionError", OS_ERROR);
    public static final PyType IS_A_DIRECTORY_ERROR = PyType.builtin("IsADirectoryError", OS_ERROR);
    public static final PyType NOT_A_DIRECTORY_ERROR = PyType.builtin("NotADirectoryError", OS_ERROR);
    public static final PyType TIMEOUT_ERROR = PyType.builtin("TimeoutError", OS_ERROR);
    public static final PyType REFERENCE_ERROR = PyType.builtin("ReferenceError", EXCEPTION);
    public static final PyType RUNTIME_ERROR = PyType.builtin("RuntimeError", EXCEPTION);
    public static final PyType NOT_IMPLEMENTED_ERROR = PyType.builtin("NotImplementedError", RUNTIME_ERROR);
    public static final PyType RECURSION_ERROR = PyType.builtin("RecursionError", RUNTIME_ERROR);
    public static final PyType SYNTAX_ERROR = PyType.builtin("SyntaxError", EXCEPTION);
    public static final PyType SYSTEM_ERROR = PyType.builtin("SystemError", EXCEPTION);
    public static final PyType TYPE_ERROR = PyType.builtin("TypeError", EXCEPTION);
    public static final PyType VALUE_ERROR = PyType.builtin("ValueError", EXCEPTION);
    public static final PyType UNICODE_ERROR = PyType.builtin("UnicodeError", VALUE_ERROR);
    public static final PyType UNICODE_DECODE_ERROR = PyType.builtin("UnicodeDecodeError", UNICODE_ERROR);
    public static final PyType UNICODE_ENCODE_ERROR = PyType.builtin("UnicodeEncodeError", UNICODE_ERROR);
    public static final PyType WARNING = PyType.builtin("Warning", EXCEPTION);
    public static final PyType USER_WARNING = PyType.builtin("UserWarning", WARNING);
    public static final PyType DEPRECATION_WARNING = PyType.builtin("DeprecationWarning", WARNING);
    public static final PyType RUNTIME_WARNING = PyType.builtin("RuntimeWarning", WARNING);

    /** {@code re.error}. */
    public static final PyType RE_ERROR = new PyType("error", "re", new PyType[] {EXCEPTION}, null, true);
    /** {@code json.JSONDecodeError}. */
    public static final PyType JSON_DECODE_ERROR = new PyType("JSONDecodeError", "json", new PyType[] {VALUE_ERROR}, null,
            true);

    static final PyType[] ALL = {
        BASE_EXCEPTION, SYSTEM_EXIT, KEYBOARD_INTERRUPT, GENERATOR_EXIT, EXCEPTION, STOP_ITERATION, ARITHMETIC_ERROR,
        ZERO_DIVISION_ERROR, OVERFLOW_ERROR, ASSERTION_ERROR, ATTRIBUTE_ERROR, BUFFER_ERROR, EOF_ERROR, IMPORT_ERROR,
        MODULE_NOT_FOUND_ERROR, LOOKUP_ERROR, INDEX_ERROR, KEY_ERROR, MEMORY_ERROR, NAME_ERROR, UNBOUND_LOCAL_ERROR,
        OS_ERROR, FILE_NOT_FOUND_ERROR, FILE_EXISTS_ERROR, PERMISSION_ERROR, IS_A_DIRECTORY_ERROR,
        NOT_A_DIRECTORY_ERROR, TIMEOUT_ERROR, REFERENCE_ERROR, RUNTIME_ERROR, NOT_IMPLEMENTED_ERROR, RECURSION_ERROR,
        SYNTAX_ERROR, SYSTEM_ERROR, TYPE_ERROR, VALUE_ERROR, UNICODE_ERROR, UNICODE_DECODE_ERROR,
        UNICODE_ENCODE_ERROR, WARNING, USER_WARNING, DEPRECATION_WARNING, RUNTIME_WARNING,
    };

    static {
        BASE_EXCEPTION.def("__init__", (a, kw) -> {
            ((PyInstance) a[0]).setAttr("args", new PyTuple(java.util.Arrays.copyOfRange(a, 1, a.length)));
            return PyNone.NONE;
        });
        BASE_EXCEPTION.def("__str__", (a, kw) -> {
            PyInstance self = (PyInstance) a[0];
            Object[] args = argsOf(self);
            if (self.type().isSubtypeOf(KEY_ERROR) && args.length == 1) {
                return Ops.repr(args[0]);
            }
            if (isUnicodeCodecError(self.type()) && args.length == 5) {
                return Codecs.message(self);
            }
            if (self.type().isSubtypeOf(OS_ERROR) && args.length >= 2) {
                Object fn = self.getAttr("filename");
                String base = "[Errno " + Ops.str(args[0]) + "] " + Ops.str(args[1]);
                return fn != null && fn != PyNone.NONE ? base + ": " + Ops.repr(fn) : base;
            }
            return args.length == 0 ? "" : args.length == 1 ? Ops.str(args[0]) : Ops.repr(new PyTuple(args));
        });
        BASE_EXCEPTION.def("__repr__", (a, kw) -> {
            PyInstance self = (PyInstance) a[0];
            Object[] args = argsOf(self);
            String r = Ops.repr(new PyTuple(args));
            if (args.length == 1) {
                r = r.substring(0, r.length() - 2) + ")";
            }
            return self.type().name() + r;
        });
        BASE_EXCEPTION.def("with_traceback", (a, kw) -> a[0]);
        BASE_EXCEPTION.def("add_note", (a, kw) -> PyNone.NONE);
        OS_ERROR.def("__init__", (a, kw) -> {
            PyInstance self = (PyInstance) a[0];
            Object[] args = java.util.Arrays.copyOfRange(a, 1, a.length);
            self.setAttr("args", new PyTuple(args.length > 2 ? java.util.Arrays.copyOf(args, 2) : args));
            self.setAttr("errno", args.length >= 2 ? args[0] : PyNone.NONE);
            self.setAttr("strerror", args.length >= 2 ? args[1] : PyNone.NONE);
            self.setAttr("filename", args.length >= 3 ? args[2] : PyNone.NONE);
            return PyNone.NONE;
        });
        SYSTEM_EXIT.def("__init__", (a, kw) -> {
            PyInstance self = (PyInstance) a[0];
            self.setAttr("args", new PyTuple(java.util.Arrays.copyOfRange(a, 1, a.length)));
            self.setAttr("code", a.length > 1 ? a[1] : PyNone.NONE);
            return PyNone.NONE;
        });
        for (PyType codecError : new PyType[] {UNICODE_DECODE_ERROR, UNICODE_ENCODE_ERROR}) {
            codecError.def("__init__", (a, kw) -> {
                if (a.length != 6) {
                    throw Errors.typeError("function takes exactly 5 arguments (" + (a.length - 1) + " given)");
                }
                PyInstance self = (PyInstance) a[0];
                Object[] args = java.util.Arrays.copyOfRange(a, 1, a.length);
                self.setAttr("args", new PyTuple(args));
                codecAttributes(self, args);
                return PyNone.NONE;
            });
        }
        BASE_EXCEPTION.dict.put("__cause__", PyNone.NONE);
        BASE_EXCEPTION.dict.put("__context__", PyNone.NONE);
        BASE_EXCEPTION.dict.put("__suppress_context__", false);
        BASE_EXCEPTION.dict.put("__traceback__", PyNone.NONE);
        STOP_ITERATION.def("__init__", (a, kw) -> {
            PyInstance self = (PyInstance) a[0];
            self.setAttr("args", new PyTuple(java.util.Arrays.copyOfRange(a, 1, a.length)));
            self.setAttr("value", a.length > 1 ? a[1] : PyNone.NONE);
            return PyNone.NONE;
        });
    }

    private static boolean isUnicodeCodecError(PyType t) {
        return t.isSubtypeOf(UNICODE_DECODE_ERROR) || t.isSubtypeOf(UNICODE_ENCODE_ERROR);
    }

    /** UnicodeDecodeError's and UnicodeEncodeError's attributes, from their five arguments. */
    private static void codecAttributes(PyInstance e, Object[] args) {
        String[] names = {"encoding", "object", "start", "end", "reason"};
        for (int i = 0; i < names.length; i++) {
            e.setAttr(names[i], args[i]);
        }
    }

    static Object[] argsOf(PyInstance e) {
        Object args = e.getAttr("args");
        return args instanceof PyTuple t ? t.items : new Object[0];
    }

    /** A new exception instance with a single message argument (none when message is null). */
    public static PyInstance create(PyType type, String message) {
        return createArgs(type, message == null ? new Object[0] : new Object[] {message});
    }

    static PyInstance createArgs(PyType type, Object[] args) {
        PyInstance e = new PyInstance(type);
        e.setAttr("args", new PyTuple(args));
        if (type.isSubtypeOf(SYSTEM_EXIT)) {
            e.setAttr("code", args.length == 0 ? PyNone.NONE : args.length == 1 ? args[0] : new PyTuple(args));
        }
        if (type.isSubtypeOf(STOP_ITERATION)) {
            e.setAttr("value", args.length == 0 ? PyNone.NONE : args[0]);
        }
        if (isUnicodeCodecError(type) && args.length == 5) {
            codecAttributes(e, args);
        }
        if (type.isSubtypeOf(OS_ERROR)) {
            e.setAttr("errno", args.length >= 2 ? args[0] : PyNone.NONE);
            e.setAttr("strerror", args.length >= 2 ? args[1] : PyNone.NONE);
            e.setAttr("filename", args.length >= 3 ? args[2] : PyNone.NONE);
        }
        return e;
    }
}
