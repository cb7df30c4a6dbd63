/**
 * Reading and running kas project files. Start from {@link dev.bitzel.kas.KasRunner} (commands) or
 * {@link dev.bitzel.kas.KasConfig} (merge local files without repositories); options are the records
 * {@link dev.bitzel.kas.KasCheckoutOptions}, {@link dev.bitzel.kas.KasDumpOptions} and
 * {@link dev.bitzel.kas.KasBuildOptions}; user errors are {@link dev.bitzel.kas.KasException}.
 */
package dev.bitzel.kas;
