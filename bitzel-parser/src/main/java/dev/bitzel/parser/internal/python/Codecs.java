package dev.bitzel.parser.internal.python;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code str.encode} and {@code bytes.decode} as CPython's codecs do them: UTF-8, ASCII and Latin-1 with the
 * same error ranges, reasons and error handlers; other encodings through Java's charsets.
 */
final class Codecs {
    private Codecs() {}

    private static final String UTF_8 = "utf-8";
    private static final String ASCII = "ascii";
    private static final String LATIN_1 = "latin-1";

    /** CPython's name for an encoding it implements natively (as its error messages show it), else null. */
    private static String canonical(String encoding) {
        String e = encoding.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        switch (e) {
            case "utf-8": case "utf8": case "u8": case "utf": case "cp65001":
                return UTF_8;
            case "ascii": case "us-ascii": case "646": case "us":
                return ASCII;
            case "latin-1": case "latin1": case "latin": case "l1": case "iso-8859-1": case "iso8859-1":
            case "8859": case "cp819": case "iso-ir-100":
                return LATIN_1;
            default:
                return null;
        }
    }

    private static java.nio.charset.Charset javaCharset(String encoding) {
        try {
            return java.nio.charset.Charset.forName(encoding.toLowerCase(Locale.ROOT).replace('_', '-'));
        } catch (RuntimeException ex) {
            throw PythonError.of(Exceptions.LOOKUP_ERROR, "unknown encoding: " + encoding);
        }
    }

    private static PythonError unknownHandler(String errors) {
        return PythonError.of(Exceptions.LOOKUP_ERROR, "unknown error handler name '" + errors + "'");
    }

    // ---------------------------------------------------------------- encoding

    static PyBytes encode(String s, String encoding, String errors) {
        String codec = canonical(encoding);
        if (codec == null) {
            return new PyBytes(s.getBytes(javaCharset(encoding)));
        }
        int[] cps = s.codePoints().toArray();
        int limit = codec.equals(ASCII) ? 0x80 : codec.equals(LATIN_1) ? 0x100 : Integer.MAX_VALUE;
        ByteArrayOutputStream out = new ByteArrayOutputStream(cps.length);
        int i = 0;
        while (i < cps.length) {
            if (encodable(cps[i], limit)) {
                write(out, cps[i], codec);
                i++;
                continue;
            }
            // CPython hands the whole run of characters the codec cannot encode to the error handler
            int end = i;
            while (end < cps.length && !encodable(cps[end], limit)) {
                end++;
            }
            String reason = limit == Integer.MAX_VALUE ? "surrogates not allowed"
                    : "ordinal not in range(" + limit + ")";
            for (int k = i; k < end; k++) {
                int cp = cps[k];
                switch (errors) {
                    case "strict":
                        throw encodeError(codec, s, i, end, reason);
                    case "ignore":
                        break;
                    case "replace":
                        out.write('?');
                        break;
                    case "backslashreplace":
                        out.writeBytes(escape(cp).getBytes(StandardCharsets.US_ASCII));
                        break;
                    case "xmlcharrefreplace":
                        out.writeBytes(("&#" + cp + ";").getBytes(StandardCharsets.US_ASCII));
                        break;
                    case "surrogateescape":
                        if (cp < 0xdc80 || cp > 0xdcff) {
                            throw encodeError(codec, s, k, end, reason);
                        }
                        out.write(cp - 0xdc00);
                        break;
                    case "surrogatepass":
                        if (!codec.equals(UTF_8) || cp < 0xd800 || cp > 0xdfff) {
                            throw encodeError(codec, s, k, end, reason);
                        }
                        out.writeBytes(surrogateBytes(cp));
                        break;
                    default:
                        throw unknownHandler(errors);
                }
            }
            i = end;
        }
        return new PyBytes(out.toByteArray());
    }

    private static boolean encodable(int cp, int limit) {
        return limit == Integer.MAX_VALUE ? cp < 0xd800 || cp > 0xdfff : cp < limit;
    }

    private static void write(ByteArrayOutputStream out, int cp, String codec) {
        if (!codec.equals(UTF_8) || cp < 0x80) {
            out.write(cp);
        } else {
            out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A lone surrogate in UTF-8's three-byte form ({@code surrogatepass}). */
    private static byte[] surrogateBytes(int cp) {
        return new byte[] {(byte) (0xe0 | cp >> 12), (byte) (0x80 | (cp >> 6 & 0x3f)), (byte) (0x80 | (cp & 0x3f))};
    }

    /** A character as {@code backslashreplace} and the error messages write it. */
    private static String escape(int cp) {
        return cp < 0x100 ? String.format("\\x%02x", cp) : cp < 0x10000 ? String.format("\\u%04x", cp)
                : String.format("\\U%08x", cp);
    }

    /** {@code UnicodeEncodeError(encoding, object, start, end, reason)}; positions count code points. */
    static PythonError encodeError(String codec, String s, int start, int end, String reason) {
        return new PythonError(Exceptions.createArgs(Exceptions.UNICODE_ENCODE_ERROR,
                new Object[] {codec, s, (long) start, (long) end, reason}));
    }

    // ---------------------------------------------------------------- decoding

    static String decode(byte[] b, String encoding, String errors) {
        String codec = canonical(encoding);
        if (codec == null) {
            return javaDecode(b, encoding, errors);
        }
        StringBuilder out = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            if (c < 0x80 || codec.equals(LATIN_1)) {
                out.append((char) c);
                i++;
                continue;
            }
            int end;
            String reason;
            if (codec.equals(ASCII)) {
                end = i + 1;
                reason = "ordinal not in range(128)";
            } else {
                int n = utf8Sequence(b, i);
                if (n > 0) {
                    out.append(new String(b, i, n, StandardCharsets.UTF_8));
                    i += n;
                    continue;
                }
                end = i - n / 10;
                reason = UTF8_REASONS[-n % 10];
            }
            switch (errors) {
                case "strict":
                    throw new PythonError(Exceptions.createArgs(Exceptions.UNICODE_DECODE_ERROR,
                            new Object[] {codec, new PyBytes(b), (long) i, (long) end, reason}));
                case "ignore":
                    break;
                case "replace":
                    out.append('\ufffd');
                    break;
                case "backslashreplace":
                    for (int k = i; k < end; k++) {
                        out.append(String.format("\\x%02x", b[k] & 0xff));
                    }
                    break;
                case "surrogateescape":
                    for (int k = i; k < end; k++) {
                        out.append((char) (0xdc00 + (b[k] & 0xff)));
                    }
                    break;
                default:
                    throw unknownHandler(errors);
            }
            i = end;
        }
        return out.toString();
    }

    private static final String[] UTF8_REASONS = {
        "", "invalid start byte", "invalid continuation byte", "unexpected end of data",
    };

    /**
     * The length of the valid UTF-8 sequence at {@code i}, or, when it is invalid, {@code -(10 * length + reason)}
     * with the length of the bad part and the index of its reason in {@link #UTF8_REASONS}, as CPython's decoder
     * delimits them.
     */
    private static int utf8Sequence(byte[] b, int i) {
        int c = b[i] & 0xff;
        int need;
        int low = 0x80;
        int high = 0xbf;
        if (c >= 0xc2 && c <= 0xdf) {
            need = 1;
        } else if (c >= 0xe0 && c <= 0xef) {
            need = 2;
            low = c == 0xe0 ? 0xa0 : 0x80;
            high = c == 0xed ? 0x9f : 0xbf;
        } else if (c >= 0xf0 && c <= 0xf4) {
            need = 3;
            low = c == 0xf0 ? 0x90 : 0x80;
            high = c == 0xf4 ? 0x8f : 0xbf;
        } else {
            return -(10 + 1);
        }
        for (int k = 1; k <= need; k++) {
            if (i + k >= b.length) {
                return -(10 * k + 3);
            }
            int d = b[i + k] & 0xff;
            if (k == 1 ? d < low || d > high : d < 0x80 || d > 0xbf) {
                return -(10 * k + 2);
            }
        }
        return need + 1;
    }

    private static String javaDecode(byte[] b, String encoding, String errors) {
        java.nio.charset.CharsetDecoder dec = javaCharset(encoding).newDecoder();
        java.nio.charset.CodingErrorAction action = errors.equals("strict")
                ? java.nio.charset.CodingErrorAction.REPORT : errors.equals("ignore")
                ? java.nio.charset.CodingErrorAction.IGNORE : java.nio.charset.CodingErrorAction.REPLACE;
        dec.onMalformedInput(action).onUnmappableCharacter(action);
        try {
            return dec.decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw PythonError.of(Exceptions.UNICODE_DECODE_ERROR, "'" + encoding.toLowerCase(Locale.ROOT)
                    .replace("_", "-") + "' codec can't decode bytes: invalid data");
        }
    }

    /** {@code str()} of a UnicodeEncodeError or UnicodeDecodeError made from its five arguments. */
    static String message(PyInstance e) {
        Object[] a = Exceptions.argsOf(e);
        boolean decoding = e.type().isSubtypeOf(Exceptions.UNICODE_DECODE_ERROR);
        long start = Ints.toLong(a[2]);
        long end = Ints.toLong(a[3]);
        String what = "'" + Ops.str(a[0]) + "' codec can't " + (decoding ? "decode" : "encode");
        if (end - start == 1) {
            if (decoding) {
                return what + String.format(" byte 0x%02x", ((PyBytes) a[1]).bytes[(int) start] & 0xff)
                        + " in position " + start + ": " + Ops.str(a[4]);
            }
            int cp = ((String) a[1]).codePointAt(((String) a[1]).offsetByCodePoints(0, (int) start));
            return what + " character '" + escape(cp) + "' in position " + start + ": " + Ops.str(a[4]);
        }
        return what + (decoding ? " bytes" : " characters") + " in position " + start + "-" + (end - 1) + ": "
                + Ops.str(a[4]);
    }
}
