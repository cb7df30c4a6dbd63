package dev.bitzel.parser.internal.python;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** sys, time, copy, json and itertools. */
final class MiscModules {
    private MiscModules() {}

    static List<PyModule> create(PythonRuntime rt) {
        List<PyModule> r = new ArrayList<>();
        PyModule sys = new PyModule("sys");
        sys.set("argv", new PyList()).set("version", "3.11.0 (bitzel)").set("platform", "linux")
                .set("version_info", PyTuple.of(3L, 11L, 0L, "final", 0L)).set("hexversion", 0x030b00f0L)
                .set("maxsize", Long.MAX_VALUE).set("byteorder", "little").set("path", new PyList())
                .set("executable", "").set("prefix", "").set("maxunicode", 0x10ffffL);
        sys.def("exit", (a, kw) -> {
            throw new PythonError(Exceptions.createArgs(Exceptions.SYSTEM_EXIT, a));
        });
        sys.def("getrecursionlimit", (a, kw) -> 1000L);
        sys.def("setrecursionlimit", (a, kw) -> PyNone.NONE);
        sys.def("getdefaultencoding", (a, kw) -> "utf-8");
        sys.def("getfilesystemencoding", (a, kw) -> "utf-8");
        sys.def("exc_info", (a, kw) -> {
            throw Errors.notImplemented("sys.exc_info()");
        });
        PyModule stdout = new PyModule("sys.stdout");
        stdout.def("write", (a, kw) -> {
            rt.stdout.accept(Ops.str(a[0]));
            return (long) Ops.str(a[0]).length();
        });
        stdout.def("flush", (a, kw) -> PyNone.NONE);
        sys.set("stdout", stdout).set("stderr", stdout);
        r.add(sys);


        PyModule time = new PyModule("time");
        time.def("time", (a, kw) -> {
            HostAccess.clockRead();
            return System.currentTimeMillis() / 1000.0;
        });
        time.def("time_ns", (a, kw) -> {
            HostAccess.clockRead();
            java.time.Instant now = java.time.Instant.now();
            return Ints.add(Ints.mul(now.getEpochSecond(), 1_000_000_000L), (long) now.getNano());
        });
        time.def("monotonic", (a, kw) -> System.nanoTime() / 1e9);
        time.def("perf_counter", (a, kw) -> System.nanoTime() / 1e9);
        time.def("gmtime", (a, kw) -> structTime(a, java.time.ZoneOffset.UTC));
        time.def("localtime", (a, kw) -> structTime(a, java.time.ZoneId.systemDefault()));
        // datetime's local time zone: the host's offset from UTC and its abbreviation at an instant
        time.def("_bitzel_zone", (a, kw) -> {
            java.time.ZoneId zone = java.time.ZoneId.systemDefault();
            HostAccess.hostFact("time.localzone", zone.getId());
            java.time.Instant instant = java.time.Instant.ofEpochSecond(
                    (long) Math.floor(((Number) a[0]).doubleValue()));
            String name = java.time.format.DateTimeFormatter.ofPattern("zzz", java.util.Locale.ROOT)
                    .format(instant.atZone(zone));
            return PyTuple.of((long) zone.getRules().getOffset(instant).getTotalSeconds(), name);
        });
        time.def("strftime", (a, kw) -> strftime(Ops.str(a[0]),
                a.length > 1 ? a[1] : structTime(new Object[0], java.time.ZoneId.systemDefault())));
        for (String n : new String[] {"sleep", "mktime", "strptime", "ctime"}) {
            time.def(n, (a, kw) -> {
                throw Errors.notImplemented("time." + n);
            });
        }
        r.add(time);

        PyModule copy = new PyModule("copy");
        copy.def("copy", (a, kw) -> shallow(a[0]));
        copy.def("deepcopy", (a, kw) -> deep(a[0], new IdentityHashMap<>()));
        copy.set("Error", Exceptions.EXCEPTION);
        r.add(copy);

        r.add(Json.create());
        r.add(itertools());
        r.add(hashlib());
        r.add(base64());
        r.add(binascii());
        r.add(zlib());
        r.add(InspectModule.create());
        for (String name : new String[] {"subprocess", "shutil", "glob", "tempfile", "traceback", "multiprocessing",
            "mmap", "signal", "select", "socket", "ast", "codecs",
            "io", "stat", "pickle", "queue", "random", "platform", "pwd", "grp", "fcntl",
            "termios", "atexit", "gc", "weakref", "sqlite3", "gzip", "bz2", "lzma", "tarfile", "zipfile",
            "urllib", "urllib.parse", "urllib.request", "locale", "difflib",
            "argparse", "configparser", "email", "http", "ssl", "csv", "xml", "html", "urllib.error", "logging.config",
            "logging.handlers", "concurrent", "concurrent.futures", "unittest", "pprint", "getpass", "array",
            "ctypes", "importlib", "types", "typing", "numbers", "netrc",
            "secrets", "unicodedata"}) {
            PyModule stub = new PyModule(name);
            stub.stub = true;
            r.add(stub);
        }
        PyModule urllib = r.stream().filter(m -> m.name().equals("urllib")).findFirst().orElseThrow();
        for (PyModule m : r) {
            if (m.name().startsWith("urllib.")) {
                urllib.set(m.name().substring(7), m);
            }
        }
        r.add(math());
        r.add(threading());
        PyModule subprocess = r.stream().filter(m -> m.name().equals("subprocess")).findFirst().orElseThrow();
        PyType called = new PyType("CalledProcessError", "subprocess", new PyType[] {Exceptions.EXCEPTION}, null, false);
        subprocess.set("CalledProcessError", called).set("SubprocessError", Exceptions.EXCEPTION)
                .set("TimeoutExpired", new PyType("TimeoutExpired", "subprocess", new PyType[] {Exceptions.EXCEPTION},
                        null, false))
                .set("PIPE", -1L).set("STDOUT", -2L).set("DEVNULL", -3L);
        PyModule warnings = new PyModule("warnings");
        warnings.def("warn", (a, kw) -> PyNone.NONE);
        warnings.def("filterwarnings", (a, kw) -> PyNone.NONE);
        warnings.def("simplefilter", (a, kw) -> PyNone.NONE);
        r.add(warnings);
        return r;
    }

    /** {@code threading}: real locks (module state is shared between the threads parsing recipes). */
    private static PyModule threading() {
        PyModule m = new PyModule("threading");
        NativeFunction newLock = (a, kw) -> {
            java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
            return NativeObject.builder("lock")
                    .method("acquire", (b, k) -> {
                        boolean blocking = b.length == 0 || Ops.isTrue(b[0]);
                        if (!blocking) {
                            return lock.tryLock();
                        }
                        lock.lock();
                        return true;
                    })
                    .method("release", (b, k) -> {
                        if (!lock.isHeldByCurrentThread()) {
                            throw Errors.runtime("release unlocked lock");
                        }
                        lock.unlock();
                        return PyNone.NONE;
                    })
                    .method("__enter__", (b, k) -> {
                        lock.lock();
                        return true;
                    })
                    .method("__exit__", (b, k) -> {
                        lock.unlock();
                        return false;
                    })
                    .method("locked", (b, k) -> lock.isLocked())
                    .build();
        };
        m.def("Lock", newLock);
        m.def("RLock", newLock);
        m.def("current_thread", (a, kw) -> NativeObject.builder("Thread")
                .attribute("name", Thread.currentThread().getName()).build());
        m.def("get_ident", (a, kw) -> Thread.currentThread().getId());
        m.stub = true;
        return m;
    }

    /** math.floor or math.ceil: an object's own {@code __floor__}/{@code __ceil__}, else of its float value. */
    private static Object rounded(Object[] a, String dunder, java.util.function.DoubleUnaryOperator op) {
        Args.count(dunder.substring(2, dunder.length() - 2), a, 1, 1);
        if (Ints.isInt(a[0])) {
            return a[0] instanceof Boolean b ? (Object) (b ? 1L : 0L) : a[0];
        }
        if (a[0] instanceof PyInstance i && i.type().lookup(dunder) != null) {
            return Ops.call(i.type().lookup(dunder), new Object[] {a[0]}, null);
        }
        return Builtins.toInt(op.applyAsDouble(Ops.toDouble(a[0])), null);
    }

    private static PyModule math() {
        PyModule m = new PyModule("math");
        m.set("pi", Math.PI).set("e", Math.E).set("tau", 2 * Math.PI).set("inf", Double.POSITIVE_INFINITY)
                .set("nan", Double.NaN);
        m.def("floor", (a, kw) -> rounded(a, "__floor__", Math::floor));
        m.def("ceil", (a, kw) -> rounded(a, "__ceil__", Math::ceil));
        m.def("trunc", (a, kw) -> {
            Args.count("trunc", a, 1, 1);
            if (a[0] instanceof PyInstance i && i.type().lookup("__trunc__") != null) {
                return Ops.call(i.type().lookup("__trunc__"), new Object[] {a[0]}, null);
            }
            if (Ints.isInt(a[0]) || a[0] instanceof Double) {
                return Builtins.toInt(a[0], null);
            }
            throw Errors.typeError("type " + Ops.typeName(a[0]) + " doesn't define __trunc__ method");
        });
        m.def("sqrt", (a, kw) -> {
            double x = Ops.toDouble(a[0]);
            if (x < 0) {
                throw Errors.valueError("math domain error");
            }
            return Math.sqrt(x);
        });
        m.def("exp", (a, kw) -> {
            double x = Ops.toDouble(a[0]);
            double r = Math.exp(x);
            if (Double.isInfinite(r) && Double.isFinite(x)) {
                throw Errors.overflow("math range error");
            }
            return r;
        });
        m.def("log", (a, kw) -> {
            double x = Ops.toDouble(a[0]);
            if (x <= 0) {
                throw Errors.valueError("math domain error");
            }
            return a.length > 1 ? Math.log(x) / Math.log(Ops.toDouble(a[1])) : Math.log(x);
        });
        m.def("log2", (a, kw) -> Math.log(Ops.toDouble(a[0])) / Math.log(2));
        m.def("log10", (a, kw) -> Math.log10(Ops.toDouble(a[0])));
        m.def("pow", (a, kw) -> Math.pow(Ops.toDouble(a[0]), Ops.toDouble(a[1])));
        m.def("fabs", (a, kw) -> Math.abs(Ops.toDouble(a[0])));
        m.def("modf", (a, kw) -> {
            double x = Ops.toDouble(a[0]);
            if (Double.isInfinite(x)) {
                return PyTuple.of(Math.copySign(0.0, x), x);
            }
            double whole = x < 0 ? Math.ceil(x) : Math.floor(x);
            return PyTuple.of(Math.copySign(x - whole, x), whole);
        });
        m.def("copysign", (a, kw) -> Math.copySign(Ops.toDouble(a[0]), Ops.toDouble(a[1])));
        m.def("isnan", (a, kw) -> Double.isNaN(Ops.toDouble(a[0])));
        m.def("isinf", (a, kw) -> Double.isInfinite(Ops.toDouble(a[0])));
        m.def("isfinite", (a, kw) -> Double.isFinite(Ops.toDouble(a[0])));
        m.def("comb", (a, kw) -> {
            java.math.BigInteger n = Ints.big(a[0]);
            java.math.BigInteger k = Ints.big(a[1]);
            if (n.signum() < 0 || k.signum() < 0) {
                throw Errors.valueError((n.signum() < 0 ? "n" : "k") + " must be a non-negative integer");
            }
            if (k.compareTo(n) > 0) {
                return 0L;
            }
            java.math.BigInteger r = java.math.BigInteger.ONE;
            for (java.math.BigInteger i = java.math.BigInteger.ONE; i.compareTo(k) <= 0; i = i.add(java.math.BigInteger.ONE)) {
                r = r.multiply(n.subtract(k).add(i)).divide(i);
            }
            return Ints.normalize(r);
        });
        m.def("perm", (a, kw) -> {
            java.math.BigInteger n = Ints.big(a[0]);
            java.math.BigInteger k = a.length > 1 && a[1] != PyNone.NONE ? Ints.big(a[1]) : n;
            if (n.signum() < 0 || k.signum() < 0) {
                throw Errors.valueError((n.signum() < 0 ? "n" : "k") + " must be a non-negative integer");
            }
            if (k.compareTo(n) > 0) {
                return 0L;
            }
            java.math.BigInteger r = java.math.BigInteger.ONE;
            for (java.math.BigInteger i = n.subtract(k).add(java.math.BigInteger.ONE); i.compareTo(n) <= 0;
                    i = i.add(java.math.BigInteger.ONE)) {
                r = r.multiply(i);
            }
            return Ints.normalize(r);
        });
        m.def("fsum", (a, kw) -> {
            Args.count("fsum", a, 1, 1);
            // the exact sum of the doubles, rounded once
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
            double special = 0;
            Iterator<Object> it = Ops.iter(a[0]);
            while (it.hasNext()) {
                double x = Ops.toDouble(Builtins.toFloat(it.next()));
                if (Double.isNaN(x) || Double.isInfinite(x)) {
                    if (Double.isInfinite(special) && Double.isInfinite(x) && special != x) {
                        throw Errors.valueError("-inf + inf in fsum");
                    }
                    special = Double.isNaN(special) ? special : x;
                    continue;
                }
                sum = sum.add(new java.math.BigDecimal(x));
            }
            if (special != 0) {
                return special;
            }
            java.math.BigInteger unscaled = sum.unscaledValue();
            int scale = sum.scale();
            return scale >= 0 ? Ints.trueDivide(unscaled, java.math.BigInteger.TEN.pow(scale))
                    : Ints.trueDivide(unscaled.multiply(java.math.BigInteger.TEN.pow(-scale)),
                            java.math.BigInteger.ONE);
        });
        m.def("isqrt", (a, kw) -> {
            java.math.BigInteger n = Ints.big(a[0]);
            if (n.signum() < 0) {
                throw Errors.valueError("isqrt() argument must be nonnegative");
            }
            return Ints.normalize(n.sqrt());
        });
        m.def("gcd", (a, kw) -> {
            java.math.BigInteger g = java.math.BigInteger.ZERO;
            for (Object o : a) {
                g = g.gcd(Ints.big(o));
            }
            return Ints.normalize(g);
        });
        m.def("hypot", (a, kw) -> {
            Args.noKw("hypot", kw);
            double r = 0.0;
            for (Object o : a) {
                r = Math.hypot(r, Ops.toDouble(o));
            }
            return r;
        });
        m.def("prod", (a, kw) -> {
            Args.count("prod", a, 1, 1);
            Object r = kw != null && kw.get("start") != null ? kw.get("start") : 1L;
            Iterator<Object> it = Ops.iter(a[0]);
            while (it.hasNext()) {
                r = Ops.binary(Ops.MUL, r, it.next());
            }
            return r;
        });
        m.def("lcm", (a, kw) -> {
            java.math.BigInteger l = java.math.BigInteger.ONE;
            for (Object o : a) {
                java.math.BigInteger x = Ints.big(o).abs();
                l = l.signum() == 0 || x.signum() == 0 ? java.math.BigInteger.ZERO : l.divide(l.gcd(x)).multiply(x);
            }
            return Ints.normalize(l);
        });
        m.def("factorial", (a, kw) -> {
            long n = Ints.toLong(a[0]);
            if (n < 0) {
                throw Errors.valueError("factorial() not defined for negative values");
            }
            java.math.BigInteger r = java.math.BigInteger.ONE;
            for (long i = 2; i <= n; i++) {
                r = r.multiply(java.math.BigInteger.valueOf(i));
            }
            return Ints.normalize(r);
        });
        m.def("isclose", (a, kw) -> {
            double x = Ops.toDouble(a[0]);
            double y = Ops.toDouble(a[1]);
            double rel = kw != null && kw.get("rel_tol") != null ? Ops.toDouble(kw.get("rel_tol")) : 1e-9;
            double abs = kw != null && kw.get("abs_tol") != null ? Ops.toDouble(kw.get("abs_tol")) : 0.0;
            return x == y || Math.abs(x - y) <= Math.max(rel * Math.max(Math.abs(x), Math.abs(y)), abs);
        });
        return m;
    }

    /** The bytes of a bytes-like argument, or of an ASCII str where the function also takes one. */
    private static byte[] binary(Object o, String function, boolean asciiStr) {
        if (o instanceof PyBytes b) {
            return b.bytes;
        }
        if (asciiStr && o instanceof String str) {
            for (int i = 0; i < str.length(); i++) {
                if (str.charAt(i) > 127) {
                    throw Errors.valueError("string argument should contain only ASCII characters");
                }
            }
            return str.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        throw Errors.typeError(function + "() argument must be bytes-like, not '" + Ops.typeName(o) + "'");
    }

    /**
     * Base64 input as CPython's decoders read it without {@code validate=True}: characters outside the alphabet
     * (newlines) are skipped; the URL-safe alphabet's {@code -} and {@code _} stand for {@code +} and {@code /}.
     */
    private static byte[] alphabetOnly(byte[] data, boolean urlsafe) {
        java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream(data.length);
        int padding = -1; // '=' seen after the data, once the first one is met
        for (byte b : data) {
            byte c = urlsafe && b == '-' ? (byte) '+' : urlsafe && b == '_' ? (byte) '/' : b;
            if (c == '=') {
                padding = padding < 0 ? 1 : padding + 1;
            } else if (padding < 0 && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/')) {
                kept.write(c);
            }
        }
        // the data ends at its padding (what follows is ignored, as CPython does); too little padding is an error
        int needed = (4 - kept.size() % 4) % 4;
        if (needed > 0 && padding < needed) {
            throw PythonError.of(BINASCII_ERROR, "Incorrect padding");
        }
        for (int i = 0; i < needed; i++) {
            kept.write('=');
        }
        return kept.toByteArray();
    }

    private static Object decoded(java.util.Base64.Decoder decoder, byte[] data) {
        try {
            return new PyBytes(decoder.decode(data));
        } catch (IllegalArgumentException e) {
            throw PythonError.of(BINASCII_ERROR, "Incorrect padding or invalid base64 data: " + e.getMessage());
        }
    }

    /** {@code binascii.Error}, which {@code base64}'s decoders raise too. */
    static final PyType BINASCII_ERROR = PyType.builtin("Error", Exceptions.VALUE_ERROR);

    private static PyModule base64() {
        PyModule m = new PyModule("base64");
        m.def("b64encode", (a, kw) -> new PyBytes(java.util.Base64.getEncoder().encode(binary(a[0], "b64encode", false))));
        m.def("standard_b64encode", (a, kw) -> new PyBytes(java.util.Base64.getEncoder()
                .encode(binary(a[0], "standard_b64encode", false))));
        m.def("urlsafe_b64encode", (a, kw) -> new PyBytes(java.util.Base64.getUrlEncoder()
                .encode(binary(a[0], "urlsafe_b64encode", false))));
        m.def("b64decode", (a, kw) -> decoded(java.util.Base64.getDecoder(),
                alphabetOnly(binary(a[0], "b64decode", true), false)));
        m.def("standard_b64decode", (a, kw) -> decoded(java.util.Base64.getDecoder(),
                alphabetOnly(binary(a[0], "standard_b64decode", true), false)));
        m.def("urlsafe_b64decode", (a, kw) -> decoded(java.util.Base64.getDecoder(),
                alphabetOnly(binary(a[0], "urlsafe_b64decode", true), true)));
        m.def("b16encode", (a, kw) -> new PyBytes(java.util.HexFormat.of().withUpperCase()
                .formatHex(binary(a[0], "b16encode", false)).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        m.def("b16decode", (a, kw) -> unhex(binary(a[0], "b16decode", true)));
        m.set("Error", BINASCII_ERROR);
        return m;
    }

    private static Object unhex(byte[] hex) {
        try {
            return new PyBytes(java.util.HexFormat.of().parseHex(new String(hex, java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (IllegalArgumentException e) {
            throw PythonError.of(BINASCII_ERROR, "Non-hexadecimal digit found");
        }
    }

    private static PyModule binascii() {
        PyModule m = new PyModule("binascii");
        for (String name : new String[] {"hexlify", "b2a_hex"}) {
            m.def(name, (a, kw) -> new PyBytes(java.util.HexFormat.of().formatHex(binary(a[0], name, false))
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        }
        for (String name : new String[] {"unhexlify", "a2b_hex"}) {
            m.def(name, (a, kw) -> unhex(binary(a[0], name, true)));
        }
        m.def("crc32", (a, kw) -> checksum(new java.util.zip.CRC32(), a, "crc32"));
        m.set("Error", BINASCII_ERROR);
        return m;
    }

    private static PyModule zlib() {
        PyModule m = new PyModule("zlib");
        m.def("crc32", (a, kw) -> checksum(new java.util.zip.CRC32(), a, "crc32"));
        m.def("adler32", (a, kw) -> checksum(new java.util.zip.Adler32(), a, "adler32"));
        m.stub = true; // compression itself is not there: a call names what is missing
        return m;
    }

    private static Object checksum(java.util.zip.Checksum sum, Object[] a, String function) {
        if (a.length > 1) {
            throw Errors.notImplemented(function + " with a starting value");
        }
        sum.update(binary(a[0], function, false));
        return sum.getValue();
    }

    private static PyModule hashlib() {
        PyModule m = new PyModule("hashlib");
        String[][] algos = {{"md5", "MD5"}, {"sha1", "SHA-1"}, {"sha224", "SHA-224"}, {"sha256", "SHA-256"},
            {"sha384", "SHA-384"}, {"sha512", "SHA-512"}};
        for (String[] al : algos) {
            m.def(al[0], (a, kw) -> new Hash(al[0], digest(al[1]), a.length > 0 ? a[0] : null));
        }
        m.def("new", (a, kw) -> {
            String n = Ops.str(a[0]).toLowerCase(java.util.Locale.ROOT);
            for (String[] al : algos) {
                if (al[0].equals(n)) {
                    return new Hash(n, digest(al[1]), a.length > 1 ? a[1] : null);
                }
            }
            throw Errors.valueError("unsupported hash type " + n);
        });
        return m;
    }

    private static java.security.MessageDigest digest(String algo) {
        try {
            return java.security.MessageDigest.getInstance(algo);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw Errors.valueError("unsupported hash type " + algo);
        }
    }

    /** A hashlib hash object. */
    static final class Hash implements PyAttributes {
        private final String name;
        private final java.security.MessageDigest md;

        Hash(String name, java.security.MessageDigest md, Object data) {
            this.name = name;
            this.md = md;
            if (data != null) {
                update(data);
            }
        }

        private void update(Object data) {
            if (!(data instanceof PyBytes b)) {
                throw Errors.typeError(data instanceof String ? "Strings must be encoded before hashing"
                        : "object supporting the buffer API required");
            }
            md.update(b.bytes);
        }

        private byte[] current() {
            try {
                return ((java.security.MessageDigest) md.clone()).digest();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Object getAttribute(String attr) {
            switch (attr) {
                case "update": return new PyBuiltin(attr, (a, kw) -> {
                    update(a[0]);
                    return PyNone.NONE;
                });
                case "digest": return new PyBuiltin(attr, (a, kw) -> new PyBytes(current()));
                case "hexdigest": return new PyBuiltin(attr, (a, kw) -> {
                    StringBuilder sb = new StringBuilder();
                    for (byte x : current()) {
                        sb.append(String.format("%02x", x & 0xff));
                    }
                    return sb.toString();
                });
                case "copy": return new PyBuiltin(attr, (a, kw) -> {
                    try {
                        return new Hash(name, (java.security.MessageDigest) md.clone(), null);
                    } catch (CloneNotSupportedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                case "name": return name;
                case "digest_size": return (long) md.getDigestLength();
                default: return null;
            }
        }

        @Override
        public String pythonTypeName() {
            return "_hashlib.HASH";
        }
    }

    static Object shallow(Object o) {
        if (o instanceof PyBytes b && b.mutable) {
            return PyBytes.bytearray(b.bytes);
        }
        if (o instanceof PyList l) {
            return new PyList(l.list);
        }
        if (o instanceof PyDict d) {
            return d.copy();
        }
        if (o instanceof PySet s) {
            return s.frozen ? s : s.copy(false);
        }
        if (o instanceof PyInstance i) {
            Object c = i.type().lookup("__copy__");
            if (c != null) {
                return Ops.call(c, new Object[] {o}, null);
            }
            PyInstance n = new PyInstance(i.type());
            for (Map.Entry<Object, Object> e : i.dict.entries()) {
                n.dict.put(e.getKey(), e.getValue());
            }
            if (i.builtinValue != null) {
                n.builtinValue = shallow(i.builtinValue);
            }
            return n;
        }
        return o;
    }

    static Object deep(Object o, IdentityHashMap<Object, Object> memo) {
        if (o instanceof String || o instanceof Long || o instanceof Boolean || o instanceof Double || o == PyNone.NONE
                || o instanceof PyType || o instanceof PyFunction || o instanceof PyBuiltin || o instanceof PyBytes b
                && !b.mutable || o instanceof java.math.BigInteger) {
            return o;
        }
        if (o instanceof PyBytes b) {
            return PyBytes.bytearray(b.bytes);
        }
        Object seen = memo.get(o);
        if (seen != null) {
            return seen;
        }
        if (o instanceof PyList l) {
            PyList n = new PyList();
            memo.put(o, n);
            for (Object x : l.list) {
                n.list.add(deep(x, memo));
            }
            return n;
        }
        if (o instanceof PyTuple t) {
            Object[] items = new Object[t.items.length];
            for (int i = 0; i < items.length; i++) {
                items[i] = deep(t.items[i], memo);
            }
            return new PyTuple(items);
        }
        if (o instanceof PyDict d) {
            PyDict n = new PyDict();
            memo.put(o, n);
            for (Map.Entry<Object, Object> e : d.entries()) {
                n.put(deep(e.getKey(), memo), deep(e.getValue(), memo));
            }
            return n;
        }
        if (o instanceof PySet s) {
            PySet n = new PySet(s.frozen);
            memo.put(o, n);
            for (Object x : s.elements()) {
                n.add(deep(x, memo));
            }
            return n;
        }
        if (o instanceof PyInstance i) {
            Object c = i.type().lookup("__deepcopy__");
            if (c != null) {
                return Ops.call(c, new Object[] {o, new PyDict()}, null);
            }
            PyInstance n = new PyInstance(i.type());
            memo.put(o, n);
            for (Map.Entry<Object, Object> e : i.dict.entries()) {
                n.dict.put(e.getKey(), deep(e.getValue(), memo));
            }
            if (i.builtinValue != null) {
                n.builtinValue = deep(i.builtinValue, memo);
            }
            return n;
        }
        return o;
    }

    private static PyIterator iterator(java.util.function.Supplier<Object> next) {
        return new PyIterator() {
            @Override
            Object advance() {
                return next.get();
            }
        };
    }

    private static PyModule itertools() {
        PyModule m = new PyModule("itertools");
        PyBuiltin chain = new PyBuiltin("chain", (a, kw) -> chain(java.util.Arrays.asList(a).iterator()));
        m.set("chain", new ChainType(chain));
        m.def("count", (a, kw) -> {
            Object[] cur = {a.length > 0 ? a[0] : 0L};
            Object step = a.length > 1 ? a[1] : 1L;
            return iterator(() -> {
                Object v = cur[0];
                cur[0] = Ops.binary(Ops.ADD, v, step);
                return v;
            });
        });
        m.def("repeat", (a, kw) -> {
            long[] n = {a.length > 1 ? Ints.toLong(a[1]) : -1};
            return iterator(() -> n[0] < 0 ? a[0] : n[0]-- > 0 ? a[0] : null);
        });
        m.def("islice", (a, kw) -> {
            Iterator<Object> it = Ops.iter(a[0]);
            long start = 0;
            long stop;
            long step = 1;
            if (a.length == 2) {
                stop = a[1] == PyNone.NONE ? Long.MAX_VALUE : Ints.toLong(a[1]);
            } else {
                start = a[1] == PyNone.NONE ? 0 : Ints.toLong(a[1]);
                stop = a[2] == PyNone.NONE ? Long.MAX_VALUE : Ints.toLong(a[2]);
                step = a.length > 3 && a[3] != PyNone.NONE ? Ints.toLong(a[3]) : 1;
            }
            long[] st = {0, start, stop, step};
            return iterator(() -> {
                while (st[0] < st[2] && it.hasNext()) {
                    Object v = it.next();
                    long i = st[0]++;
                    if (i >= st[1] && (i - st[1]) % st[3] == 0) {
                        return v;
                    }
                }
                return null;
            });
        });
        m.def("product", (a, kw) -> {
            int repeat = kw != null && kw.get("repeat") != null ? Ints.toInt(kw.get("repeat")) : 1;
            List<List<Object>> pools = new ArrayList<>();
            for (int r = 0; r < repeat; r++) {
                for (Object o : a) {
                    pools.add(Ops.toList(o));
                }
            }
            List<Object> result = new ArrayList<>();
            result.add(PyTuple.EMPTY);
            for (List<Object> pool : pools) {
                List<Object> next = new ArrayList<>();
                for (Object prefix : result) {
                    for (Object x : pool) {
                        Object[] p = ((PyTuple) prefix).items;
                        Object[] n = java.util.Arrays.copyOf(p, p.length + 1);
                        n[p.length] = x;
                        next.add(new PyTuple(n));
                    }
                }
                result = next;
            }
            return PyIterator.of(result.iterator());
        });
        m.def("permutations", (a, kw) -> {
            List<Object> pool = Ops.toList(a[0]);
            int r = a.length > 1 && a[1] != PyNone.NONE ? Ints.toInt(a[1]) : pool.size();
            List<Object> out = new ArrayList<>();
            permute(pool, r, new ArrayList<>(), new boolean[pool.size()], out);
            return PyIterator.of(out.iterator());
        });
        m.def("combinations", (a, kw) -> {
            List<Object> pool = Ops.toList(a[0]);
            int r = Ints.toInt(a[1]);
            List<Object> out = new ArrayList<>();
            combine(pool, r, 0, false, new ArrayList<>(), out);
            return PyIterator.of(out.iterator());
        });
        m.def("combinations_with_replacement", (a, kw) -> {
            Object[] b = Args.bind("combinations_with_replacement", a, kw, new String[] {"iterable", "r"}, 2);
            List<Object> pool = Ops.toList(b[0]);
            int r = Ints.toInt(b[1]);
            if (r < 0) {
                throw Errors.valueError("r must be non-negative");
            }
            List<Object> out = new ArrayList<>();
            combine(pool, r, 0, true, new ArrayList<>(), out);
            return PyIterator.of(out.iterator());
        });
        m.def("zip_longest", (a, kw) -> {
            Object fill = kw != null && kw.get("fillvalue") != null ? kw.get("fillvalue") : PyNone.NONE;
            List<Iterator<Object>> its = new ArrayList<>();
            for (Object o : a) {
                its.add(Ops.iter(o));
            }
            return iterator(() -> {
                boolean any = false;
                Object[] t = new Object[its.size()];
                for (int i = 0; i < t.length; i++) {
                    if (its.get(i).hasNext()) {
                        t[i] = its.get(i).next();
                        any = true;
                    } else {
                        t[i] = fill;
                    }
                }
                return any ? new PyTuple(t) : null;
            });
        });
        m.def("accumulate", (a, kw) -> {
            Iterator<Object> it = Ops.iter(a[0]);
            Object f = a.length > 1 ? a[1] : kw != null ? kw.get("func") : null;
            Object[] acc = {kw != null && kw.get("initial") != null ? kw.get("initial") : null};
            boolean[] first = {acc[0] != null};
            return iterator(() -> {
                if (first[0]) {
                    first[0] = false;
                    return acc[0];
                }
                if (!it.hasNext()) {
                    return null;
                }
                Object v = it.next();
                acc[0] = acc[0] == null ? v : f == null || f == PyNone.NONE ? Ops.binary(Ops.ADD, acc[0], v)
                        : Ops.call(f, new Object[] {acc[0], v}, null);
                return acc[0];
            });
        });
        m.def("takewhile", (a, kw) -> {
            Iterator<Object> it = Ops.iter(a[1]);
            boolean[] done = {false};
            return iterator(() -> {
                if (done[0] || !it.hasNext()) {
                    return null;
                }
                Object v = it.next();
                if (Ops.isTrue(Ops.call(a[0], new Object[] {v}, null))) {
                    return v;
                }
                done[0] = true;
                return null;
            });
        });
        m.def("dropwhile", (a, kw) -> {
            Iterator<Object> it = Ops.iter(a[1]);
            boolean[] dropping = {true};
            return iterator(() -> {
                while (it.hasNext()) {
                    Object v = it.next();
                    if (dropping[0] && Ops.isTrue(Ops.call(a[0], new Object[] {v}, null))) {
                        continue;
                    }
                    dropping[0] = false;
                    return v;
                }
                return null;
            });
        });
        m.def("starmap", (a, kw) -> {
            Iterator<Object> it = Ops.iter(a[1]);
            return iterator(() -> it.hasNext() ? Ops.call(a[0], Ops.toArray(it.next()), null) : null);
        });
        m.def("compress", (a, kw) -> {
            Object[] b = Args.bind("compress", a, kw, new String[] {"data", "selectors"}, 2);
            Iterator<Object> data = Ops.iter(b[0]);
            Iterator<Object> selectors = Ops.iter(b[1]);
            return iterator(() -> {
                while (data.hasNext() && selectors.hasNext()) {
                    Object v = data.next();
                    if (Ops.isTrue(selectors.next())) {
                        return v;
                    }
                }
                return null;
            });
        });
        m.def("pairwise", (a, kw) -> {
            Args.noKw("pairwise", kw);
            Args.count("pairwise", a, 1, 1);
            Iterator<Object> it = Ops.iter(a[0]);
            Object[] last = {null};
            return iterator(() -> {
                if (last[0] == null) {
                    if (!it.hasNext()) {
                        return null;
                    }
                    last[0] = it.next();
                }
                if (!it.hasNext()) {
                    return null;
                }
                Object[] pair = {last[0], it.next()};
                last[0] = pair[1];
                return new PyTuple(pair);
            });
        });
        m.def("cycle", (a, kw) -> {
            Args.noKw("cycle", kw);
            Args.count("cycle", a, 1, 1);
            // the first pass is saved, and later passes repeat it, as CPython's cycle does
            Iterator<Object> it = Ops.iter(a[0]);
            List<Object> saved = new ArrayList<>();
            int[] next = {-1};
            return iterator(() -> {
                if (next[0] < 0 && it.hasNext()) {
                    Object v = it.next();
                    saved.add(v);
                    return v;
                }
                if (saved.isEmpty()) {
                    return null;
                }
                next[0] = (next[0] + 1) % saved.size();
                return saved.get(next[0]);
            });
        });
        m.def("filterfalse", (a, kw) -> {
            Iterator<Object> it = Ops.iter(a[1]);
            return iterator(() -> {
                while (it.hasNext()) {
                    Object v = it.next();
                    if (!Ops.isTrue(a[0] == PyNone.NONE ? v : Ops.call(a[0], new Object[] {v}, null))) {
                        return v;
                    }
                }
                return null;
            });
        });
        m.def("tee", (a, kw) -> {
            List<Object> l = Ops.toList(a[0]);
            int n = a.length > 1 ? Ints.toInt(a[1]) : 2;
            Object[] r = new Object[n];
            for (int i = 0; i < n; i++) {
                r[i] = PyIterator.of(new ArrayList<>(l).iterator());
            }
            return new PyTuple(r);
        });
        m.def("groupby", (a, kw) -> {
            Object key = a.length > 1 ? a[1] : kw != null ? kw.get("key") : null;
            List<Object> items = Ops.toList(a[0]);
            List<Object> groups = new ArrayList<>();
            Object curKey = null;
            List<Object> cur = null;
            for (Object v : items) {
                Object k = key == null || key == PyNone.NONE ? v : Ops.call(key, new Object[] {v}, null);
                if (cur == null || !Ops.eq(k, curKey)) {
                    if (cur != null) {
                        groups.add(PyTuple.of(curKey, PyIterator.of(cur.iterator())));
                    }
                    cur = new ArrayList<>();
                    curKey = k;
                }
                cur.add(v);
            }
            if (cur != null) {
                groups.add(PyTuple.of(curKey, PyIterator.of(cur.iterator())));
            }
            return PyIterator.of(groups.iterator());
        });
        return m;
    }

    private static PyIterator chain(Iterator<Object> sources) {
        Iterator<?>[] cur = {null};
        return iterator(() -> {
            while (true) {
                if (cur[0] != null && cur[0].hasNext()) {
                    return cur[0].next();
                }
                if (!sources.hasNext()) {
                    return null;
                }
                cur[0] = Ops.iter(sources.next());
            }
        });
    }

    /** {@code itertools.chain}, callable and with {@code from_iterable}. */
    static final class ChainType implements PyAttributes, PyCallable {
        private final PyBuiltin chain;

        ChainType(PyBuiltin chain) {
            this.chain = chain;
        }

        @Override
        public Object call(Object[] args, Map<String, Object> kwargs) {
            return chain.call(args, kwargs);
        }

        @Override
        public Object getAttribute(String name) {
            if (name.equals("from_iterable")) {
                return new PyBuiltin(name, (a, kw) -> chain(Ops.iter(a[0])));
            }
            return null;
        }
    }

    private static void permute(List<Object> pool, int r, List<Object> cur, boolean[] used, List<Object> out) {
        if (cur.size() == r) {
            out.add(new PyTuple(cur.toArray()));
            return;
        }
        for (int i = 0; i < pool.size(); i++) {
            if (!used[i]) {
                used[i] = true;
                cur.add(pool.get(i));
                permute(pool, r, cur, used, out);
                cur.remove(cur.size() - 1);
                used[i] = false;
            }
        }
    }

    /** The r-length combinations of the pool in CPython's order; with {@code replacing}, an element may repeat. */
    private static void combine(List<Object> pool, int r, int start, boolean replacing, List<Object> cur,
            List<Object> out) {
        if (cur.size() == r) {
            out.add(new PyTuple(cur.toArray()));
            return;
        }
        for (int i = start; i < pool.size(); i++) {
            cur.add(pool.get(i));
            combine(pool, r, replacing ? i : i + 1, replacing, cur, out);
            cur.remove(cur.size() - 1);
        }
    }

    /** {@code time.gmtime}/{@code localtime}: a 9-tuple (struct_time's fields, indexable as CPython's is). */
    private static Object structTime(Object[] a, java.time.ZoneId zone) {
        boolean now = a.length == 0 || a[0] == PyNone.NONE;
        if (now) {
            HostAccess.clockRead();
        }
        double secs = !now ? ((Number) a[0]).doubleValue() : System.currentTimeMillis() / 1000.0;
        java.time.ZonedDateTime t = java.time.Instant.ofEpochMilli((long) Math.floor(secs * 1000)).atZone(zone);
        return PyTuple.of((long) t.getYear(), (long) t.getMonthValue(), (long) t.getDayOfMonth(),
                (long) t.getHour(), (long) t.getMinute(), (long) t.getSecond(),
                (long) (t.getDayOfWeek().getValue() - 1), (long) t.getDayOfYear(), 0L);
    }

    /** {@code time.strftime} for the directives metadata uses; others raise, naming the directive. */
    private static String strftime(String format, Object tuple) {
        long[] f = new long[9];
        for (int i = 0; i < 9; i++) {
            f[i] = ((Number) Ops.getitem(tuple, (long) i)).longValue();
        }
        String[] days = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
        String[] months = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char d = format.charAt(++i);
            switch (d) {
                case 'Y' -> out.append(f[0]);
                case 'y' -> out.append(String.format(java.util.Locale.ROOT, "%02d", f[0] % 100));
                case 'm' -> out.append(String.format(java.util.Locale.ROOT, "%02d", f[1]));
                case 'd' -> out.append(String.format(java.util.Locale.ROOT, "%02d", f[2]));
                case 'H' -> out.append(String.format(java.util.Locale.ROOT, "%02d", f[3]));
                case 'M' -> out.append(String.format(java.util.Locale.ROOT, "%02d", f[4]));
                case 'S' -> out.append(String.format(java.util.Locale.ROOT, "%02d", f[5]));
                case 'j' -> out.append(String.format(java.util.Locale.ROOT, "%03d", f[7]));
                case 'A' -> out.append(days[(int) f[6]]);
                case 'a' -> out.append(days[(int) f[6]], 0, 3);
                case 'B' -> out.append(months[(int) f[1] - 1]);
                case 'b' -> out.append(months[(int) f[1] - 1], 0, 3);
                case '%' -> out.append('%');
                default -> throw Errors.notImplemented("time.strftime directive %" + d);
            }
        }
        return out.toString();
    }
}
