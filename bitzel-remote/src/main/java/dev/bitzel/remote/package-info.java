/**
 * REAPI v2 client and server, remote spawns, and build events. Start from {@link dev.bitzel.remote.RemoteClient},
 * {@link dev.bitzel.remote.RemoteExecutor}, {@link dev.bitzel.remote.RemoteServer} and
 * {@link dev.bitzel.remote.BuildEventPublisher}.
 */
package dev.bitzel.remote;
