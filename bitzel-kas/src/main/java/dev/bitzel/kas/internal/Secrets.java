package dev.bitzel.kas.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in URLs before they reach a log line or an error message: the password of
 * {@code scheme://user:password@host}, and the whole user part of {@code http(s)://token@host} (where a lone
 * user name is how tokens are passed). {@code ssh://git@host} keeps its user name.
 */
public final class Secrets {
    private static final Pattern USERINFO = Pattern.compile(
            "\\b([a-zA-Z][a-zA-Z0-9+.-]*://)([^/@\\s:'\"]*)(:[^/@\\s'\"]*)?@");

    private Secrets() {
    }

    public static String mask(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        Matcher m = USERINFO.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String scheme = m.group(1);
            String user = m.group(2);
            String replacement;
            if (m.group(3) != null) {
                replacement = scheme + user + ":***@";
            } else if (scheme.toLowerCase(java.util.Locale.ROOT).startsWith("http")) {
                replacement = scheme + "***@";
            } else {
                replacement = m.group();
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
