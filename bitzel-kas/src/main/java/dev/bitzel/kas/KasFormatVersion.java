package dev.bitzel.kas;

import java.util.Objects;

/**
 * The {@code header: version:} of a kas project file. kas numbers its formats 1, 2, …; the oldest files
 * say {@code "0.10"}, which kas reads as 1.
 *
 * <p>Immutable and thread-safe.
 *
 * @param number the integer format version, at least 1
 */
public record KasFormatVersion(int number) implements Comparable<KasFormatVersion> {

    /** Validates the component. */
    public KasFormatVersion {
        if (number < 1) {
            throw new IllegalArgumentException("kas format version must be >= 1, was " + number);
        }
    }

    /**
     * Reads a {@code header: version:} value as YAML delivers it: an integer, or the legacy string
     * {@code "0.10"}.
     *
     * @throws IllegalArgumentException naming the value when it is neither
     */
    public static KasFormatVersion of(Object yamlValue) {
        Objects.requireNonNull(yamlValue, "yamlValue");
        if (yamlValue instanceof Integer i) {
            return new KasFormatVersion(i);
        }
        if ("0.10".equals(yamlValue)) {
            return new KasFormatVersion(1);
        }
        throw new IllegalArgumentException("header.version must be an integer (or the legacy \"0.10\"), was '"
                + yamlValue + "'");
    }

    @Override
    public int compareTo(KasFormatVersion other) {
        return Integer.compare(number, other.number);
    }
}
