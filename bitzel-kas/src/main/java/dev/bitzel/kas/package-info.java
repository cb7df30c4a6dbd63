/**
 * Reading and running kas project files. Start from {@link dev.bitzel.kas.KasRunner}; options are the records
 * {@link dev.bitzel.kas.KasCheckoutOptions}, {@link dev.bitzel.kas.KasDumpOptions} and
 * {@link dev.bitzel.kas.KasBuildOptions}; user errors are {@link dev.bitzel.kas.KasException}.
 */
package dev.bitzel.kas;
