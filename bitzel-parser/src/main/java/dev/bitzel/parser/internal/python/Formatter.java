package dev.bitzel.parser.internal.python;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.IdentityHashMap;
import java.util.Map;

/** repr, %-formatting and the format-spec mini-language, matching CPython's output. */
final class Formatter {
    private Formatter() {}

    private static final ThreadLocal<IdentityHashMap<Object, Boolean>> IN_REPR =
            ThreadLocal.withInitial(IdentityHashMap::new);

    static String repr(Object o) {
        if (o instanceof String s) {
            return reprStr(s);
        }
        if (o instanceof Long || o instanceof BigInteger || o instanceof Integer) {
            return o.toString();
        }
        if (o instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (o instanceof Double d) {
            return reprFloat(d);
        }
        if (o == PyNone.NONE) {
            return "None";
        }
        if (o instanceof PyInstance i) {
            Object f = i.type().lookup("__repr__");
            if (f != null) {
                Object r = Ops.call(f, new Object[] {o}, null);
                if (!(r instanceof String s)) {
                    throw Errors.typeError("__repr__ returned non-string (type " + Ops.typeName(r) + ")");
                }
                return s;
            }
            if (i.builtinValue != null) {
                return repr(i.builtinValue);
            }
            return "<" + i.type().module() + "." + i.type().name() + " object at 0x"
                    + Long.toHexString(System.identityHashCode(o)) + ">";
        }
        if (o instanceof PyList || o instanceof PyDict || o instanceof PySet || o instanceof PyTuple) {
            IdentityHashMap<Object, Boolean> seen = IN_REPR.get();
            if (seen.containsKey(o)) {
                return o instanceof PyList ? "[...]" : o instanceof PyDict ? "{...}" : "(...)";
            }
            seen.put(o, Boolean.TRUE);
            try {
                return reprContainer(o);
            } finally {
                seen.remove(o);
            }
        }
        if (o instanceof PyBytes b) {
            if (b.mutable) {
                // CPython's bytearray repr escapes single quotes even inside double ones
                String r = reprBytes(b.bytes);
                return "bytearray(" + (r.charAt(1) == '"' ? r.replace("'", "\\'") : r) + ")";
            }
            return reprBytes(b.bytes);
        }
        if (o instanceof PyType t) {
            Object r = t.metaMethod("__repr__");
            return r == null ? t.toString() : Ops.str(Ops.call(r, new Object[] {t}, null));
        }
        if (o instanceof PyFunction f) {
            return "<function " + f.qualname + " at 0x" + Long.toHexString(System.identityHashCode(o)) + ">";
        }
        if (o instanceof DictView v) {
            return v.repr();
        }
        if (o instanceof PyAttributes a) {
            Object r = a.getAttribute("__repr__");
            if (r != null) {
                return Ops.str(Ops.call(r, new Object[0], null));
            }
            return "<" + a.pythonTypeName() + " object>";
        }
        return o.toString();
    }

    private static String reprContainer(Object o) {
        StringBuilder sb = new StringBuilder();
        if (o instanceof PyList l) {
            sb.append('[');
            for (int i = 0; i < l.list.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(repr(l.list.get(i)));
            }
            return sb.append(']').toString();
        }
        if (o instanceof PyTuple t) {
            sb.append('(');
            for (int i = 0; i < t.items.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(repr(t.items[i]));
            }
            if (t.items.length == 1) {
                sb.append(',');
            }
            return sb.append(')').toString();
        }
        if (o instanceof PyDict d) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<Object, Object> e : d.map().entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(repr(d.original(e.getKey()))).append(": ").append(repr(e.getValue()));
            }
            return sb.append('}').toString();
        }
        PySet s = (PySet) o;
        if (s.size() == 0) {
            return s.frozen ? "frozenset()" : "set()";
        }
        if (s.frozen) {
            sb.append("frozenset(");
        }
        sb.append('{');
        boolean first = true;
        for (Object e : s.elements()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(repr(e));
        }
        sb.append('}');
        if (s.frozen) {
            sb.append(')');
        }
        return sb.toString();
    }

    static String reprStr(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append(q);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == q || c == '\\') {
                sb.append('\\').appendCodePoint(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", c));
            } else if (c < 0x7f) {
                sb.append((char) c);
            } else if (isPrintable(c)) {
                sb.appendCodePoint(c);
            } else if (c <= 0xff) {
                sb.append(String.format("\\x%02x", c));
            } else if (c <= 0xffff) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.append(String.format("\\U%08x", c));
            }
        }
        return sb.append(q).toString();
    }

    static boolean isPrintable(int c) {
        if (c == ' ') {
            return true;
        }
        switch (Character.getType(c)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    static String reprBytes(byte[] b) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte x : b) {
            hasSingle |= x == '\'';
            hasDouble |= x == '"';
        }
        char q = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder sb = new StringBuilder("b").append(q);
        for (byte x : b) {
            int c = x & 0xff;
            if (c == q || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c >= 0x7f) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.append(q).toString();
    }

    /** The shortest decimal that round-trips, in CPython's repr layout. */
    static String reprFloat(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal bd = shortest(d);
        String digits = bd.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - bd.scale(); // decimal exponent of the first digit
        String sign = d < 0 ? "-" : "";
        // strip trailing zeros of digits
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(0, end);
        if (exp >= -4 && exp < 16) {
            StringBuilder sb = new StringBuilder(sign);
            if (exp < 0) {
                sb.append("0.").append("0".repeat(-exp - 1)).append(digits);
            } else if (digits.length() <= exp + 1) {
                sb.append(digits).append("0".repeat(exp + 1 - digits.length())).append(".0");
            } else {
                sb.append(digits, 0, exp + 1).append('.').append(digits.substring(exp + 1));
            }
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder(sign).append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits.substring(1));
        }
        sb.append('e').append(exp < 0 ? '-' : '+');
        int ae = Math.abs(exp);
        if (ae < 10) {
            sb.append('0');
        }
        return sb.append(ae).toString();
    }

    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        String js = Double.toString(Math.abs(d));
        BigDecimal fromJava = new BigDecimal(js);
        int javaDigits = fromJava.stripTrailingZeros().precision();
        // Java's digits read back as d but are not always the shortest or the nearest (before JDK 19)
        for (int p = 1; p <= javaDigits; p++) {
            // the p-digit numbers either side of the value: the shortest that reads back as d, the nearer if both do
            BigDecimal down = exact.round(new java.math.MathContext(p, RoundingMode.DOWN));
            BigDecimal up = exact.round(new java.math.MathContext(p, RoundingMode.UP));
            boolean downReads = down.doubleValue() == d;
            boolean upReads = up.doubleValue() == d;
            if (downReads && upReads) {
                return exact.round(new java.math.MathContext(p, RoundingMode.HALF_EVEN));
            }
            if (downReads || upReads) {
                return downReads ? down : up;
            }
        }
        return d < 0 ? fromJava.negate() : fromJava;
    }

    // ---------------------------------------------------------------- % formatting

    static String percent(String fmt, Object args) {
        Object[] values;
        PyDict mapping = null;
        if (args instanceof PyTuple t) {
            values = t.items;
        } else {
            values = new Object[] {args};
            if (args instanceof PyDict d) {
                mapping = d;
            } else if (args instanceof PyInstance i && i.builtinValue instanceof PyDict d) {
                mapping = d;
            }
        }
        int capacity = fmt.length() + 16;
        for (Object v : values) {
            if (v instanceof String str) {
                capacity += str.length(); // metadata formats long values ("%s %s" % (d.getVar(...), ...))
            }
        }
        StringBuilder sb = new StringBuilder(capacity);
        int ai = 0;
        int n = fmt.length();
        for (int i = 0; i < n; i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            if (++i >= n) {
                throw Errors.valueError("incomplete format");
            }
            Object value = null;
            if (fmt.charAt(i) == '(') {
                int close = fmt.indexOf(')', i);
                if (mapping == null) {
                    throw Errors.typeError("format requires a mapping");
                }
                String key = fmt.substring(i + 1, close);
                value = mapping.get(key);
                if (value == null) {
                    throw Errors.keyError(key);
                }
                i = close + 1;
            }
            StringBuilder flags = new StringBuilder();
            while (i < n && "-+ #0".indexOf(fmt.charAt(i)) >= 0) {
                flags.append(fmt.charAt(i++));
            }
            int width = -1;
            if (i < n && fmt.charAt(i) == '*') {
                width = Ints.toInt(values[ai++]);
                i++;
            } else {
                int st = i;
                while (i < n && Character.isDigit(fmt.charAt(i))) {
                    i++;
                }
                if (i > st) {
                    width = Integer.parseInt(fmt.substring(st, i));
                }
            }
            int prec = -1;
            if (i < n && fmt.charAt(i) == '.') {
                i++;
                if (i < n && fmt.charAt(i) == '*') {
                    prec = Ints.toInt(values[ai++]);
                    i++;
                } else {
                    int st = i;
                    while (i < n && Character.isDigit(fmt.charAt(i))) {
                        i++;
                    }
                    prec = i > st ? Integer.parseInt(fmt.substring(st, i)) : 0;
                }
            }
            while (i < n && "hlL".indexOf(fmt.charAt(i)) >= 0) {
                i++;
            }
            if (i >= n) {
                throw Errors.valueError("incomplete format");
            }
            char conv = fmt.charAt(i);
            if (conv == '%') {
                sb.append('%');
                continue;
            }
            if (value == null) {
                if (ai >= values.length) {
                    throw Errors.typeError("not enough arguments for format string");
                }
                value = values[ai++];
            }
            String f = flags.toString();
            String body;
            switch (conv) {
                case 's': body = Ops.str(value); if (prec >= 0 && body.length() > prec) { body = body.substring(0, prec); } break;
                case 'r': case 'a': body = repr(value); if (prec >= 0 && body.length() > prec) { body = body.substring(0, prec); } break;
                case 'c': body = value instanceof String s ? s : new String(Character.toChars(Ints.toInt(value))); break;
                case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': case 'e': case 'E': case 'f': case 'F':
                case 'g': case 'G': {
                    value = Builtins.intValue(value);
                    if (!Ops.isNumber(value)) {
                        if (conv == 'd' || conv == 'i' || conv == 'x' || conv == 'X' || conv == 'o') {
                            throw Errors.typeError("%" + conv + " format: a real number is required, not "
                                    + Ops.typeName(value));
                        }
                        throw Errors.typeError("must be real number, not " + Ops.typeName(value));
                    }
                    StringBuilder spec = new StringBuilder();
                    if (f.indexOf('+') >= 0) {
                        spec.append('+');
                    } else if (f.indexOf(' ') >= 0) {
                        spec.append(' ');
                    }
                    if (f.indexOf('#') >= 0) {
                        spec.append('#');
                    }
                    if (prec >= 0 && "eEfFgG".indexOf(conv) >= 0) {
                        spec.append('.').append(prec);
                    }
                    char t = conv == 'i' || conv == 'u' ? 'd' : conv;
                    Object v = value;
                    if (t == 'd' || t == 'x' || t == 'X' || t == 'o') {
                        v = value instanceof Double dd ? Ints.normalize(new BigDecimal(dd).toBigInteger()) : value;
                    }
                    spec.append(t);
                    body = formatNumber(v, parseSpec(spec.toString()));
                    if (prec >= 0 && "dxXo".indexOf(t) >= 0) {
                        String sgn = body.startsWith("-") || body.startsWith("+") || body.startsWith(" ")
                                ? body.substring(0, 1) : "";
                        String digits = body.substring(sgn.length());
                        if (digits.length() < prec) {
                            body = sgn + "0".repeat(prec - digits.length()) + digits;
                        }
                    }
                    if (width > body.length() && f.indexOf('0') >= 0 && f.indexOf('-') < 0) {
                        int signLen = body.startsWith("-") || body.startsWith("+") || body.startsWith(" ") ? 1 : 0;
                        if (body.startsWith("0x", signLen) || body.startsWith("0X", signLen) || body.startsWith("0o", signLen)) {
                            signLen += 2;
                        }
                        body = body.substring(0, signLen) + "0".repeat(width - body.length()) + body.substring(signLen);
                    }
                    break;
                }
                default:
                    throw Errors.valueError("unsupported format character '" + conv + "' (0x"
                            + Integer.toHexString(conv) + ") at index " + i);
            }
            if (width > body.length()) {
                body = f.indexOf('-') >= 0 ? body + " ".repeat(width - body.length())
                        : " ".repeat(width - body.length()) + body;
            }
            sb.append(body);
        }
        if (ai < values.length && mapping == null) {
            throw Errors.typeError("not all arguments converted during string formatting");
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- format spec

    record Spec(char fill, char align, char sign, boolean alt, boolean zero, int width, char grouping, int precision,
            char type) {}

    static Spec parseSpec(String s) {
        char fill = ' ';
        char align = 0;
        int i = 0;
        int n = s.length();
        if (n >= 2 && "<>=^".indexOf(s.charAt(1)) >= 0) {
            fill = s.charAt(0);
            align = s.charAt(1);
            i = 2;
        } else if (n >= 1 && "<>=^".indexOf(s.charAt(0)) >= 0) {
            align = s.charAt(0);
            i = 1;
        }
        char sign = 0;
        if (i < n && "+- ".indexOf(s.charAt(i)) >= 0) {
            sign = s.charAt(i++);
        }
        boolean alt = false;
        if (i < n && s.charAt(i) == '#') {
            alt = true;
            i++;
        }
        boolean zero = false;
        if (i < n && s.charAt(i) == '0') {
            zero = true;
            i++;
        }
        int width = -1;
        int st = i;
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i > st) {
            width = Integer.parseInt(s.substring(st, i));
        }
        char grouping = 0;
        if (i < n && (s.charAt(i) == ',' || s.charAt(i) == '_')) {
            grouping = s.charAt(i++);
        }
        int precision = -1;
        if (i < n && s.charAt(i) == '.') {
            i++;
            st = i;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == st) {
                throw Errors.valueError("Format specifier missing precision");
            }
            precision = Integer.parseInt(s.substring(st, i));
        }
        char type = 0;
        if (i < n) {
            type = s.charAt(i++);
        }
        if (i < n) {
            throw Errors.valueError("Invalid format specifier '" + s + "'");
        }
        return new Spec(fill, align, sign, alt, zero, width, grouping, precision, type);
    }

    /** {@code format(value, spec)}. */
    static String format(Object value, String spec) {
        if (value instanceof PyInstance i) {
            Object f = i.type().lookup("__format__");
            if (f != null && !Builtins.OBJECT.dict.containsValue(f)) {
                return Ops.str(Ops.call(f, new Object[] {value, spec}, null));
            }
            if (!spec.isEmpty()) {
                throw Errors.typeError("unsupported format string passed to " + i.type().name() + ".__format__");
            }
            return Ops.str(value);
        }
        if (spec.isEmpty()) {
            return Ops.str(value);
        }
        Spec sp = parseSpec(spec);
        if (value instanceof String s) {
            if (sp.type != 0 && sp.type != 's') {
                throw Errors.valueError("Unknown format code '" + sp.type + "' for object of type 'str'");
            }
            if (sp.sign != 0) {
                throw Errors.valueError("Sign not allowed in string format specifier");
            }
            if (sp.precision >= 0 && s.length() > sp.precision) {
                s = s.substring(0, sp.precision);
            }
            return pad(s, sp, '<');
        }
        if (Ops.isNumber(value)) {
            return formatNumber(value, sp);
        }
        if (sp.type != 0 && sp.type != 's') {
            throw Errors.typeError("unsupported format string passed to " + Ops.typeName(value) + ".__format__");
        }
        return pad(Ops.str(value), sp, '<');
    }

    private static String pad(String s, Spec sp, char defaultAlign) {
        int len = s.codePointCount(0, s.length());
        if (sp.width <= len) {
            return s;
        }
        int padn = sp.width - len;
        char align = sp.align == 0 ? defaultAlign : sp.align;
        String fill = String.valueOf(sp.fill);
        switch (align) {
            case '<': return s + fill.repeat(padn);
            case '^': return fill.repeat(padn / 2) + s + fill.repeat(padn - padn / 2);
            default: return fill.repeat(padn) + s;
        }
    }

    static String formatNumber(Object value, Spec sp) {
        char type = sp.type;
        boolean isInt = Ints.isInt(value);
        String body;
        boolean negative;
        String prefix = "";
        if (isInt && (type == 0 || "dnxXobc".indexOf(type) >= 0)) {
            BigInteger v = Ints.big(value);
            negative = v.signum() < 0;
            v = v.abs();
            switch (type) {
                case 'x': body = v.toString(16); prefix = sp.alt ? "0x" : ""; break;
                case 'X': body = v.toString(16).toUpperCase(java.util.Locale.ROOT); prefix = sp.alt ? "0X" : ""; break;
                case 'o': body = v.toString(8); prefix = sp.alt ? "0o" : ""; break;
                case 'b': body = v.toString(2); prefix = sp.alt ? "0b" : ""; break;
                case 'c': body = new String(Character.toChars(v.intValue())); break;
                default: body = v.toString(); break;
            }
            if (sp.precision >= 0) {
                throw Errors.valueError("Precision not allowed in integer format specifier");
            }
            if (sp.grouping != 0) {
                body = group(body, sp.grouping, type == 0 || type == 'd' || type == 'n' ? 3 : 4);
            }
        } else if (isInt || value instanceof Double) {
            if (isInt && "eEfFgG%".indexOf(type) < 0) {
                throw Errors.valueError("Unknown format code '" + type + "' for object of type 'int'");
            }
            double d = Ops.toDouble(value);
            if (!isInt && "eEfFgG%".indexOf(type) < 0 && type != 0) {
                throw Errors.valueError("Unknown format code '" + type + "' for object of type 'float'");
            }
            negative = d < 0 || (d == 0 && 1 / d < 0);
            d = Math.abs(d);
            body = formatFloat(d, type, sp.precision, sp.alt);
            if (sp.grouping != 0) {
                int dot = body.indexOf('.');
                int e = dot >= 0 ? dot : body.length();
                if (body.chars().limit(e).allMatch(Character::isDigit)) {
                    body = group(body.substring(0, e), sp.grouping, 3) + body.substring(e);
                }
            }
        } else {
            throw Errors.valueError("Unknown format code '" + type + "' for object of type '" + Ops.typeName(value) + "'");
        }
        String sign = negative ? "-" : sp.sign == '+' ? "+" : sp.sign == ' ' ? " " : "";
        if (sp.zero && sp.align == 0 || sp.align == '=') {
            char fill = sp.zero && sp.align == 0 ? '0' : sp.fill;
            int padn = sp.width - sign.length() - prefix.length() - body.length();
            if (padn > 0) {
                if (fill == '0' && sp.grouping != 0) {
                    String raw = body.replace(String.valueOf(sp.grouping), "");
                    int intLen = raw.indexOf('.') >= 0 ? raw.indexOf('.') : raw.length();
                    String tail = raw.substring(intLen);
                    String ip = raw.substring(0, intLen);
                    String grouped = body;
                    while (grouped.length() + sign.length() + prefix.length() < sp.width) {
                        ip = "0" + ip;
                        grouped = group(ip, sp.grouping, 3) + tail;
                    }
                    body = grouped;
                } else {
                    body = String.valueOf(fill).repeat(padn) + body;
                }
            }
            return sign + prefix + body;
        }
        return pad(sign + prefix + body, sp, '>');
    }

    private static String group(String digits, char sep, int every) {
        StringBuilder sb = new StringBuilder();
        int n = digits.length();
        for (int i = 0; i < n; i++) {
            if (i > 0 && (n - i) % every == 0) {
                sb.append(sep);
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    /** Formats a non-negative double. */
    static String formatFloat(double d, char type, int precision, boolean alt) {
        if (Double.isNaN(d)) {
            return Character.isUpperCase(type) ? "NAN" : "nan";
        }
        if (Double.isInfinite(d)) {
            return Character.isUpperCase(type) ? "INF" : "inf";
        }
        switch (type) {
            case 0:
                if (precision < 0) {
                    return reprFloat(d);
                }
                return general(d, precision == 0 ? 1 : precision, alt, true);
            case 'f':
            case 'F':
                return new BigDecimal(d).setScale(precision < 0 ? 6 : precision, RoundingMode.HALF_EVEN).toPlainString()
                        + (alt && precision == 0 ? "." : "");
            case '%':
                return new BigDecimal(d).multiply(BigDecimal.valueOf(100))
                        .setScale(precision < 0 ? 6 : precision, RoundingMode.HALF_EVEN).toPlainString() + "%";
            case 'e':
            case 'E': {
                String r = sci(d, precision < 0 ? 6 : precision, alt);
                return type == 'E' ? r.toUpperCase(java.util.Locale.ROOT) : r;
            }
            case 'g':
            case 'G': {
                String r = general(d, precision < 0 ? 6 : precision == 0 ? 1 : precision, alt, false);
                return type == 'G' ? r.toUpperCase(java.util.Locale.ROOT) : r;
            }
            default:
                throw Errors.valueError("Unknown format code '" + type + "' for object of type 'float'");
        }
    }

    private static String sci(double d, int precision, boolean alt) {
        if (d == 0) {
            return "0" + (precision > 0 ? "." + "0".repeat(precision) : alt ? "." : "") + "e+00";
        }
        BigDecimal bd = new BigDecimal(d).round(new java.math.MathContext(precision + 1, RoundingMode.HALF_EVEN));
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - 1 - bd.scale();
        if (digits.length() < precision + 1) {
            digits = digits + "0".repeat(precision + 1 - digits.length());
        }
        digits = digits.substring(0, precision + 1);
        StringBuilder sb = new StringBuilder().append(digits.charAt(0));
        if (precision > 0 || alt) {
            sb.append('.');
        }
        sb.append(digits.substring(1));
        sb.append('e').append(exp < 0 ? '-' : '+');
        if (Math.abs(exp) < 10) {
            sb.append('0');
        }
        return sb.append(Math.abs(exp)).toString();
    }

    /** The 'g' presentation; {@code noType} is the spec without a type letter, which keeps at least one decimal. */
    private static String general(double d, int p, boolean alt, boolean noType) {
        if (d == 0) {
            return noType ? "0.0" : alt ? "0." + "0".repeat(p - 1) : "0";
        }
        BigDecimal bd = new BigDecimal(d).round(new java.math.MathContext(p, RoundingMode.HALF_EVEN));
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - 1 - bd.scale();
        if (exp >= -4 && exp < p) {
            String r = bd.setScale(Math.max(0, p - 1 - exp), RoundingMode.HALF_EVEN).toPlainString();
            if (!alt && r.indexOf('.') >= 0) {
                r = r.replaceAll("0+$", "");
                if (r.endsWith(".")) {
                    r = noType ? r + "0" : r.substring(0, r.length() - 1);
                }
            } else if (noType && r.indexOf('.') < 0) {
                r = r + ".0";
            }
            return r;
        }
        String r = sci(d, p - 1, alt);
        if (!alt) {
            int e = r.indexOf('e');
            String m = r.substring(0, e);
            if (m.indexOf('.') >= 0) {
                m = m.replaceAll("0+$", "");
                if (m.endsWith(".")) {
                    m = m.substring(0, m.length() - 1);
                }
            }
            r = m + r.substring(e);
        }
        return r;
    }
}
