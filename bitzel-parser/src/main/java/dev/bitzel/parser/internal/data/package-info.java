/** Data structures behind {@code dev.bitzel.parser.data.DataStore}; not API. */
package dev.bitzel.parser.internal.data;
