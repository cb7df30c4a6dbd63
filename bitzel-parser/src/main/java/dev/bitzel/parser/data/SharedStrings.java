package dev.bitzel.parser.data;

import java.io.IOException;

/**
 * Where {@link DataStore#writeDelta(DataStore, java.io.DataOutputStream, java.util.function.UnaryOperator,
 * SharedStrings)} keeps long strings that many deltas hold alike (the function bodies of the classes every recipe
 * inherits), so that each is written once and a delta carries only a fixed-size reference to it.
 */
public interface SharedStrings {
    /** The length in bytes of a reference. */
    int REFERENCE_LENGTH = 32;

    /** Strings of at least this many characters are shared; shorter ones are written into the delta. */
    int MIN_LENGTH = 1024;

    /**
     * Stores a string (unless it is there already) and answers its reference.
     *
     * @param s the string, at least {@link #MIN_LENGTH} characters long
     * @return its reference, {@link #REFERENCE_LENGTH} bytes
     * @throws IOException if it cannot be stored
     */
    byte[] put(String s) throws IOException;

    /**
     * The string stored under a reference.
     *
     * @param reference a reference {@link #put} answered
     * @return the string
     * @throws IOException if it is not there or damaged
     */
    String get(byte[] reference) throws IOException;
}
