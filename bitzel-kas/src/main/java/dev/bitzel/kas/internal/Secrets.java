package dev.bitzel.kas.internal;

import java.util.regex.Pattern;

/** Masks credentials in URLs ({@code https://user:token@host}) before they reach a log line. */
public final class Secrets {
    private static final Pattern USERINFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)([^/@\\s:]+):([^/@\\s]+)@");

    private Secrets() {
    }

    public static String mask(String text) {
        return USERINFO.matcher(text).replaceAll("$1$2:***@");
    }
}
